package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/** Every weight equal to one value; as symmetric as {@link Zeros}. Source: torch {@code nn.init.constant_}. */
public final class Constant implements Initializer {

    private final double value;

    public Constant(double value) {
        this.value = Check.finite("value", value);
    }

    public double value() {
        return value;
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        w.assign(value);
    }

    @Override
    public String toString() {
        return "Constant w = " + Check.number(value);
    }
}
