package descent.surface;

import java.util.List;

/**
 * A loss landscape in two dimensions: f(x, y) with its analytic gradient ∇f = (∂f/∂x, ∂f/∂y).
 *
 * <p>The lessons walk optimizers over these surfaces; {@link Trajectory} records the walk and the
 * plot package draws it over the surface's contour lines in its default {@link #window()}.
 */
public interface Surface {

    /** f(x, y). */
    double value(double x, double y);

    /** ∇f(x, y) = {∂f/∂x, ∂f/∂y}. */
    double[] gradient(double x, double y);

    /** A short name for titles and legends, with its parameters, e.g. "Rosenbrock(a=1, b=100)". */
    String name();

    /** The region a plot shows by default. */
    Window window();

    /** The known local minima {x, y}, global first; empty when f has none (the saddle). */
    List<double[]> minima();

    /** A rectangle of the plane, xmin..xmax × ymin..ymax. */
    record Window(double xmin, double xmax, double ymin, double ymax) {
        public Window {
            if (!(xmin < xmax) || !Double.isFinite(xmin) || !Double.isFinite(xmax)) {
                throw new IllegalArgumentException("xmin < xmax must be finite, got " + xmin + ", " + xmax);
            }
            if (!(ymin < ymax) || !Double.isFinite(ymin) || !Double.isFinite(ymax)) {
                throw new IllegalArgumentException("ymin < ymax must be finite, got " + ymin + ", " + ymax);
            }
        }
    }
}
