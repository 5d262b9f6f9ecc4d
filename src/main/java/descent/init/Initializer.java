package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Fills a weight array in place with its starting values.
 *
 * <p>{@code fanIn} is the number of inputs feeding each output unit, {@code fanOut} the number of
 * outputs each input feeds; {@link Fans} computes both from a layer's shape. The draw uses only
 * {@code rng}, so the same seed gives the same weights.
 */
@FunctionalInterface
public interface Initializer {

    void init(INDArray w, long fanIn, long fanOut, Random rng);

    /**
     * The checks every {@link #init} makes before it writes: a floating-point w, positive fans, a
     * generator; each refusal names the argument and the value.
     */
    static void check(INDArray w, long fanIn, long fanOut, Random rng) {
        if (!Check.notNull("w", w).dataType().isFPType()) {
            throw new IllegalArgumentException("w must hold floating-point numbers, got " + w.dataType());
        }
        Check.positive("fanIn", fanIn);
        Check.positive("fanOut", fanOut);
        Check.notNull("rng", rng);
    }

    /** The same with the fans of {@link Fans}, e.g. {@code init(w, Fans.dense(784, 200), rng)}. */
    default void init(INDArray w, Fans fans, Random rng) {
        if (fans == null) throw new IllegalArgumentException("fans must not be null");
        init(w, fans.fanIn(), fans.fanOut(), rng);
    }
}
