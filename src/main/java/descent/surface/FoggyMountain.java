package descent.surface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A landscape with several valleys of different depths: a broad bowl with Gaussian wells,
 *
 * <pre>
 *   f(x, y) = c (x² + y²) − Σᵢ dᵢ exp(−rᵢ² / (2sᵢ²)),   rᵢ² = (x − xᵢ)² + (y − yᵢ)²
 *   ∇f = 2c (x, y) + Σᵢ dᵢ exp(−rᵢ² / (2sᵢ²)) (x − xᵢ, y − yᵢ) / sᵢ²
 * </pre>
 *
 * <p>A walker in the fog feels only the slope under its feet, so the valley it ends in depends on
 * where it starts. The default has bowl c = 0.06 and four wells of depths 2, 1.5, 1 and 0.7. The
 * minima are found by Newton's method from each well's centre and the bowl's.
 */
public final class FoggyMountain implements Surface {

    /** A Gaussian well of depth d and width s centred at (x, y). */
    public record Well(double x, double y, double depth, double width) {
        public Well {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("well centre must be finite, got (" + x + ", " + y + ")");
            }
            if (!(depth > 0) || !Double.isFinite(depth)) {
                throw new IllegalArgumentException("depth must be a finite number > 0, got " + depth);
            }
            if (!(width > 0) || !Double.isFinite(width)) {
                throw new IllegalArgumentException("width must be a finite number > 0, got " + width);
            }
        }
    }

    private static final List<Well> DEFAULT_WELLS = List.of(
            new Well(-2, -1.5, 2, 1),
            new Well(2, 1.8, 1.5, 0.9),
            new Well(-1.5, 2.2, 1, 0.7),
            new Well(2.3, -2, 0.7, 0.8));

    private final double bowl;
    private final Well[] wells;
    private final List<double[]> minima;

    /** The lesson's landscape: bowl 0.06 and four wells. */
    public FoggyMountain() {
        this(0.06, DEFAULT_WELLS.toArray(Well[]::new));
    }

    /** Bowl curvature c &gt; 0 and at least one well. */
    public FoggyMountain(double bowl, Well... wells) {
        if (!(bowl > 0) || !Double.isFinite(bowl)) {
            throw new IllegalArgumentException("bowl must be a finite number > 0, got " + bowl);
        }
        if (wells == null || wells.length == 0) {
            throw new IllegalArgumentException("wells must hold at least one well, got none");
        }
        this.bowl = bowl;
        this.wells = wells.clone();
        this.minima = findMinima();
    }

    @Override
    public double value(double x, double y) {
        double f = bowl * (x * x + y * y);
        for (Well w : wells) {
            double dx = x - w.x();
            double dy = y - w.y();
            f -= w.depth() * Math.exp(-(dx * dx + dy * dy) / (2 * w.width() * w.width()));
        }
        return f;
    }

    @Override
    public double[] gradient(double x, double y) {
        double gx = 2 * bowl * x;
        double gy = 2 * bowl * y;
        for (Well w : wells) {
            double dx = x - w.x();
            double dy = y - w.y();
            double s2 = w.width() * w.width();
            double e = w.depth() * Math.exp(-(dx * dx + dy * dy) / (2 * s2)) / s2;
            gx += e * dx;
            gy += e * dy;
        }
        return new double[] {gx, gy};
    }

    @Override
    public String name() {
        return "Foggy mountain";
    }

    @Override
    public Window window() {
        return new Window(-5, 5, -5, 5);
    }

    @Override
    public List<double[]> minima() {
        return minima.stream().map(double[]::clone).toList();
    }

    @Override
    public String toString() {
        return name();
    }

    /** Newton's method (Hessian by central differences of ∇f) from each centre; distinct minima, deepest first. */
    private List<double[]> findMinima() {
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[] {0, 0});
        for (Well w : wells) {
            starts.add(new double[] {w.x(), w.y()});
        }
        List<double[]> found = new ArrayList<>();
        for (double[] p : starts) {
            double[] m = newton(p[0], p[1]);
            if (m != null && found.stream().noneMatch(q -> Math.hypot(q[0] - m[0], q[1] - m[1]) < 1e-6)) {
                found.add(m);
            }
        }
        found.sort(Comparator.comparingDouble(p -> value(p[0], p[1])));
        return List.copyOf(found);
    }

    /** The minimum Newton's method reaches from (x, y), or null if it meets no minimum. */
    private double[] newton(double x, double y) {
        double h = 1e-5;
        for (int i = 0; i < 100; i++) {
            double[] g = gradient(x, y);
            double[] gxp = gradient(x + h, y);
            double[] gxm = gradient(x - h, y);
            double[] gyp = gradient(x, y + h);
            double[] gym = gradient(x, y - h);
            double hxx = (gxp[0] - gxm[0]) / (2 * h);
            double hxy = (gyp[0] - gym[0] + gxp[1] - gxm[1]) / (4 * h);
            double hyy = (gyp[1] - gym[1]) / (2 * h);
            double det = hxx * hyy - hxy * hxy;
            if (!(hxx > 0 && det > 0)) {
                // Not convex here: take a small gradient step towards a valley instead.
                x -= 0.1 * g[0];
                y -= 0.1 * g[1];
                continue;
            }
            double sx = (hyy * g[0] - hxy * g[1]) / det;
            double sy = (hxx * g[1] - hxy * g[0]) / det;
            x -= sx;
            y -= sy;
            if (Math.hypot(sx, sy) < 1e-13) {
                break;
            }
        }
        double[] g = gradient(x, y);
        return Math.hypot(g[0], g[1]) < 1e-9 ? new double[] {x, y} : null;
    }
}
