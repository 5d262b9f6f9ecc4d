package descent.surface;

import java.util.Objects;

/**
 * The gradient estimated from values of f alone, to check an analytic gradient:
 *
 * <pre>
 *   forward:  ∂f/∂x ≈ (f(x + h, y) − f(x, y)) / h              truncation error O(h)
 *   central:  ∂f/∂x ≈ (f(x + h, y) − f(x − h, y)) / (2h)       truncation error O(h²)
 * </pre>
 * and the same along y. Rounding f to double adds an error of about ε·|f| / h (ε ≈ 1.1·10⁻¹⁶),
 * so h can be too small as well as too large: the total is smallest near h ≈ √ε ≈ 10⁻⁸ for
 * forward and h ≈ ∛ε ≈ 10⁻⁵ for central differences (Nocedal &amp; Wright, "Numerical
 * Optimization", 2nd ed. 2006, §8.1).
 */
public final class FiniteDifference {

    /** Half the distance from 1 to the next double: the smallest relative error double can show. */
    public static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

    private FiniteDifference() {
    }

    /** {(f(x + h, y) − f(x, y)) / h, (f(x, y + h) − f(x, y)) / h}. */
    public static double[] forward(Surface f, double x, double y, double h) {
        check(f, x, y, h);
        double f0 = f.value(x, y);
        return new double[] {(f.value(x + h, y) - f0) / h, (f.value(x, y + h) - f0) / h};
    }

    /** {(f(x + h, y) − f(x − h, y)) / 2h, (f(x, y + h) − f(x, y − h)) / 2h}. */
    public static double[] central(Surface f, double x, double y, double h) {
        check(f, x, y, h);
        return new double[] {(f.value(x + h, y) - f.value(x - h, y)) / (2 * h),
                (f.value(x, y + h) - f.value(x, y - h)) / (2 * h)};
    }

    /**
     * The relative error ‖forward − ∇f‖ / ‖∇f‖ of the forward estimate for each h, at a point where
     * ∇f ≠ 0; an estimate equal to ∇f to the last bit shows as {@link #UNIT_ROUNDOFF}, so that
     * every value can go on a log axis.
     */
    public static double[] forwardErrors(Surface f, double x, double y, double[] hs) {
        return errors(f, x, y, hs, false);
    }

    /** As {@link #forwardErrors}, for the central estimate. */
    public static double[] centralErrors(Surface f, double x, double y, double[] hs) {
        return errors(f, x, y, hs, true);
    }

    private static double[] errors(Surface f, double x, double y, double[] hs, boolean central) {
        check(f, x, y, 1);
        Objects.requireNonNull(hs, "hs");
        for (double h : hs) {
            check(f, x, y, h);
        }
        double[] g = f.gradient(x, y);
        double norm = Math.hypot(g[0], g[1]);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("the gradient at (" + x + ", " + y
                    + ") must be finite and non-zero for a relative error, got (" + g[0] + ", " + g[1] + ")");
        }
        double[] errors = new double[hs.length];
        for (int i = 0; i < hs.length; i++) {
            double[] e = central ? central(f, x, y, hs[i]) : forward(f, x, y, hs[i]);
            errors[i] = Math.max(UNIT_ROUNDOFF, Math.hypot(e[0] - g[0], e[1] - g[1]) / norm);
        }
        return errors;
    }

    private static void check(Surface f, double x, double y, double h) {
        Objects.requireNonNull(f, "surface");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point must be finite, got (" + x + ", " + y + ")");
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("h must be a finite number > 0, got " + h);
        }
    }
}
