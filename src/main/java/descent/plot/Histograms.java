package descent.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Histograms, one small panel per array (a layer's activations, weights), all on the same x-range
 * and the same bins. The bins are centred on 0, so that exact zeros (a ReLU's inactive units) fill
 * the bin around 0 instead of the one beside it; an array with no negative value is drawn from 0 up.
 * Each panel's height is the fraction of the array's finite values in a bin.
 */
final class Histograms {

    /** Bins from 0 to the largest |value|; the bin around 0 is centred on it. */
    private static final int BINS_PER_SIDE = 20;

    private Histograms() {
    }

    static BufferedImage panels(String title, String xLabel, String[] labels, double[][] values) {
        double reach = 0;
        boolean negative = false;
        for (double[] v : values) {
            for (double a : v) {
                if (Double.isFinite(a)) {
                    reach = Math.max(reach, Math.abs(a));
                    negative |= a < 0;
                }
            }
        }
        double width = (reach > 0 ? reach : 1) / BINS_PER_SIDE;
        double lo = negative ? -(BINS_PER_SIDE + 0.5) * width : -0.5 * width;
        int bins = negative ? 2 * BINS_PER_SIDE + 1 : BINS_PER_SIDE + 1;
        List<XYChart> charts = new ArrayList<>();
        for (int l = 0; l < values.length; l++) {
            charts.add(panel(labels[l], xLabel, values[l], lo, width, bins, l));
        }
        int columns = Math.min(5, charts.size());
        return Panels.grid(title, charts, columns, columns >= 5 ? 200 : 260, 180);
    }

    static XYChart panel(String label, String xLabel, double[] v, double lo, double width, int bins, int index) {
        double[] fraction = new double[bins];
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (double a : v) {
            if (Double.isFinite(a)) {
                int bin = (int) Math.min(bins - 1, Math.max(0, Math.floor((a - lo) / width)));
                fraction[bin]++;
                sum += a;
                sumSq += a * a;
                n++;
            }
        }
        for (int b = 0; b < bins; b++) {
            fraction[b] /= Math.max(1, n);
        }
        double mean = n == 0 ? 0 : sum / n;
        double std = n == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        // The outline of the bars: up and across each bin.
        double hi = lo + bins * width;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = lo + width * b;
            x[2 * b + 2] = lo + width * (b + 1);
            y[2 * b + 1] = fraction[b];
            y[2 * b + 2] = fraction[b];
        }
        x[0] = lo;
        x[2 * bins + 1] = hi;
        XYChart c = new XYChart(200, 180);
        Style.apply(c);
        c.setTitle(label + "  σ=" + String.format(Locale.ROOT, "%.2g", std));
        c.setXAxisTitle(xLabel);
        c.setYAxisTitle("fraction");
        c.getStyler().setAxisTitleFont(Style.TICKS.deriveFont(11f));
        c.getStyler().setAxisTickLabelsFont(Style.TICKS.deriveFont(10f));
        c.getStyler().setLegendVisible(false);
        c.getStyler().setChartPadding(6);
        c.getStyler().setXAxisMin(lo);
        c.getStyler().setXAxisMax(hi);
        c.getStyler().setYAxisMin(0.0);
        // Short labels ("−2e5", "0.5"), spaced closely enough that a narrow panel shows several.
        c.getStyler().setxAxisTickLabelsFormattingFunction(Style::number);
        c.getStyler().setXAxisTickMarkSpacingHint(45);
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
