package descent.surface;

import java.util.List;

/**
 * The saddle f(x, y) = x² − y²: ∇f = (2x, −2y) vanishes at the origin, which is no minimum. A walk
 * started on the x-axis (y = 0) slides into the saddle point and stalls there; any tiny y grows
 * and escapes — the lesson's test of who escapes and who stalls.
 */
public final class Saddle implements Surface {

    @Override
    public double value(double x, double y) {
        return x * x - y * y;
    }

    @Override
    public double[] gradient(double x, double y) {
        return new double[] {2 * x, -2 * y};
    }

    @Override
    public String name() {
        return "Saddle x²−y²";
    }

    @Override
    public Window window() {
        return new Window(-2, 2, -2, 2);
    }

    @Override
    public List<double[]> minima() {
        return List.of();
    }

    @Override
    public String toString() {
        return name();
    }
}
