package descent.surface;

import java.util.Locale;

/** Factories for the lessons' surfaces, so a notebook reads {@code Surfaces.ravine(50)}. */
public final class Surfaces {

    private Surfaces() {
    }

    /** Rosenbrock with a = 1, b = 100. */
    public static Rosenbrock rosenbrock() {
        return new Rosenbrock();
    }

    public static Rosenbrock rosenbrock(double a, double b) {
        return new Rosenbrock(a, b);
    }

    public static Beale beale() {
        return new Beale();
    }

    public static Himmelblau himmelblau() {
        return new Himmelblau();
    }

    /** An elongated bowl of condition number κ, its floor along the x-axis. */
    public static Ravine ravine(double kappa) {
        return new Ravine(kappa);
    }

    /** An elongated bowl of condition number κ, its floor turned by {@code degrees}. */
    public static Ravine ravine(double kappa, double degrees) {
        return new Ravine(kappa, Math.toRadians(degrees));
    }

    /** x² − y². */
    public static Saddle saddle() {
        return new Saddle();
    }

    /** A bowl with four Gaussian wells of different depths. */
    public static FoggyMountain foggyMountain() {
        return new FoggyMountain();
    }

    /** A number for a name: "100", "0.5", "1.5e-05". */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
    }
}
