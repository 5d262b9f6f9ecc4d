package descent.nn;

/** Leaky ReLU: f(z) = z if z > 0 else αz, f′(z) = 1 or α; α = 0.01 as in PyTorch. */
public final class LeakyRelu extends Activation {

    private final double alpha;

    public LeakyRelu() {
        this(0.01);
    }

    public LeakyRelu(double alpha) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1), got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    protected double f(double z) {
        return z > 0 ? z : alpha * z;
    }

    @Override
    protected double df(double z, double y) {
        return z > 0 ? 1 : alpha;
    }

    @Override
    public String toString() {
        return "LeakyRelu(" + alpha + ")";
    }
}
