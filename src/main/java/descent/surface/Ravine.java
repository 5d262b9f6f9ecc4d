package descent.surface;

import java.util.List;

/**
 * An elongated bowl: the quadratic f = ½(u² + κv²) in coordinates (u, v) rotated by the angle α,
 * u = x cos α + y sin α (along the valley floor), v = −x sin α + y cos α (across it).
 *
 * <p>The Hessian has eigenvalues 1 and κ, so κ is its condition number. Gradient descent with rate
 * η shrinks u by (1 − η) per step and multiplies v by (1 − ηκ): stable only for η &lt; 2/κ, which
 * makes the walk along the floor crawl while it zig-zags across — the momentum lesson's ravine.
 * ∇f = (u cos α − κv sin α, u sin α + κv cos α); the minimum is 0 at the origin.
 */
public final class Ravine implements Surface {

    private final double kappa;
    private final double alpha;
    private final double cos;
    private final double sin;

    /** A ravine with condition number κ ≥ 1, its floor along the x-axis. */
    public Ravine(double kappa) {
        this(kappa, 0);
    }

    /** A ravine with condition number κ ≥ 1, its floor at angle α (radians) to the x-axis. */
    public Ravine(double kappa, double alpha) {
        if (!(kappa >= 1) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be a finite number >= 1, got " + kappa);
        }
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite angle in radians, got " + alpha);
        }
        this.kappa = kappa;
        this.alpha = alpha;
        this.cos = Math.cos(alpha);
        this.sin = Math.sin(alpha);
    }

    /** The condition number κ. */
    public double kappa() {
        return kappa;
    }

    @Override
    public double value(double x, double y) {
        double u = x * cos + y * sin;
        double v = -x * sin + y * cos;
        return 0.5 * (u * u + kappa * v * v);
    }

    @Override
    public double[] gradient(double x, double y) {
        double u = x * cos + y * sin;
        double v = -x * sin + y * cos;
        return new double[] {u * cos - kappa * v * sin, u * sin + kappa * v * cos};
    }

    @Override
    public String name() {
        String rotation = alpha == 0 ? "" : ", α=" + Surfaces.format(Math.toDegrees(alpha)) + "°";
        return "Ravine(κ=" + Surfaces.format(kappa) + rotation + ")";
    }

    /** 10 along the floor and 3 across it, turned with the floor. */
    @Override
    public Window window() {
        double c = Math.abs(cos);
        double s = Math.abs(sin);
        double halfWidth = 10 * c + 3 * s;
        double halfHeight = 10 * s + 3 * c;
        return new Window(-halfWidth, halfWidth, -halfHeight, halfHeight);
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {0, 0});
    }

    @Override
    public String toString() {
        return name();
    }
}
