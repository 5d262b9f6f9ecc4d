package descent.nn;

/** Logistic sigmoid: σ(z) = 1 / (1 + e⁻ᶻ), σ′(z) = y(1 − y) ≤ 1/4 with y = σ(z). */
public final class Sigmoid extends Activation {

    @Override
    protected double f(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    protected double df(double z, double y) {
        return y * (1 - y);
    }
}
