package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;

/**
 * AdamW: Adam with decoupled weight decay, θ shrunk by η·λ·θ outside the adaptive scaling.
 *
 * <pre>
 *   θ ← θ − η·λ·θ
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
 *   θ ← θ − η/(1 − β1ᵗ) · m / (√v/√(1 − β2ᵗ) + ε)  =  θ − α_t · m / (√v + ε̂)   (as {@link Adam})
 * </pre>
 *
 * <p>Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization" (ICLR 2019), Algorithm 2.
 * Equals {@code torch.optim.AdamW} (lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-2),
 * which multiplies θ by (1 − η·λ) first. The paper writes the decay with a schedule multiplier
 * η_t and a separate α; torch (and this class) take the decay as η·λ, so λ is relative to the
 * learning rate. Adding λθ to the gradient instead ({@link WeightDecay} around {@link Adam}) is
 * NOT the same: there the decay is divided by √v̂ like the gradient.
 */
public final class AdamW extends Adam {
    private final double lambda;

    /** AdamW with torch's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8, λ = 1e-2. */
    public AdamW(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 1e-2);
    }

    /**
     * @param weightDecay λ, a finite number ≥ 0; θ shrinks by the factor 1 − η·λ each step
     * @see Adam#Adam(double, double, double, double)
     */
    public AdamW(double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(lr, beta1, beta2, eps);
        this.lambda = Check.atLeast("weightDecay", weightDecay, 0);
    }

    /** The rule on n parameters; {@code FloatRules.adamW} is this text in float. */
    static void rule(double[] theta, double[] g, double[] m, double[] v, int n,
                     double beta1, double beta2, double stepSize, double epsHat, double decay) {
        for (int i = 0; i < n; i++) {
            theta[i] *= decay;                                              // θ − η·λ·θ
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);                      // β1·m + (1 − β1)·g
            v[i] = fma((1 - beta2) * g[i], g[i], beta2 * v[i]);             // β2·v + (1 − β2)·g²
            theta[i] -= stepSize * m[i] / (sqrt(v[i]) + epsHat);            // α_t·m / (√v + ε̂)
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, m.in(b), v.in(b), b.n, beta1, beta2, stepSize, epsHat, 1 - lr * lambda);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.adamW(b.theta, b.g, m.in(b), v.in(b), b.n,
                (float) beta1, (float) beta2, (float) stepSize, (float) epsHat, (float) (1 - lr * lambda));
    }
}
