package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.pow;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Nadam: Adam with Nesterov momentum, the momentum μ_t warming up with the step count.
 *
 * <pre>
 *   μ_t = β1·(1 − ½·0.96^(t·ψ)),   Π_t = μ_1·…·μ_t
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
 *   d = √v/√(1 − β2ᵗ) + ε
 *   θ ← θ − η·(1 − μ_t)/(1 − Π_t) · g/d − η·μ_{t+1}/(1 − Π_t·μ_{t+1}) · m/d
 * </pre>
 *
 * <p>Dozat, "Incorporating Nesterov Momentum into Adam" (ICLR 2016 workshop), with ψ the
 * momentum_decay 4e-3. Equals {@code torch.optim.NAdam} (lr 2e-3, betas (0.9, 0.999), eps 1e-8,
 * momentum_decay 4e-3) as its foreach path computes it ({@code foreach=True}); the goldens are
 * generated with that path. As in {@link Adam}, √(1 − β2ᵗ) is multiplied into both step sizes
 * and ε (ε̂ = ε·√(1 − β2ᵗ)) so the two terms share one division by √v + ε̂; torch applies them
 * as two divisions by d, which agrees to rounding. Torch 1.13's default single-tensor path multiplies μ_t into
 * Π_t·μ_{t+1} a second time (fixed upstream later), so it drifts from the paper.
 */
public final class Nadam extends ElementwiseOptimizer {
    private final double beta1, beta2, eps, psi;
    private final State m = state(), v = state();   // the first and second moments
    private double muProduct = 1, gradStep, momentumStep, epsHat;

    /** Nadam with torch's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8, ψ = 4e-3. */
    public Nadam(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 4e-3);
    }

    /**
     * @param lr            η, a finite number ≥ 0
     * @param beta1         β1 in [0, 1)
     * @param beta2         β2 in [0, 1)
     * @param eps           ε &gt; 0, added to √v̂
     * @param momentumDecay ψ, a finite number ≥ 0
     */
    public Nadam(double lr, double beta1, double beta2, double eps, double momentumDecay) {
        super(lr);
        this.beta1 = Check.rate("beta1", beta1);
        this.beta2 = Check.rate("beta2", beta2);
        this.eps = Check.positive("eps", eps);
        this.psi = Check.atLeast("momentumDecay", momentumDecay, 0);
    }

    /** μ_t, the momentum of step t. */
    public double mu(long t) {
        return beta1 * (1 - 0.5 * pow(0.96, t * psi));
    }

    @Override
    void begin(long t) {
        double mu = mu(t), muNext = mu(t + 1);
        muProduct *= mu;
        double sqrtBias2 = sqrt(1 - pow(beta2, t));
        gradStep = lr * (1 - mu) / (1 - muProduct) * sqrtBias2;
        momentumStep = lr * muNext / (1 - muProduct * muNext) * sqrtBias2;
        epsHat = eps * sqrtBias2;
    }

    /** The rule on n parameters; {@code FloatRules.nadam} is this text in float. */
    static void rule(double[] theta, double[] g, double[] m, double[] v, int n,
                     double beta1, double beta2, double gradStep, double momentumStep, double epsHat) {
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);                      // β1·m + (1 − β1)·g
            v[i] = fma((1 - beta2) * g[i], g[i], beta2 * v[i]);             // β2·v + (1 − β2)·g²
            theta[i] -= (gradStep * g[i] + momentumStep * m[i]) / (sqrt(v[i]) + epsHat);
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, m.in(b), v.in(b), b.n, beta1, beta2, gradStep, momentumStep, epsHat);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.nadam(b.theta, b.g, m.in(b), v.in(b), b.n,
                (float) beta1, (float) beta2, (float) gradStep, (float) momentumStep, (float) epsHat);
    }

    @Override
    public void reset() {
        super.reset();
        muProduct = 1;
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
