package descent.init;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** In-place draws with ND4J's random ops: they fill w (a view too) in its own data type. */
final class Draw {

    private Draw() {}

    /** w ~ N(mean, std²). */
    static void normal(INDArray w, double mean, double std, Random rng) {
        if (std == 0) {
            w.assign(mean);
            return;
        }
        Nd4j.getExecutioner().exec(new GaussianDistribution(w, mean, std), rng);
    }

    /** w ~ U(−r, r). */
    static void uniform(INDArray w, double r, Random rng) {
        Nd4j.getExecutioner().exec(new UniformDistribution(w, -r, r), rng);
    }
}
