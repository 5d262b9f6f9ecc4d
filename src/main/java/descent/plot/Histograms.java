package descent.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Histograms of activations, one small panel per layer, all on the same x-range and bins. */
final class Histograms {

    private static final int BINS = 40;

    private Histograms() {
    }

    static BufferedImage panels(String title, String[] labels, double[][] values) {
        double reach = 0;
        for (double[] v : values) {
            for (double a : v) {
                if (Double.isFinite(a)) {
                    reach = Math.max(reach, Math.abs(a));
                }
            }
        }
        double lo = -(reach > 0 ? reach : 1);
        double hi = -lo;
        List<XYChart> charts = new ArrayList<>();
        for (int l = 0; l < values.length; l++) {
            charts.add(panel(labels[l], values[l], lo, hi, l));
        }
        int columns = Math.min(5, charts.size());
        return Panels.grid(title, charts, columns, columns >= 5 ? 200 : 260, 180);
    }

    private static XYChart panel(String label, double[] v, double lo, double hi, int index) {
        double[] fraction = new double[BINS];
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (double a : v) {
            if (Double.isFinite(a)) {
                int bin = (int) Math.min(BINS - 1, Math.max(0, Math.floor((a - lo) / (hi - lo) * BINS)));
                fraction[bin]++;
                sum += a;
                sumSq += a * a;
                n++;
            }
        }
        for (int b = 0; b < BINS; b++) {
            fraction[b] /= Math.max(1, n);
        }
        double mean = n == 0 ? 0 : sum / n;
        double std = n == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        // The outline of the bars: up and across each bin.
        double[] x = new double[2 * BINS + 2];
        double[] y = new double[2 * BINS + 2];
        for (int b = 0; b < BINS; b++) {
            x[2 * b + 1] = lo + (hi - lo) * b / BINS;
            x[2 * b + 2] = lo + (hi - lo) * (b + 1) / BINS;
            y[2 * b + 1] = fraction[b];
            y[2 * b + 2] = fraction[b];
        }
        x[0] = lo;
        x[2 * BINS + 1] = hi;
        XYChart c = new XYChart(200, 180);
        Style.apply(c);
        c.setTitle(label + "  σ=" + String.format(Locale.ROOT, "%.2g", std));
        c.setXAxisTitle("activation");
        c.setYAxisTitle("fraction");
        c.getStyler().setAxisTitleFont(Style.TICKS.deriveFont(11f));
        c.getStyler().setAxisTickLabelsFont(Style.TICKS.deriveFont(10f));
        c.getStyler().setLegendVisible(false);
        c.getStyler().setChartPadding(6);
        c.getStyler().setXAxisMin(lo);
        c.getStyler().setXAxisMax(hi);
        c.getStyler().setYAxisMin(0.0);
        XYSeries s = c.addSeries(label, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setLineColor(Style.colour(index));
        s.setFillColor(Style.colour(index));
        s.setLineStyle(Style.line(1f));
        s.setMarker(SeriesMarkers.NONE);
        Style.roundTicks(c);
        return c;
    }
}
