package descent.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Values against steps: {@code Charts.lines("Adam's first moment", "step t", "value").series("m_t",
 * t, m).series("m̂_t", t, mHat)}. Loss curves are line charts on a log y-axis.
 *
 * <p>It is an {@link XYChart}: a notebook shows it at any point of the chain. Vertical markers
 * ({@link #mark}) span the data's y-range whenever the chart is drawn, so they can be added before
 * or after the series. A line named after an optimizer ("Adam", "SGD + momentum 0.9") gets that
 * optimizer's colour in every chart; a logarithmic axis has a label beyond either end of the data.
 */
public final class LineChart extends XYChart {

    private final Map<String, Color> lines = new LinkedHashMap<>();
    private double[] autoY;   // the decades this chart chose for a log y-axis, replaced when the data grow
    private double[] autoX;
    private final Map<String, List<Double>> marks = new LinkedHashMap<>();

    LineChart(String title, String xLabel, String yLabel) {
        super(Style.WIDTH, Style.HEIGHT);
        Style.apply(this);
        setTitle(title);
        setXAxisTitle(xLabel);
        setYAxisTitle(yLabel);
    }

    /** Adds the line (xs[i], ys[i]) under {@code name}, in its method's colour or the next free one. */
    public LineChart series(String name, double[] xs, double[] ys) {
        return add(name, xs, ys, Style.colourFor(name == null ? "" : name, lines.values()), false);
    }

    /** Adds ys against 0, 1, 2, ... */
    public LineChart series(String name, double[] ys) {
        double[] xs = new double[ys.length];
        Arrays.setAll(xs, i -> i);
        return series(name, xs, ys);
    }

    /** Adds a dashed line in the colour of the line {@code sameColourAs} (e.g. validation beside training). */
    public LineChart dashed(String name, double[] xs, double[] ys, String sameColourAs) {
        Color colour = lines.get(sameColourAs);
        if (colour == null) {
            throw new IllegalArgumentException("sameColourAs must name a series of this chart, got \""
                    + sameColourAs + "\"; series: " + lines.keySet());
        }
        return add(name, xs, ys, colour, true);
    }

    /** A logarithmic y-axis; every y must then be > 0. */
    public LineChart logY() {
        for (String name : lines.keySet()) {
            requirePositive(name, getSeriesMap().get(name).getYData());
        }
        getStyler().setYAxisLogarithmic(true);
        return this;
    }

    /** A vertical dashed line at x; lines with the same label share one legend entry. */
    public LineChart mark(double x, String label) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be a finite number, got " + x);
        }
        if (label == null || label.isBlank() || lines.containsKey(label)) {
            throw new IllegalArgumentException("label must be non-blank and not a series name, got \"" + label + "\"");
        }
        marks.computeIfAbsent(label, k -> new ArrayList<>()).add(x);
        return this;
    }

    /** The names of the lines, in order (markers not included). */
    public List<String> seriesNames() {
        return List.copyOf(lines.keySet());
    }

    private LineChart add(String name, double[] xs, double[] ys, Color colour, boolean dashed) {
        if (name == null || name.isBlank() || getSeriesMap().containsKey(name)) {
            throw new IllegalArgumentException("name must be non-blank and new in this chart, got \"" + name + "\"");
        }
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("xs and ys must have the same length > 0, got " + xs.length
                    + " and " + ys.length);
        }
        for (int i = 0; i < xs.length; i++) {
            if (Double.isInfinite(xs[i]) || Double.isInfinite(ys[i])) {
                throw new IllegalArgumentException("series \"" + name + "\" holds (" + xs[i] + ", " + ys[i] + ") at point " + i
                        + "; a chart cannot draw an infinite value (a NaN leaves a gap)");
            }
        }
        if (Arrays.stream(ys).noneMatch(Double::isFinite)) {
            name += " (no finite value)";                   // in the legend, not silently blank
        }
        if (getStyler().isYAxisLogarithmic()) {
            requirePositive(name, ys);
        }
        XYSeries s = addSeries(name, xs, ys);
        s.setLineColor(colour);
        s.setLineStyle(dashed ? Style.dashed(2f) : Style.line(2f));
        s.setMarker(xs.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(colour);
        lines.put(name, colour);
        return this;
    }

    private static void requirePositive(String name, double[] ys) {
        for (double y : ys) {
            if (!(y > 0) && !Double.isNaN(y)) {
                throw new IllegalArgumentException("a log y-axis needs values > 0, series \"" + name + "\" has " + y);
            }
        }
    }

    /**
     * Draws the markers across the y-range of the lines, widens a log axis to labelled ticks
     * ({@link Style#logAxis}), fits the title to the width, then draws the chart.
     */
    @Override
    public void paint(Graphics2D g, int width, int height) {
        double[] ys = range(false);
        double lo = ys[0];
        double hi = ys[1];
        if (getStyler().isYAxisLogarithmic() && lo > 0 && lo <= hi && owns(autoY, getStyler().getYAxisMin(), getStyler().getYAxisMax())) {
            autoY = Style.logAxis(lo, hi);
            getStyler().setYAxisMin(autoY[0]);
            getStyler().setYAxisMax(autoY[1]);
            getStyler().setYAxisLogarithmicDecadeOnly(autoY[2] == 1);
        } else {
            getStyler().setYAxisLogarithmicDecadeOnly(hi > 100 * lo);   // a range the caller chose
        }
        double[] xs = range(true);
        if (getStyler().isXAxisLogarithmic() && xs[0] > 0 && xs[0] <= xs[1]
                && owns(autoX, getStyler().getXAxisMin(), getStyler().getXAxisMax())) {
            autoX = Style.logAxis(xs[0], xs[1]);
            getStyler().setXAxisMin(autoX[0]);
            getStyler().setXAxisMax(autoX[1]);
        }
        Style.fitTitle(this, Style.TITLE, width);
        Style.tickFormat(this);
        if (lo <= hi) {
            int k = 0;
            for (Map.Entry<String, List<Double>> m : marks.entrySet()) {
                List<Double> at = m.getValue();
                double[] x = new double[3 * at.size() - 1];
                double[] y = new double[x.length];
                for (int i = 0; i < at.size(); i++) {
                    x[3 * i] = at.get(i);
                    x[3 * i + 1] = at.get(i);
                    y[3 * i] = lo;
                    y[3 * i + 1] = hi;
                    if (3 * i + 2 < x.length) {
                        x[3 * i + 2] = Double.NaN;
                        y[3 * i + 2] = Double.NaN;
                    }
                }
                XYSeries s = getSeriesMap().containsKey(m.getKey())
                        ? updateXYSeries(m.getKey(), x, y, null) : addSeries(m.getKey(), x, y);
                s.setLineColor(Style.MARKS[k % Style.MARKS.length]);
                s.setLineStyle(Style.dashed(1.5f));
                s.setMarker(SeriesMarkers.NONE);
                k++;
            }
        }
        Style.roundTicks(this);
        super.paint(g, width, height);
    }

    /** The smallest and largest finite x (or y) of the lines. */
    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String name : lines.keySet()) {
            XYSeries s = getSeriesMap().get(name);
            for (double v : x ? s.getXData() : s.getYData()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** Whether the axis range is still the one this chart chose (or none): a range the caller set is kept. */
    private static boolean owns(double[] chosen, Double min, Double max) {
        return min == null && max == null
                || chosen != null && min != null && max != null && min == chosen[0] && max == chosen[1];
    }
}
