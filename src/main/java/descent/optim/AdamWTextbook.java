package descent.optim;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;

/**
 * AdamW as the paper's Algorithm 2 writes it (schedule multiplier 1): the decay λ·θ is not
 * scaled by the learning rate.
 *
 * <pre>
 *   θ ← θ − λ·θ
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
 *   θ ← θ − η·m̂ / (√v̂ + ε)  =  θ − α_t · m / (√v + ε̂)   (as {@link Adam})
 * </pre>
 *
 * <p>Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization" (ICLR 2019), Algorithm 2
 * line 12, θ_t ← θ_{t−1} − η_t(α·m̂/(√v̂ + ε) + λ·θ_{t−1}) with η_t = 1. <b>When it agrees with
 * {@link AdamW}</b> (torch: θ ← θ − η·λ·θ): {@code new AdamWTextbook(η, λ)} is
 * {@code new AdamW(η, …, λ/η)} while η stays the same — both shrink θ by the factor 1 − λ, to
 * the rounding of η·(λ/η). When η follows a schedule they part: torch's decay follows η, this
 * one stays λ (the paper would scale both by its own η_t).
 */
public final class AdamWTextbook extends Adam {
    private final double lambda;

    /** β1 = 0.9, β2 = 0.999, ε = 1e-8 (torch's) and λ = 1e-4, which is torch's default 1e-2 at η = 1e-2. */
    public AdamWTextbook(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 1e-4);
    }

    /**
     * @param weightDecay λ in [0, 1); θ shrinks by the factor 1 − λ each step, whatever η
     * @see Adam#Adam(double, double, double, double)
     */
    public AdamWTextbook(double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(lr, beta1, beta2, eps);
        this.lambda = Check.rate("weightDecay", weightDecay);
    }

    /** AdamW's rule, with the factor 1 − λ in place of its 1 − η·λ. */
    @Override
    void update(DoubleBlock b) {
        AdamW.rule(b.theta, b.g, m.in(b), v.in(b), b.n, beta1, beta2, stepSize, epsHat, 1 - lambda);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.adamW(b.theta, b.g, m.in(b), v.in(b), b.n,
                (float) beta1, (float) beta2, (float) stepSize, (float) epsHat, (float) (1 - lambda));
    }
}
