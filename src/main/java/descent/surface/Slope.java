package descent.surface;

import java.util.List;

/**
 * A tilted plane, f(x, y) = a·x + b·y, whose gradient ∇f = (a, b) is the same everywhere.
 *
 * <p>It has no minimum: a walker only ever goes downhill. That makes it the place to see how
 * momentum builds up speed. On a constant gradient g the velocity of {@code v ← γv + g} grows as
 * v_k = (1 + γ + … + γ^(k−1))·g = g(1 − γ^k)/(1 − γ) → g/(1 − γ), so the steady step is 1/(1 − γ)
 * times the plain step η·g: 10× for γ = 0.9 (Ruder 2016, "An overview of gradient descent
 * optimization algorithms", §4.1; Goodfellow, Bengio &amp; Courville 2016, §8.3.2).
 */
public final class Slope implements Surface {

    private final double a;
    private final double b;

    /** The plane a·x + b·y with a finite, non-zero slope (a, b). */
    public Slope(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || (a == 0 && b == 0)) {
            throw new IllegalArgumentException("slope (a, b) must be finite and not (0, 0), got (" + a + ", " + b + ")");
        }
        this.a = a;
        this.b = b;
    }

    @Override
    public double value(double x, double y) {
        return a * x + b * y;
    }

    @Override
    public double[] gradient(double x, double y) {
        return new double[] {a, b};
    }

    @Override
    public String name() {
        return "Slope(" + Surfaces.format(a) + "·x + " + Surfaces.format(b) + "·y)";
    }

    @Override
    public Window window() {
        return new Window(-10, 10, -10, 10);
    }

    /** None: the plane falls forever. */
    @Override
    public List<double[]> minima() {
        return List.of();
    }

    @Override
    public String toString() {
        return name();
    }
}
