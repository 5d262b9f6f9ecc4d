package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * LeCun uniform: Var(w) = 1/n_in, which keeps the variance of a linear (or SELU) layer's output.
 *
 * <pre>  std = 1/√n_in,   w ~ U(−√3·std, √3·std)  </pre>
 *
 * <p>Source: LeCun et al., "Efficient BackProp" (1998), §4.6; torch has no name for it, it is
 * {@code kaiming_uniform_(w, nonlinearity="linear")}.
 */
public final class LeCunUniform implements Initializer {

    public double std(long fanIn, long fanOut) {
        return 1 / Math.sqrt(Check.positive("fanIn", fanIn));
    }

    public double bound(long fanIn, long fanOut) {
        return Math.sqrt(3.0) * std(fanIn, fanOut);
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        Draw.uniform(w, bound(fanIn, fanOut), rng);
    }

    @Override
    public String toString() {
        return "LeCunUniform U(±√(3/n_in))";
    }
}
