package descent.nn;

/** tanh: f(z) = tanh z, f′(z) = 1 − y² with y = tanh z. Zero-centred, saturates at ±1. */
public final class Tanh extends Activation {

    @Override
    protected double f(double z) {
        return Math.tanh(z);
    }

    @Override
    protected double df(double z, double y) {
        return 1 - y * y;
    }
}
