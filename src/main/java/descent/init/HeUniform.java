package descent.init;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * He/Kaiming uniform, for (leaky) ReLU layers:
 *
 * <pre>  gain = √(2 / (1 + a²)),   std = gain / √fan,   w ~ U(−√3·std, √3·std)  </pre>
 *
 * <p>with a the negative slope (0 for ReLU, so gain = √2 and Var = 2/n_in) and fan = n_in or n_out
 * ({@link FanMode}). Source: He et al., "Delving Deep into Rectifiers" (2015), eq. 10 and 14;
 * torch {@code nn.init.kaiming_uniform_(w, a, mode, nonlinearity="leaky_relu")}.
 */
public final class HeUniform extends Kaiming {

    /** ReLU, fan-in. */
    public HeUniform() {
        this(FanMode.FAN_IN, 0);
    }

    /** ReLU. */
    public HeUniform(FanMode mode) {
        this(mode, 0);
    }

    /** Leaky ReLU with negative slope {@code slope} (0 is ReLU). */
    public HeUniform(FanMode mode, double slope) {
        super(mode, slope);
    }

    /** The r of U(−r, r) for these fans. */
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
        return "HeUniform U(±√3·gain/√fan) " + settings();
    }
}
