package descent.surface;

import java.util.List;

/**
 * Rosenbrock's banana valley: f(x, y) = (a − x)² + b (y − x²)², minimum 0 at (a, a²).
 *
 * <p>∂f/∂x = −2(a − x) − 4b x (y − x²), ∂f/∂y = 2b (y − x²). The valley floor y = x² is easy to
 * find and slow to follow: the classic test of an optimizer (H. H. Rosenbrock, "An automatic method
 * for finding the greatest or least value of a function", The Computer Journal 3, 1960).
 */
public final class Rosenbrock implements Surface {

    private final double a;
    private final double b;

    /** The usual a = 1, b = 100. */
    public Rosenbrock() {
        this(1, 100);
    }

    public Rosenbrock(double a, double b) {
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("a must be a finite number, got " + a);
        }
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("b must be a finite number > 0, got " + b);
        }
        this.a = a;
        this.b = b;
    }

    @Override
    public double value(double x, double y) {
        double u = a - x;
        double w = y - x * x;
        return u * u + b * w * w;
    }

    @Override
    public double[] gradient(double x, double y) {
        double w = y - x * x;
        return new double[] {-2 * (a - x) - 4 * b * x * w, 2 * b * w};
    }

    @Override
    public String name() {
        return "Rosenbrock(a=" + Surfaces.format(a) + ", b=" + Surfaces.format(b) + ")";
    }

    @Override
    public Window window() {
        double r = Math.max(2, 2 * Math.abs(a));
        return new Window(-r, r, -1, Math.max(3, a * a + 1));
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {a, a * a});
    }

    @Override
    public String toString() {
        return name();
    }
}
