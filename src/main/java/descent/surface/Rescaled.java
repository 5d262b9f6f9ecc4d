package descent.surface;

import java.util.List;

/**
 * The same landscape with θ measured in units c times smaller: f_c(θ) = f(θ/c), so
 * ∇f_c(θ) = ∇f(θ/c)/c, and the point that was θ is now c·θ (metres → centimetres: c = 100).
 *
 * <p>The loss is the same number in either unit, so an update rule "with the right units" walks
 * the same way in both (Zeiler 2012, section 3.2): its steps grow c-fold with θ. SGD's step
 * η·∇f_c shrinks c-fold instead, AdaGrad's, RMSprop's and Adam's stay about η long; the lesson on
 * adaptive rates measures them all.
 */
public final class Rescaled implements Surface {

    private final Surface surface;
    private final double c;

    /**
     * @param surface the landscape f
     * @param c       the unit factor, a finite number &gt; 0
     */
    public Rescaled(Surface surface, double c) {
        if (surface == null) {
            throw new IllegalArgumentException("surface must not be null");
        }
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be a finite number > 0, got " + c);
        }
        this.surface = surface;
        this.c = c;
    }

    /** The unit factor c. */
    public double c() {
        return c;
    }

    /** The point θ of the original surface in these units, c·θ. */
    public double[] point(double[] theta) {
        return new double[] {c * theta[0], c * theta[1]};
    }

    @Override
    public double value(double x, double y) {
        return surface.value(x / c, y / c);
    }

    @Override
    public double[] gradient(double x, double y) {
        double[] g = surface.gradient(x / c, y / c);
        return new double[] {g[0] / c, g[1] / c};
    }

    @Override
    public String name() {
        return surface.name() + " in units ×" + Surfaces.format(c);
    }

    @Override
    public Window window() {
        Window w = surface.window();
        return new Window(c * w.xmin(), c * w.xmax(), c * w.ymin(), c * w.ymax());
    }

    @Override
    public List<double[]> minima() {
        return surface.minima().stream().map(this::point).toList();
    }

    @Override
    public String toString() {
        return name();
    }
}
