package descent.nn;

/**
 * ELU (Clevert et al., 2015): f(z) = z if z > 0 else α(eᶻ − 1); f′(z) = 1 or f(z) + α.
 * α = 1 as in PyTorch.
 */
public final class Elu extends Activation {

    private final double alpha;

    public Elu() {
        this(1.0);
    }

    public Elu(double alpha) {
        if (!(alpha > 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("alpha must be a finite number > 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    protected double f(double z) {
        return z > 0 ? z : alpha * Math.expm1(z);
    }

    @Override
    protected double df(double z, double y) {
        return z > 0 ? 1 : y + alpha;
    }

    @Override
    public String toString() {
        return "Elu(" + alpha + ")";
    }
}
