package descent.plot;

import descent.surface.Surface;
import java.util.Arrays;

/** Clips a polyline to a rectangle (Liang–Barsky per segment), so a diverging walk stays in the plot. */
final class Clip {

    private Clip() {
    }

    /** The parts of the polyline inside {@code w}, as {xs, ys} with NaN where it leaves and re-enters. */
    static double[][] toWindow(double[] xs, double[] ys, Surface.Window w) {
        int n = xs.length;
        double[] ox = new double[3 * n + 1];
        double[] oy = new double[3 * n + 1];
        int k = 0;
        boolean open = false;   // the last point written continues the line
        if (n == 1 && inside(xs[0], ys[0], w)) {
            return new double[][] {xs.clone(), ys.clone()};
        }
        for (int i = 0; i + 1 < n; i++) {
            double[] seg = clip(xs[i], ys[i], xs[i + 1], ys[i + 1], w);
            if (seg == null) {
                open = false;
                continue;
            }
            boolean startsAtPrevious = open && seg[0] == xs[i] && seg[1] == ys[i];
            if (!startsAtPrevious) {
                if (k > 0) {
                    ox[k] = Double.NaN;
                    oy[k] = Double.NaN;
                    k++;
                }
                ox[k] = seg[0];
                oy[k] = seg[1];
                k++;
            }
            ox[k] = seg[2];
            oy[k] = seg[3];
            k++;
            open = seg[2] == xs[i + 1] && seg[3] == ys[i + 1];
        }
        return new double[][] {Arrays.copyOf(ox, k), Arrays.copyOf(oy, k)};
    }

    private static boolean inside(double x, double y, Surface.Window w) {
        return x >= w.xmin() && x <= w.xmax() && y >= w.ymin() && y <= w.ymax();
    }

    /** The part of segment (x0, y0)–(x1, y1) inside w as {x0', y0', x1', y1'}, or null. */
    private static double[] clip(double x0, double y0, double x1, double y1, Surface.Window w) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - w.xmin(), w.xmax() - x0, y0 - w.ymin(), w.ymax() - y0};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {
            t0 == 0 ? x0 : x0 + t0 * dx, t0 == 0 ? y0 : y0 + t0 * dy,
            t1 == 1 ? x1 : x0 + t1 * dx, t1 == 1 ? y1 : y0 + t1 * dy};
    }
}
