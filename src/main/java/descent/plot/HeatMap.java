package descent.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * A heat map of a sweep, with the options a lesson needs to read it honestly:
 * <pre>
 *   HeatMap.of(sweep, "λ", "N", "val_accuracy")      // one cell per (λ, N); repeated rows averaged
 *          .colours(0.6, 0.85)                        // the ramp spans 0.6 … 0.85; values beyond take its ends
 *          .isoLines("λ/N", (λ, n) -> λ / n)          // dashed lines along which λ/N is constant
 *          .draw()
 * </pre>
 * Each distinct x and y value is one column or row, in order, so a doubling grid has log-scaled
 * axes. When a cell averages several rows (seeds, or an axis not drawn) the title says how many.
 * Iso-lines are drawn for a quantity whose logarithm changes by the same step from cell to cell
 * (a product of powers of x and y on a doubling grid): they are then straight, through the cell
 * centres; another quantity is refused.
 */
public final class HeatMap {

    private final Table sweep;
    private final String x, y, value;
    private double lo = Double.NaN, hi = Double.NaN;
    private final List<String> isoNames = new ArrayList<>();
    private final List<DoubleBinaryOperator> isoFunctions = new ArrayList<>();

    private HeatMap(Table sweep, String x, String y, String value) {
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        this.x = x;
        this.y = y;
        this.value = value;
        numeric(x);
        numeric(y);
        numeric(value);
    }

    /** The mean of {@code value} over each (x, y) pair of the sweep's rows. */
    public static HeatMap of(Table sweep, String x, String y, String value) {
        return new HeatMap(sweep, x, y, value);
    }

    /** The colour ramp spans [lo, hi]; cells outside take its ends (the colour bar says ≤ lo, ≥ hi). */
    public HeatMap colours(double lo, double hi) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("colours must be finite with lo < hi, got " + lo + ", " + hi);
        }
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /** Dashed lines along which {@code quantity(x, y)}, named {@code name}, is constant. */
    public HeatMap isoLines(String name, DoubleBinaryOperator quantity) {
        isoNames.add(Objects.requireNonNull(name, "name"));
        isoFunctions.add(Objects.requireNonNull(quantity, "quantity"));
        return this;
    }

    /**
     * How much the value changes along a direction of the grid: the mean of |v(i + di, j + dj) −
     * v(i, j)| over the pairs of cells (seed means) that both hold at least {@code floor}, e.g.
     * {@code meanChange(1, 1, 0.5)} along the diagonals, {@code meanChange(1, 0, 0.5)} along x alone.
     * A flat direction is one along which it is small.
     */
    public double meanChange(int di, int dj, double floor) {
        if (di == 0 && dj == 0) {
            throw new IllegalArgumentException("(di, dj) must be a direction, got (0, 0)");
        }
        double[][] mean = grid().mean;
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < mean.length; i++) {
            for (int j = 0; j < mean[i].length; j++) {
                int k = i + di, l = j + dj;
                if (k >= 0 && k < mean.length && l >= 0 && l < mean[i].length && mean[i][j] >= floor && mean[k][l] >= floor) {
                    sum += Math.abs(mean[k][l] - mean[i][j]);
                    pairs++;
                }
            }
        }
        if (pairs == 0) {
            throw new IllegalArgumentException("no pair of cells one step (" + di + ", " + dj + ") apart holds "
                    + value + " >= " + floor);
        }
        return sum / pairs;
    }

    public BufferedImage draw() {
        Grid grid = grid();
        List<Double> xs = grid.xs, ys = grid.ys;
        List<HeatMapImage.IsoLines> lines = new ArrayList<>();
        for (int k = 0; k < isoNames.size(); k++) {
            lines.add(HeatMapImage.IsoLines.of(isoNames.get(k), isoFunctions.get(k), xs, ys));
        }
        String title = value + " over " + x + " and " + y + (grid.most > 1 ? " (mean of " + grid.most + " runs)" : "");
        return HeatMapImage.of(title, x, xs, y, ys, grid.mean, lo, hi, lines);
    }

    /** The distinct x and y values in order, the mean value of each cell and the most rows a cell averages. */
    private record Grid(List<Double> xs, List<Double> ys, double[][] mean, int most) {
    }

    private Grid grid() {
        NumericColumn<?> cx = numeric(x), cy = numeric(y), cv = numeric(value);
        TreeSet<Double> xValues = new TreeSet<>(), yValues = new TreeSet<>();
        for (int r = 0; r < sweep.rowCount(); r++) {
            if (Double.isFinite(cx.getDouble(r)) && Double.isFinite(cy.getDouble(r)) && Double.isFinite(cv.getDouble(r))) {
                xValues.add(cx.getDouble(r));
                yValues.add(cy.getDouble(r));
            }
        }
        if (xValues.isEmpty()) {
            throw new IllegalArgumentException("sweep must have rows with finite " + x + ", " + y + " and "
                    + value + ", got none of " + sweep.rowCount());
        }
        List<Double> xs = new ArrayList<>(xValues), ys = new ArrayList<>(yValues);
        double[][] sum = new double[xs.size()][ys.size()];
        int[][] count = new int[xs.size()][ys.size()];
        for (int r = 0; r < sweep.rowCount(); r++) {
            int i = xs.indexOf(cx.getDouble(r)), j = ys.indexOf(cy.getDouble(r));
            if (i >= 0 && j >= 0 && Double.isFinite(cv.getDouble(r))) {
                sum[i][j] += cv.getDouble(r);
                count[i][j]++;
            }
        }
        double[][] mean = new double[xs.size()][ys.size()];
        int most = 0;
        for (int i = 0; i < mean.length; i++) {
            for (int j = 0; j < mean[i].length; j++) {
                mean[i][j] = count[i][j] == 0 ? Double.NaN : sum[i][j] / count[i][j];
                most = Math.max(most, count[i][j]);
            }
        }
        return new Grid(xs, ys, mean, most);
    }

    private NumericColumn<?> numeric(String name) {
        if (!sweep.columnNames().contains(name)) {
            throw new IllegalArgumentException("column \"" + name + "\" not in table " + sweep.name()
                    + "; columns: " + sweep.columnNames());
        }
        if (!(sweep.column(name) instanceof NumericColumn<?> c)) {
            throw new IllegalArgumentException("column \"" + name + "\" must be numeric, got " + sweep.column(name).type());
        }
        return c;
    }
}
