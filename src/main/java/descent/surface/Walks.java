package descent.surface;

import descent.optim.Optimizer;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Many walks of one optimizer, and what to read off a walk: where it ended and how long its steps
 * were.
 *
 * <pre>
 *   var walks = Walks.from(new Sgd(0.5), mountain, Walks.randomStarts(mountain, 8, 7), 200);
 *   Walks.endings(walks)                     // which valley each walk reached
 *   Walks.stepLengths(walk)                  // ‖θ_(k+1) − θ_k‖ per step
 *   Walks.stepRatios(heavy, plain)           // heavy's steps in units of plain's
 * </pre>
 */
public final class Walks {

    private Walks() {
    }

    /** {@code n} starts {x, y} drawn uniformly from the surface's window by {@code new Random(seed)}. */
    public static double[][] randomStarts(Surface surface, int n, long seed) {
        Objects.requireNonNull(surface, "surface");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        Surface.Window w = surface.window();
        Random random = new Random(seed);
        double[][] starts = new double[n][];
        for (int i = 0; i < n; i++) {
            double x = w.xmin() + (w.xmax() - w.xmin()) * random.nextDouble();
            double y = w.ymin() + (w.ymax() - w.ymin()) * random.nextDouble();
            starts[i] = new double[] {x, y};
        }
        return starts;
    }

    /** One walk of {@code steps} updates from each start (the optimizer is reset for each), named "from (x, y)". */
    public static Trajectory[] from(Optimizer optimizer, Surface surface, double[][] starts, int steps) {
        Objects.requireNonNull(starts, "starts");
        Trajectory[] walks = new Trajectory[starts.length];
        for (int i = 0; i < starts.length; i++) {
            double[] s = starts[i];
            walks[i] = Trajectory.of(optimizer, surface, s, steps)
                    .named(String.format(Locale.ROOT, "from (%.1f, %.1f)", s[0], s[1]));
        }
        return walks;
    }

    /**
     * Where each walk ended: columns walk, steps, end x, end y, loss, and "nearest minimum", the rank
     * of the nearest known minimum of the surface (1 = the deepest, as in {@link Surface#minima()}),
     * with its distance; x and y printed to 4 decimals, the loss and the distance to 3 digits in
     * scientific notation (a loss of 1e-7 is not "0.0000").
     */
    public static Table endings(Trajectory... walks) {
        if (walks.length == 0) {
            throw new IllegalArgumentException("walks must hold at least one walk, got none");
        }
        Table t = Table.create("Where each walk ended",
                StringColumn.create("walk"), IntColumn.create("steps"), DoubleColumn.create("end x"),
                DoubleColumn.create("end y"), DoubleColumn.create("loss"), IntColumn.create("nearest minimum"),
                DoubleColumn.create("distance to it"));
        for (Trajectory w : walks) {
            double[] end = w.end();
            List<double[]> minima = w.surface().minima();
            int nearest = -1;
            double distance = Double.POSITIVE_INFINITY;
            for (int m = 0; m < minima.size(); m++) {
                double d = Math.hypot(end[0] - minima.get(m)[0], end[1] - minima.get(m)[1]);
                if (d < distance) {
                    distance = d;
                    nearest = m;
                }
            }
            t.stringColumn("walk").append(w.label() + (w.diverged() ? " (diverged)" : ""));
            t.intColumn("steps").append(w.size() - 1);
            t.doubleColumn("end x").append(end[0]);
            t.doubleColumn("end y").append(end[1]);
            t.doubleColumn("loss").append(w.finalLoss());
            if (nearest < 0) {
                t.intColumn("nearest minimum").appendMissing();
                t.doubleColumn("distance to it").appendMissing();
            } else {
                t.intColumn("nearest minimum").append(nearest + 1);
                t.doubleColumn("distance to it").append(distance);
            }
        }
        t.doubleColumn("end x").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        t.doubleColumn("end y").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        for (String column : new String[] {"loss", "distance to it"}) {
            t.doubleColumn(column).setPrintFormatter(
                    new NumberColumnFormatter(new DecimalFormat("0.00E0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        }
        return t;
    }

    /** ‖θ_(k+1) − θ_k‖ for k = 0 … size − 2: the length of every step the walk took. */
    public static double[] stepLengths(Trajectory walk) {
        Objects.requireNonNull(walk, "walk");
        double[] x = walk.xs();
        double[] y = walk.ys();
        double[] lengths = new double[x.length - 1];
        for (int k = 0; k < lengths.length; k++) {
            lengths[k] = Math.hypot(x[k + 1] - x[k], y[k + 1] - y[k]);
        }
        return lengths;
    }

    /**
     * Each step of {@code walk} divided by the same step of {@code reference}: how many times longer
     * it is, e.g. momentum's steps in units of plain gradient descent's on the same slope.
     */
    public static double[] stepRatios(Trajectory walk, Trajectory reference) {
        double[] steps = stepLengths(walk);
        double[] units = stepLengths(reference);
        if (steps.length > units.length) {
            throw new IllegalArgumentException("reference must have at least " + steps.length + " steps, got " + units.length);
        }
        for (int k = 0; k < steps.length; k++) {
            if (!(units[k] > 0)) {
                throw new IllegalArgumentException("reference step " + k + " must have a length > 0, got " + units[k]);
            }
            steps[k] /= units[k];
        }
        return steps;
    }
}
