package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Fixed-range uniform: w ~ U(−r, r), whose variance is r²/3; so a target variance σ² needs
 * r = √(3σ²) ({@link #ofVariance}). Source: torch {@code nn.init.uniform_}.
 */
public final class Uniform implements Initializer {

    private final double bound;

    /** w ~ U(−r, r). */
    public Uniform(double r) {
        this.bound = Check.nonNegative("r", r);
    }

    /** The uniform with variance σ²: r = √(3σ²). */
    public static Uniform ofVariance(double variance) {
        return new Uniform(Math.sqrt(3 * Check.nonNegative("variance", variance)));
    }

    /** r. */
    public double bound() {
        return bound;
    }

    /** r/√3. */
    public double std() {
        return bound / Math.sqrt(3);
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        Draw.uniform(w, bound, rng);
    }

    @Override
    public String toString() {
        return "Uniform U(−r, r) (r=" + Check.number(bound) + ")";
    }
}
