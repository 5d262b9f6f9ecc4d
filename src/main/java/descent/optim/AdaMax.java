package descent.optim;

import static java.lang.Math.abs;
import static java.lang.Math.fma;
import static java.lang.Math.max;
import static java.lang.Math.pow;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AdaMax: Adam with the L2 norm of past gradients replaced by the L∞ norm.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   u ← max(β2·u, |g| + ε)
 *   θ ← θ − η/(1 − β1ᵗ) · m / u
 * </pre>
 *
 * <p>Kingma &amp; Ba, "Adam" (ICLR 2015), section 7.1, Algorithm 2. Equals
 * {@code torch.optim.Adamax} (lr 2e-3, betas (0.9, 0.999), eps 1e-8); the paper has no ε, torch
 * adds it to |g| inside the maximum so u is never 0. u needs no bias correction.
 */
public final class AdaMax extends ElementwiseOptimizer {
    private final double beta1, beta2, eps;
    private final State m = state(), u = state();   // the first moment and the infinity norm
    private double stepSize;

    /** AdaMax with torch's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public AdaMax(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /**
     * @param lr    η, a finite number ≥ 0
     * @param beta1 β1 in [0, 1), decay of the first moment m
     * @param beta2 β2 in [0, 1), decay of the infinity norm u
     * @param eps   ε &gt; 0, added to |g|
     */
    public AdaMax(double lr, double beta1, double beta2, double eps) {
        super(lr);
        this.beta1 = Check.rate("beta1", beta1);
        this.beta2 = Check.rate("beta2", beta2);
        this.eps = Check.positive("eps", eps);
    }

    @Override
    void begin(long t) {
        stepSize = lr / (1 - pow(beta1, t));
    }

    /** The rule on n parameters; {@code FloatRules.adaMax} is this text in float. */
    static void rule(double[] theta, double[] g, double[] m, double[] u, int n,
                     double beta1, double beta2, double eps, double stepSize) {
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);                      // β1·m + (1 − β1)·g
            u[i] = max(beta2 * u[i], abs(g[i]) + eps);                      // max(β2·u, |g| + ε)
            theta[i] -= stepSize * m[i] / u[i];                             // θ − η/(1 − β1ᵗ)·m/u
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, m.in(b), u.in(b), b.n, beta1, beta2, eps, stepSize);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.adaMax(b.theta, b.g, m.in(b), u.in(b), b.n, (float) beta1, (float) beta2, (float) eps, (float) stepSize);
    }

    /** A copy of the first moment m, or null before the first step. */
    public INDArray m() {
        return copy(m);
    }

    /** A copy of the infinity norm u (torch's exp_inf), or null before the first step. */
    public INDArray u() {
        return copy(u);
    }
}
