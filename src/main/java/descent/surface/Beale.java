package descent.surface;

import java.util.List;

/**
 * Beale's function: f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0
 * at (3, 0.5), with flat plateaus and sharp ridges near the corners of [−4.5, 4.5]².
 *
 * <p>With rᵢ = cᵢ − x + x yⁱ (c = 1.5, 2.25, 2.625): ∂f/∂x = Σ 2rᵢ (yⁱ − 1),
 * ∂f/∂y = Σ 2rᵢ · i x yⁱ⁻¹ (E. M. L. Beale, 1958).
 */
public final class Beale implements Surface {

    @Override
    public double value(double x, double y) {
        double r1 = 1.5 - x + x * y;
        double r2 = 2.25 - x + x * y * y;
        double r3 = 2.625 - x + x * y * y * y;
        return r1 * r1 + r2 * r2 + r3 * r3;
    }

    @Override
    public double[] gradient(double x, double y) {
        double y2 = y * y;
        double y3 = y2 * y;
        double r1 = 1.5 - x + x * y;
        double r2 = 2.25 - x + x * y2;
        double r3 = 2.625 - x + x * y3;
        double dx = 2 * r1 * (y - 1) + 2 * r2 * (y2 - 1) + 2 * r3 * (y3 - 1);
        double dy = 2 * r1 * x + 2 * r2 * 2 * x * y + 2 * r3 * 3 * x * y2;
        return new double[] {dx, dy};
    }

    @Override
    public String name() {
        return "Beale";
    }

    @Override
    public Window window() {
        return new Window(-4.5, 4.5, -4.5, 4.5);
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {3, 0.5});
    }

    @Override
    public String toString() {
        return name();
    }
}
