package descent.plot;

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
 * or after the series.
 */
public final class LineChart extends XYChart {

    private final List<String> lines = new ArrayList<>();
    private final Map<String, List<Double>> marks = new LinkedHashMap<>();

    LineChart(String title, String xLabel, String yLabel) {
        super(Style.WIDTH, Style.HEIGHT);
        Style.apply(this);
        setTitle(title);
        setXAxisTitle(xLabel);
        setYAxisTitle(yLabel);
    }

    /** Adds the line (xs[i], ys[i]) under {@code name}, in the next colour of the palette. */
    public LineChart series(String name, double[] xs, double[] ys) {
        return add(name, xs, ys, lines.size(), false);
    }

    /** Adds ys against 0, 1, 2, ... */
    public LineChart series(String name, double[] ys) {
        double[] xs = new double[ys.length];
        Arrays.setAll(xs, i -> i);
        return series(name, xs, ys);
    }

    /** Adds a dashed line in the colour of the line {@code sameColourAs} (e.g. validation beside training). */
    public LineChart dashed(String name, double[] xs, double[] ys, String sameColourAs) {
        int index = lines.indexOf(sameColourAs);
        if (index < 0) {
            throw new IllegalArgumentException("sameColourAs must name a series of this chart, got \""
                    + sameColourAs + "\"; series: " + lines);
        }
        return add(name, xs, ys, index, true);
    }

    /** A logarithmic y-axis; every y must then be > 0. */
    public LineChart logY() {
        for (String name : lines) {
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
        if (label == null || label.isBlank() || lines.contains(label)) {
            throw new IllegalArgumentException("label must be non-blank and not a series name, got \"" + label + "\"");
        }
        marks.computeIfAbsent(label, k -> new ArrayList<>()).add(x);
        return this;
    }

    /** The names of the lines, in order (markers not included). */
    public List<String> seriesNames() {
        return List.copyOf(lines);
    }

    private LineChart add(String name, double[] xs, double[] ys, int colour, boolean dashed) {
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
        s.setLineColor(Style.colour(colour));
        s.setLineStyle(dashed ? Style.dashed(2f) : Style.line(2f));
        s.setMarker(xs.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setMarkerColor(Style.colour(colour));
        lines.add(name);
        return this;
    }

    private static void requirePositive(String name, double[] ys) {
        for (double y : ys) {
            if (!(y > 0) && !Double.isNaN(y)) {
                throw new IllegalArgumentException("a log y-axis needs values > 0, series \"" + name + "\" has " + y);
            }
        }
    }

    /** Draws the markers across the y-range of the lines, then the chart. */
    @Override
    public void paint(Graphics2D g, int width, int height) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String name : lines) {
            for (double y : getSeriesMap().get(name).getYData()) {
                if (Double.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        // Labels at 1, 2, 3 ... 9 of each decade over a short range; only at the decades over a long one.
        getStyler().setYAxisLogarithmicDecadeOnly(hi > 100 * lo);
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
}
