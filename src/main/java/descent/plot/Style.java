package descent.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The one look of every Descent chart: white, quiet grid, a fixed palette, fonts readable at 800 px. */
final class Style {

    /** Series colours, in order (the Tableau 10 palette, readable on white and in print). */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
        new Color(0x7f7f7f), new Color(0xbcbd22)};

    /** Colours of vertical markers: dark grey, then darker tones that differ from the series. */
    static final Color[] MARKS = {new Color(0x444444), new Color(0xa02020), new Color(0x207020), new Color(0x5a3d8a)};

    static final Color TEXT = new Color(0x222222);
    static final Color GRID = new Color(0xe6e6e6);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private Style() {
    }

    static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /**
     * The optimizers that keep one colour in every chart of a lesson, each the palette colour of
     * its place here: a line or path whose name names one ("Sgd(η=0.1)", "plain GD", "SGD +
     * momentum 0.9") is drawn in it. Longer names first, so "AdaMax" is not read as "Adam".
     */
    private static final Pattern METHOD = Pattern.compile(
            "(?i)(?<![a-z])(amsgrad|nadam|adamax|adam|adadelta|adagrad|rmsprop|nesterov|momentum|sgd|gd)(?![a-z])");
    private static final String[] METHOD_ORDER =
            {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamax", "nadam", "amsgrad"};

    /**
     * The colour of a new line named {@code name} beside lines already drawn in {@code taken}: its
     * method's colour when it names one that is still free (the most specific name wins, so "SGD +
     * momentum" is momentum); a second line of a method whose colour is taken gets the last free
     * colour of the palette, a line that names no method the first, so neither borrows the colour
     * of the methods that come first.
     */
    static Color colourFor(String name, Collection<Color> taken) {
        Matcher m = METHOD.matcher(name);
        int best = -1;
        while (m.find()) {
            String method = m.group(1).toLowerCase(Locale.ROOT);
            int index = method.equals("gd") ? 0 : Arrays.asList(METHOD_ORDER).indexOf(method);
            best = Math.max(best, index);
        }
        if (best >= 0 && !taken.contains(PALETTE[best])) {
            return PALETTE[best];
        }
        for (int k = 0; k < PALETTE.length; k++) {   // a second line of one method: from the end of the palette
            Color c = PALETTE[best >= 0 ? PALETTE.length - 1 - k : k];
            if (!taken.contains(c)) {
                return c;
            }
        }
        return PALETTE[taken.size() % PALETTE.length];
    }

    /**
     * Shrinks the chart's title font until the title fits (down to 11 pt). XChart centres the title
     * over the plot, not the picture, so with the legend outside on the right the room is twice
     * the distance from the plot's centre to the nearer edge, less a margin; the plot is taken to
     * start 40 pixels in (the y-axis) and to end where the legend's longest entry begins.
     */
    static void fitTitle(XYChart chart, Font font, int width) {
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(font);
        String title = chart.getTitle() == null ? "" : chart.getTitle();
        int legend = 0;
        if (chart.getStyler().isLegendVisible() && chart.getStyler().getLegendPosition() == Styler.LegendPosition.OutsideE) {
            FontMetrics lm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(LEGEND);
            legend = 62 + chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                    .mapToInt(s -> lm.stringWidth(s.getName())).max().orElse(-50);
        }
        double centre = (40 + width - legend) / 2.0;
        double room = 2 * Math.min(centre, width - centre) - 48;
        float size = font.getSize2D();
        int wide = fm.stringWidth(title);
        if (wide > room) {
            size = (float) Math.max(11, size * room / wide);
        }
        chart.getStyler().setChartTitleFont(font.deriveFont(size));
    }

    /**
     * Tick labels in one style ("0.09" beside "0.1", never ".09") on the linear axes; a logarithmic
     * axis keeps XChart's labels, which are at the decades and their multiples.
     */
    static void tickFormat(XYChart chart) {
        AxesChartStyler s = chart.getStyler();
        s.setxAxisTickLabelsFormattingFunction(s.isXAxisLogarithmic() ? null : Style::number);
        s.setyAxisTickLabelsFormattingFunction(s.isYAxisLogarithmic() ? null : Style::number);
    }

    /**
     * The range of a logarithmic axis for data in [lo, hi], widened to ticks that are labelled, so
     * that the top and the bottom of the data have a label beyond them: whole decades when hi &gt; 100·lo
     * (only the decades are labelled then), else the nearest multiples m·10^k,
     * m = 1 … 9. Returns {min, max, 1 if only decades are labelled else 0}.
     */
    static double[] logAxis(double lo, double hi) {
        double decadeLo = Math.pow(10, Math.floor(Math.log10(lo) + 1e-9));
        double decadeHi = Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9));
        if (hi > 100 * lo) {
            return new double[] {decadeLo, decadeHi, 1};
        }
        double topDecade = Math.pow(10, Math.floor(Math.log10(hi) + 1e-9));
        return new double[] {Math.floor(lo / decadeLo * (1 + 1e-9)) * decadeLo,
            Math.ceil(hi / topDecade * (1 - 1e-9)) * topDecade, 0};
    }

    static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4}, 0);
    }

    /** White background, light grid, no borders, legend outside on the right. */
    static void apply(XYChart chart) {
        AxesChartStyler s = chart.getStyler();
        applyCommon(s);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1));
        s.setAxisTitleFont(AXIS_TITLE);
        s.setAxisTickLabelsFont(TICKS);
        s.setAxisTickLabelsColor(TEXT);
        s.setAxisTickMarksColor(new Color(0x999999));
        s.setAxisTicksLineVisible(false);
        s.setPlotTicksMarksVisible(false);
        s.setAxisTitlePadding(6);
        s.setMarkerSize(7);
        s.setXAxisMaxLabelCount(11);
        s.setXAxisTickMarkSpacingHint(90);
        s.setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setCursorEnabled(false);
        chart.getStyler().setToolTipsEnabled(false);
        chart.getStyler().setZoomEnabled(false);
    }

    static void applyCommon(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartFontColor(TEXT);
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(10);
        s.setChartPadding(12);
        s.setLegendFont(LEGEND);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
    }

    private static final String ANCHOR = "x-axis anchor";

    /**
     * Asks XChart for ticks at round numbers. XChart puts ticks at the data points themselves
     * when the x (or y) values of all series, in order, are equally spaced, which crowds the labels of a
     * long run; an invisible one-point series at an (x, y) off those grids, inside the range, breaks the
     * pattern without changing the axis ranges. Call after the series are added.
     */
    static void roundTicks(XYChart chart) {
        chart.removeSeries(ANCHOR);
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (int i = 0; i < s.getXData().length; i++) {
                if (Double.isFinite(s.getXData()[i]) && Double.isFinite(s.getYData()[i])) {
                    xlo = Math.min(xlo, s.getXData()[i]);
                    xhi = Math.max(xhi, s.getXData()[i]);
                    ylo = Math.min(ylo, s.getYData()[i]);
                    yhi = Math.max(yhi, s.getYData()[i]);
                }
            }
        }
        if (xlo < xhi) {
            double x = (xlo + xhi) / 2 + (xhi - xlo) * 1e-6;
            double y = (ylo + yhi) / 2 + (yhi - ylo) * 1e-6;
            XYSeries a = chart.addSeries(ANCHOR, new double[] {x}, new double[] {y});
            a.setLineColor(new Color(0, 0, 0, 0));
            a.setMarker(SeriesMarkers.NONE);
            a.setShowInLegend(false);
        }
    }

    /**
     * A number for an axis label or a title, short and in one style: 0.001 → "1e-3", 0.05 → "0.05",
     * 0.1 → "0.1" (never ".1"), 128 → "128".
     */
    static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-2 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        String s = String.format(Locale.ROOT, "%.3e", v);
        String mantissa = s.substring(0, s.indexOf('e')).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(s.substring(s.indexOf('e') + 1));
        return mantissa + "e" + exponent;
    }
}
