package descent.optim;

/**
 * Adam in the paper's efficient form with ε̂ a constant, as TensorFlow's Adam takes its epsilon.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
 *   α_t = η·√(1 − β2ᵗ)/(1 − β1ᵗ)
 *   θ ← θ − α_t · m / (√v + ε̂)
 * </pre>
 *
 * <p>Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015), end of section 2:
 * "the efficiency of algorithm 1 can, at the expense of clarity, be improved upon by changing the
 * order of computation", with ε̂ in place of ε; {@code tf.keras.optimizers.Adam}'s epsilon (1e-7)
 * is that ε̂. <b>When it agrees with {@link Adam}</b> (torch: ε added to √v̂, which is this form
 * with ε̂ = ε·√(1 − β2ᵗ), growing toward ε as t grows): exactly with
 * ε = ε̂ = 0; otherwise ε̂ counts √(1 − β2ᵗ) times less than torch's ε in the first steps
 * (31× at t = 1 with β2 = 0.999) and the same in the long run.
 */
public final class AdamTextbook extends Adam {

    /** The paper's β1 = 0.9, β2 = 0.999 and ε̂ = 1e-8. */
    public AdamTextbook(double lr) {
        super(lr);
    }

    /**
     * @param epsHat ε̂ &gt; 0, added to √v (not to √v̂)
     * @see Adam#Adam(double, double, double, double)
     */
    public AdamTextbook(double lr, double beta1, double beta2, double epsHat) {
        super(lr, beta1, beta2, epsHat);
    }

    /** Adam's α_t, and ε̂ = ε as given rather than ε·√(1 − β2ᵗ). */
    @Override
    void begin(long t) {
        super.begin(t);
        epsHat = eps;
    }
}
