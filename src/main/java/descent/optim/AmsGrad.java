package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.max;
import static java.lang.Math.sqrt;

import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AMSGrad: Adam whose scale never shrinks, normalising by the running maximum of v.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   v_max ← max(v_max, v)
 *   θ ← θ − η/(1 − β1ᵗ) · m / (√v_max/√(1 − β2ᵗ) + ε)
 *     = θ − α_t · m / (√v_max + ε̂)          (α_t, ε̂ as in {@link Adam})
 * </pre>
 *
 * <p>Reddi, Kale &amp; Kumar, "On the Convergence of Adam and Beyond" (ICLR 2018). Equals
 * {@code torch.optim.Adam(amsgrad=True)}: the maximum is taken over the raw v (torch's
 * max_exp_avg_sqs) and bias-corrected afterwards. (The paper has no bias correction; with it,
 * as in torch, dividing v_max by the same 1 − β2ᵗ as v̂ keeps the first steps ≈ η.)
 */
public final class AmsGrad extends Adam {
    private final State vMax = state();   // the running maximum of v

    /** AMSGrad with torch's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public AmsGrad(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /** @see Adam#Adam(double, double, double, double) */
    public AmsGrad(double lr, double beta1, double beta2, double eps) {
        super(lr, beta1, beta2, eps);
    }

    /** The rule on n parameters; {@code FloatRules.amsGrad} is this text in float. */
    static void rule(double[] theta, double[] g, double[] m, double[] v, double[] vMax, int n,
                     double beta1, double beta2, double stepSize, double epsHat) {
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);                      // β1·m + (1 − β1)·g
            v[i] = fma((1 - beta2) * g[i], g[i], beta2 * v[i]);             // β2·v + (1 − β2)·g²
            vMax[i] = max(vMax[i], v[i]);                                   // max(v_max, v)
            theta[i] -= stepSize * m[i] / (sqrt(vMax[i]) + epsHat);         // α_t·m / (√v_max + ε̂)
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, m.in(b), v.in(b), vMax.in(b), b.n, beta1, beta2, stepSize, epsHat);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.amsGrad(b.theta, b.g, m.in(b), v.in(b), vMax.in(b), b.n,
                (float) beta1, (float) beta2, (float) stepSize, (float) epsHat);
    }

    /** A copy of v_max, the running maximum of v, or null before the first step. */
    public INDArray vMax() {
        return copy(vMax);
    }
}
