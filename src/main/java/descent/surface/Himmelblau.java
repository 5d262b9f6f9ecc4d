package descent.surface;

import java.util.List;

/**
 * Himmelblau's function: f(x, y) = (x² + y − 11)² + (x + y² − 7)², four minima of value 0, one at
 * (3, 2) and three irrational ones; where a walk ends depends on where it starts.
 *
 * <p>With p = x² + y − 11 and q = x + y² − 7: ∂f/∂x = 4xp + 2q, ∂f/∂y = 2p + 4yq
 * (D. M. Himmelblau, Applied Nonlinear Programming, 1972).
 */
public final class Himmelblau implements Surface {

    private static final List<double[]> MINIMA = List.of(
            new double[] {3, 2},
            new double[] {-2.805118086952745, 3.131312518250573},
            new double[] {-3.779310253377747, -3.283185991286170},
            new double[] {3.584428340330492, -1.848126526964404});

    @Override
    public double value(double x, double y) {
        double p = x * x + y - 11;
        double q = x + y * y - 7;
        return p * p + q * q;
    }

    @Override
    public double[] gradient(double x, double y) {
        double p = x * x + y - 11;
        double q = x + y * y - 7;
        return new double[] {4 * x * p + 2 * q, 2 * p + 4 * y * q};
    }

    @Override
    public String name() {
        return "Himmelblau";
    }

    @Override
    public Window window() {
        return new Window(-5, 5, -5, 5);
    }

    @Override
    public List<double[]> minima() {
        return MINIMA.stream().map(double[]::clone).toList();
    }

    @Override
    public String toString() {
        return name();
    }
}
