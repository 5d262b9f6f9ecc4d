package descent.nn;

/** ReLU: f(z) = max(0, z), f′(z) = 1 if z > 0 else 0 (a unit stuck below 0 is "dead"). */
public final class Relu extends Activation {

    @Override
    protected double f(double z) {
        return z > 0 ? z : 0;
    }

    @Override
    protected double df(double z, double y) {
        return z > 0 ? 1 : 0;
    }
}
