package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.pow;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam: momentum on the gradient (m) and RMSprop's scale (v), both bias-corrected.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g                m̂ = m / (1 − β1ᵗ)
 *   v ← β2·v + (1 − β2)·g²               v̂ = v / (1 − β2ᵗ)
 *   θ ← θ − η·m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015), Algorithm 1.
 * Equals {@code torch.optim.Adam} (lr 1e-3, betas (0.9, 0.999), eps 1e-8): ε is added to √v̂,
 * not to v̂. Both m and v start at 0, so both are biased toward 0 early on. Uncorrected, the two
 * biases do not cancel: at t = 1 the step is η·(1 − β1)g/√((1 − β2)g²) = η·0.1/√0.001 ≈ 3.16·η
 * with the defaults — too large, not tiny (m alone would make it tiny; v alone, huge; see
 * {@link AdamWithoutBiasCorrection} and lesson 4). With the correction the first step is
 * η·g/(|g| + ε) ≈ η on every coordinate.
 *
 * <p>The code takes the paper's own cheaper form of the same step (end of its section 2): with
 * α_t = η·√(1 − β2ᵗ)/(1 − β1ᵗ) and ε̂ = ε·√(1 − β2ᵗ),
 * <pre>
 *   θ ← θ − α_t · m / (√v + ε̂)
 * </pre>
 * which is η·m̂/(√v̂ + ε) multiplied out: one square root and one division per parameter instead
 * of two divisions (vector division and square root are the slowest arithmetic of the step).
 * Torch divides √v by √(1 − β2ᵗ) instead; the two agree to the last bit or two (golden test).
 */
public class Adam extends ElementwiseOptimizer {
    final double beta1, beta2, eps;
    final State m = state(), v = state();   // the first and second moments
    double stepSize, epsHat;   // α_t and ε̂ of the current step

    /** Adam with torch's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /**
     * @param lr    η, a finite number ≥ 0
     * @param beta1 β1 in [0, 1), decay of the first moment m
     * @param beta2 β2 in [0, 1), decay of the second moment v
     * @param eps   ε &gt; 0, added to √v̂
     */
    public Adam(double lr, double beta1, double beta2, double eps) {
        super(lr);
        this.beta1 = Check.rate("beta1", beta1);
        this.beta2 = Check.rate("beta2", beta2);
        this.eps = Check.positive("eps", eps);
    }

    @Override
    void begin(long t) {
        double sqrtBias2 = sqrt(1 - pow(beta2, t));
        stepSize = lr * sqrtBias2 / (1 - pow(beta1, t));   // α_t = η·√(1 − β2ᵗ)/(1 − β1ᵗ)
        epsHat = eps * sqrtBias2;                           // ε̂ = ε·√(1 − β2ᵗ)
    }

    /** The rule on n parameters; {@code FloatRules.adam} is this text in float. */
    static void rule(double[] theta, double[] g, double[] m, double[] v, int n,
                     double beta1, double beta2, double stepSize, double epsHat) {
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);                      // β1·m + (1 − β1)·g
            v[i] = fma((1 - beta2) * g[i], g[i], beta2 * v[i]);             // β2·v + (1 − β2)·g²
            theta[i] -= stepSize * m[i] / (sqrt(v[i]) + epsHat);            // α_t·m / (√v + ε̂)
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, m.in(b), v.in(b), b.n, beta1, beta2, stepSize, epsHat);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.adam(b.theta, b.g, m.in(b), v.in(b), b.n, (float) beta1, (float) beta2, (float) stepSize, (float) epsHat);
    }

    /** A copy of the first moment m, or null before the first step. */
    public INDArray m() {
        return copy(m);
    }

    /** A copy of the second moment v, or null before the first step. */
    public INDArray v() {
        return copy(v);
    }

    /** m̂ = m / (1 − β1ᵗ), a new array, or null before the first step. */
    public INDArray mHat() {
        INDArray m = m();
        return m == null ? null : m.divi(1 - pow(beta1, t));
    }

    /** v̂ = v / (1 − β2ᵗ), a new array, or null before the first step. */
    public INDArray vHat() {
        INDArray v = v();
        return v == null ? null : v.divi(1 - pow(beta2, t));
    }
}
