package descent.optim;

/**
 * Adam with its bias correction switched off: the raw moments go into the step.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   θ ← θ − η·m / (√v + ε)            (Adam: θ ← θ − η·m̂ / (√v̂ + ε))
 * </pre>
 *
 * <p>Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015), sections 3 and
 * 6.4, which compare Adam with and without the correction. It exists for that lesson, not for
 * training. m and v start at 0, so after t steps of a constant gradient g, m = (1 − β1ᵗ)·g and
 * v = (1 − β2ᵗ)·g²: both are too small, but √v far more than m when β2 &gt; β1, and the step
 * η·(1 − β1ᵗ)/√(1 − β2ᵗ) is too LARGE: 3.16·η at t = 1 and 6.57·η at t = 12 with the defaults,
 * still 1.26·η at t = 1000. With β1 = β2 it is √(1 − β1ᵗ)·η, too small. Adam's correction makes
 * it η from the first step.
 */
public final class AdamWithoutBiasCorrection extends Adam {

    /** Torch's Adam defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public AdamWithoutBiasCorrection(double lr) {
        super(lr);
    }

    /** @see Adam#Adam(double, double, double, double) */
    public AdamWithoutBiasCorrection(double lr, double beta1, double beta2, double eps) {
        super(lr, beta1, beta2, eps);
    }

    /** No correction: Adam's α_t = η·√(1 − β2ᵗ)/(1 − β1ᵗ) becomes η, and ε̂ = ε·√(1 − β2ᵗ) becomes ε. */
    @Override
    void begin(long t) {
        stepSize = lr;
        epsHat = eps;
    }
}
