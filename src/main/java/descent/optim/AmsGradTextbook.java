package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.max;
import static java.lang.Math.pow;
import static java.lang.Math.sqrt;

import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AMSGrad keeping the maximum of the bias-corrected v̂, as it is often written.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g,    m̂ = m / (1 − β1ᵗ)
 *   v ← β2·v + (1 − β2)·g²,   v̂ = v / (1 − β2ᵗ)
 *   v̂_max ← max(v̂_max, v̂)
 *   θ ← θ − η·m̂ / (√v̂_max + ε)
 * </pre>
 *
 * <p>Reddi, Kale &amp; Kumar, "On the Convergence of Adam and Beyond" (ICLR 2018), Algorithm 2
 * with Adam's bias correction added. <b>When it agrees with {@link AmsGrad}</b> (torch: the
 * maximum of the raw v, corrected afterwards, max(v_1 … v_t)/(1 − β2ᵗ)): whenever v̂ and v both
 * never fall, e.g. on a constant gradient (v̂ = g² at every step): then both maxima are the
 * current v̂. They part when v falls: early large gradients keep torch's corrected maximum up for
 * good, while this v̂_max, set while 1 − β2ᵗ was small, is larger still.
 */
public final class AmsGradTextbook extends Adam {
    private final State vHatMax = state();   // the running maximum of v̂
    private double correction1, correction2;

    /** AMSGrad with torch's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public AmsGradTextbook(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /** @see Adam#Adam(double, double, double, double) */
    public AmsGradTextbook(double lr, double beta1, double beta2, double eps) {
        super(lr, beta1, beta2, eps);
    }

    @Override
    void begin(long t) {
        correction1 = 1 - pow(beta1, t);
        correction2 = 1 - pow(beta2, t);
    }

    /** The rule on n parameters; {@code FloatRules.amsGradTextbook} is this text in float. */
    static void rule(double[] theta, double[] g, double[] m, double[] v, double[] vHatMax, int n,
                     double lr, double beta1, double beta2, double eps, double correction1, double correction2) {
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);                      // β1·m + (1 − β1)·g
            v[i] = fma((1 - beta2) * g[i], g[i], beta2 * v[i]);             // β2·v + (1 − β2)·g²
            vHatMax[i] = max(vHatMax[i], v[i] / correction2);               // max(v̂_max, v̂)
            theta[i] -= lr * (m[i] / correction1) / (sqrt(vHatMax[i]) + eps);   // θ − η·m̂/(√v̂_max + ε)
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, m.in(b), v.in(b), vHatMax.in(b), b.n, lr, beta1, beta2, eps, correction1, correction2);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.amsGradTextbook(b.theta, b.g, m.in(b), v.in(b), vHatMax.in(b), b.n, (float) lr, (float) beta1,
                (float) beta2, (float) eps, (float) correction1, (float) correction2);
    }

    /** A copy of v̂_max, the running maximum of v̂, or null before the first step. */
    public INDArray vHatMax() {
        return copy(vHatMax);
    }
}
