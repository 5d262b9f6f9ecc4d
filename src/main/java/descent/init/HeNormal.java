package descent.init;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * He/Kaiming normal, for (leaky) ReLU layers: w ~ N(0, std²) with
 *
 * <pre>  gain = √(2 / (1 + a²)),   std = gain / √fan  </pre>
 *
 * <p>a the negative slope (0 for ReLU: Var = 2/n_in), fan = n_in or n_out ({@link FanMode}).
 * Source: He et al. (2015), eq. 10 and 14; torch
 * {@code nn.init.kaiming_normal_(w, a, mode, nonlinearity="leaky_relu")}.
 */
public final class HeNormal extends Kaiming {

    /** ReLU, fan-in. */
    public HeNormal() {
        this(FanMode.FAN_IN, 0);
    }

    /** ReLU. */
    public HeNormal(FanMode mode) {
        this(mode, 0);
    }

    /** Leaky ReLU with negative slope {@code slope} (0 is ReLU). */
    public HeNormal(FanMode mode, double slope) {
        super(mode, slope);
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        Draw.normal(w, 0, std(fanIn, fanOut), rng);
    }

    @Override
    public String toString() {
        return "HeNormal N(0, gain²/fan) " + settings();
    }
}
