package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * LeCun normal: w ~ N(0, 1/n_in).
 *
 * <p>Source: LeCun et al., "Efficient BackProp" (1998), §4.6; Klambauer et al., "Self-Normalizing
 * Neural Networks" (2017) for SELU; in torch {@code kaiming_normal_(w, nonlinearity="linear")}.
 */
public final class LeCunNormal implements Initializer {

    public double std(long fanIn, long fanOut) {
        return 1 / Math.sqrt(Check.positive("fanIn", fanIn));
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        Draw.normal(w, 0, std(fanIn, fanOut), rng);
    }

    @Override
    public String toString() {
        return "LeCunNormal N(0, 1/n_in)";
    }
}
