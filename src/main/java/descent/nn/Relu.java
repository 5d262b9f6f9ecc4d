package descent.nn;

/**
 * ReLU: f(z) = max(0, z), f′(z) = 1 if z > 0 else 0 (a unit stuck below 0 is "dead").
 * A NaN input gives NaN, as IEEE 754 and PyTorch do: a diverged network must not look healthy.
 */
public final class Relu extends Activation {

    @Override
    protected double f(double z) {
        return Math.max(0, z);                                        // NaN stays NaN
    }

    @Override
    protected double df(double z, double y) {
        return z > 0 ? 1 : 0;
    }
}
