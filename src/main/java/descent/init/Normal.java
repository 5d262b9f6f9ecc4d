package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Fixed-variance Gaussian, whatever the layer's size: w ~ N(μ, σ²). The lesson shows why a fixed
 * σ makes activations explode or vanish through a deep stack. Source: torch {@code nn.init.normal_}.
 */
public final class Normal implements Initializer {

    private final double mean;
    private final double std;

    /** w ~ N(0, σ²). */
    public Normal(double std) {
        this(0, std);
    }

    /** w ~ N(μ, σ²). */
    public Normal(double mean, double std) {
        this.mean = Check.finite("mean", mean);
        this.std = Check.nonNegative("std", std);
    }

    public double mean() {
        return mean;
    }

    public double std() {
        return std;
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        Draw.normal(w, mean, std, rng);
    }

    @Override
    public String toString() {
        return "Normal N(" + Check.number(mean) + ", " + Check.number(std) + "²)";
    }
}
