package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.pow;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RAdam: Adam whose adaptive step is switched on only once the variance of v̂ can be trusted,
 * and then scaled by a rectification term r_t; before that, momentum SGD with m̂.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g                m̂ = m / (1 − β1ᵗ)
 *   v ← β2·v + (1 − β2)·g²
 *   ρ∞ = 2/(1 − β2) − 1,   ρ_t = ρ∞ − 2t·β2ᵗ/(1 − β2ᵗ)
 *   ρ_t &gt; 5:   r_t = √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t))
 *              θ ← θ − η·r_t·m̂·√(1 − β2ᵗ)/(√v + ε)
 *   otherwise: θ ← θ − η·m̂
 * </pre>
 *
 * <p>Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond" (ICLR 2020),
 * Algorithm 2. ρ_t is the length of the simple moving average that v's exponential average
 * approximates; with few samples (ρ_t ≤ 5: t ≤ 5 with β2 = 0.999, where ρ_t ≈ t) the variance of the adaptive
 * rate is unbounded, which is why Adam needs a warm-up. Equals {@code torch.optim.RAdam} 1.13
 * (lr 1e-3, betas (0.9, 0.999), eps 1e-8) as its default single-tensor path computes it: ε is
 * added to √v, as here (torch 1.13's foreach path leaves ε out, fixed upstream later). The paper
 * divides by √v̂ without ε; the threshold is the paper's 5 (its text says 4, its code 5).
 */
public final class RAdam extends ElementwiseOptimizer {
    private final double beta1, beta2, eps;
    private final State m = state(), v = state();   // the first and second moments
    private double stepSize;
    private boolean rectified;

    /** RAdam with torch's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public RAdam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /**
     * @param lr    η, a finite number ≥ 0
     * @param beta1 β1 in [0, 1), decay of the first moment m
     * @param beta2 β2 in [0, 1), decay of the second moment v
     * @param eps   ε &gt; 0, added to √v
     */
    public RAdam(double lr, double beta1, double beta2, double eps) {
        super(lr);
        this.beta1 = Check.rate("beta1", beta1);
        this.beta2 = Check.rate("beta2", beta2);
        this.eps = Check.positive("eps", eps);
    }

    /** ρ_t, the length of the moving average v approximates after t steps. */
    public double rho(long t) {
        double rhoInf = 2 / (1 - beta2) - 1;
        return rhoInf - 2 * t * pow(beta2, t) / (1 - pow(beta2, t));
    }

    /** r_t, the rectification of step t, or 0 while ρ_t ≤ 5 (no adaptive step yet). */
    public double rectification(long t) {
        double rhoInf = 2 / (1 - beta2) - 1, rho = rho(t);
        return rho > 5 ? sqrt((rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho)) : 0;
    }

    @Override
    void begin(long t) {
        double r = rectification(t);
        rectified = r > 0;
        stepSize = rectified
                ? lr * r * sqrt(1 - pow(beta2, t)) / (1 - pow(beta1, t))   // η·r_t·√(1 − β2ᵗ)/(1 − β1ᵗ)
                : lr / (1 - pow(beta1, t));                                 // η/(1 − β1ᵗ)
    }

    /** The rule on n parameters; {@code FloatRules.rAdam} is this text in float. */
    static void rule(double[] theta, double[] g, double[] m, double[] v, int n,
                     double beta1, double beta2, double stepSize, double eps, boolean rectified) {
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);                      // β1·m + (1 − β1)·g
            v[i] = fma((1 - beta2) * g[i], g[i], beta2 * v[i]);             // β2·v + (1 − β2)·g²
            theta[i] -= rectified
                    ? stepSize * m[i] / (sqrt(v[i]) + eps)                  // η·r_t·m̂·√(1 − β2ᵗ)/(√v + ε)
                    : stepSize * m[i];                                      // η·m̂
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, m.in(b), v.in(b), b.n, beta1, beta2, stepSize, eps, rectified);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.rAdam(b.theta, b.g, m.in(b), v.in(b), b.n, (float) beta1, (float) beta2, (float) stepSize,
                (float) eps, rectified);
    }

    /** A copy of the first moment m, or null before the first step. */
    public INDArray m() {
        return copy(m);
    }

    /** A copy of the second moment v, or null before the first step. */
    public INDArray v() {
        return copy(v);
    }
}
