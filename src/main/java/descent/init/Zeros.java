package descent.init;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * All weights 0. The lesson's cautionary tale: every hidden unit computes the same output and gets
 * the same gradient, so they stay identical forever (the symmetry is never broken). Fine for biases.
 * Source: torch {@code nn.init.zeros_}.
 */
public final class Zeros implements Initializer {

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        w.assign(0);
    }

    @Override
    public String toString() {
        return "Zeros w = 0";
    }
}
