package descent.plot;

import descent.surface.Surface;
import descent.surface.Trajectory;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Contour lines of a {@link Surface} with optimizer paths drawn over them: the chart of the
 * optimization lessons, {@code Charts.contour(ravine).paths(plain, heavy)}.
 *
 * <p>It is an {@link XYChart}, so a notebook shows it at any point of the chain. The iso-lines come
 * from {@link MarchingSquares} on a 161 × 161 grid over the window, at levels spaced evenly in
 * log(f − f_min) between the 1st and 95th percentile of the grid's values when f ≥ 0 over the
 * window (a loss; Rosenbrock's valley needs it), and evenly in f otherwise; {@link #linear()} and
 * {@link #log()} choose. Levels are drawn in a grey ramp, darker near the bottom, without legend
 * entries. x and y are drawn to the same scale, so a bowl four times steeper across looks four
 * times narrower: the window asked for is widened along one axis to fill the plot. Each path gets
 * a colour (its optimizer's, when its label names one), a legend entry that says when it diverges
 * or leaves the chart, a round marker at its start and a square one at its end; the surface's
 * known minima are black crosses, numbered by depth when there are several. {@link Race} animates
 * the paths.
 */
public final class ContourChart extends XYChart {

    private static final int GRID = 161;

    private final Surface surface;
    private final List<Trajectory> paths = new ArrayList<>();
    private final List<Color> pathColours = new ArrayList<>();
    private Surface.Window window;   // asked for
    private Surface.Window shown;    // drawn: the window widened to equal scales when the chart is painted
    private Font titleFont = Style.TITLE;
    private int levelCount = 14;
    private Boolean logLevels;   // null: choose from the data
    private boolean endMarkers = true;
    private double[] levels;             // cached with their iso-lines until a setting changes
    private List<double[][]> isoLines;

    ContourChart(Surface surface) {
        super(Style.WIDTH, Style.HEIGHT);
        this.surface = surface;
        this.window = surface.window();
        this.shown = window;
        Style.apply(this);
        getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        getStyler().setAnnotationTextFontColor(Color.BLACK);
        getStyler().setPlotGridLinesVisible(false);
        getStyler().setPlotBorderVisible(true);
        getStyler().setPlotBorderColor(new Color(0xbbbbbb));
        setTitle(surface.name());
        setXAxisTitle("x");
        setYAxisTitle("y");
        redraw();
    }

    /** Adds the walks, each with its label in the legend. */
    public ContourChart paths(Trajectory... trajectories) {
        for (Trajectory t : trajectories) {
            if (t == null) {
                throw new IllegalArgumentException("trajectories must not contain null");
            }
        }
        paths.addAll(Arrays.asList(trajectories));
        redraw();
        return this;
    }

    /** Adds the walks of a list, e.g. one per starting point. */
    public ContourChart paths(List<Trajectory> trajectories) {
        return paths(trajectories.toArray(Trajectory[]::new));
    }

    /** Draws {@code n} iso-lines (default 14). */
    public ContourChart levels(int n) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("n must be between 1 and 200, got " + n);
        }
        levelCount = n;
        levels = null;
        redraw();
        return this;
    }

    /** Levels evenly spaced in f. */
    public ContourChart linear() {
        logLevels = false;
        levels = null;
        redraw();
        return this;
    }

    /** Levels evenly spaced in log(f − f_min): dense near the minimum, sparse on the walls. */
    public ContourChart log() {
        logLevels = true;
        levels = null;
        redraw();
        return this;
    }

    /** Shows xmin..xmax × ymin..ymax instead of the surface's default window. */
    public ContourChart window(double xmin, double xmax, double ymin, double ymax) {
        window = new Surface.Window(xmin, xmax, ymin, ymax);
        shown = window;
        levels = null;
        redraw();
        return this;
    }

    /** The chart's title (default: the surface's name). */
    public ContourChart title(String title) {
        setTitle(title);
        return this;
    }

    /** The title's font, e.g. smaller for a small picture. */
    ContourChart titleFont(Font font) {
        titleFont = font;
        return this;
    }

    /** The levels drawn, increasing. */
    public double[] levelValues() {
        return levels.clone();
    }

    /**
     * A copy for {@link Race}: the same surface, window, levels and title, no paths, and end
     * markers as asked.
     */
    ContourChart blankCopy(boolean withEndMarkers) {
        ContourChart copy = new ContourChart(surface);
        copy.window = window;
        copy.shown = window;
        copy.levelCount = levelCount;
        copy.logLevels = logLevels;
        copy.endMarkers = withEndMarkers;
        copy.setTitle(getTitle());
        copy.levels = null;
        copy.redraw();
        return copy;
    }

    /** The colour of the {@code index}-th path, as last drawn. */
    Color pathColour(int index) {
        return pathColours.get(index);
    }

    /** The window drawn: the one asked for, widened so that x and y have the same scale. */
    Surface.Window shownWindow() {
        return shown;
    }

    /** A polyline in data coordinates, NaN-separated, as a path in the pixels of the last drawing. */
    Path2D screenPath(double[][] xy) {
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < xy[0].length; i++) {
            if (Double.isNaN(xy[0][i])) {
                pen = false;
                continue;
            }
            double px = getScreenXFromChart(xy[0][i]);
            double py = getScreenYFromChart(xy[1][i]);
            if (pen) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                pen = true;
            }
        }
        return path;
    }

    /**
     * Draws the chart with one unit of x as long as one unit of y: a first layout measures the plot
     * area, the window is widened along the axis that has room to spare (and the contours traced
     * again over it), then the chart is drawn. The title shrinks to fit the width.
     */
    @Override
    public void paint(Graphics2D g, int width, int height) {
        Style.fitTitle(this, titleFont, width);
        Style.tickFormat(this);
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        for (int pass = 0; pass < 3; pass++) {
            super.paint(scratch, width, height);
            double pixelsX = Math.abs(getScreenXFromChart(shown.xmax()) - getScreenXFromChart(shown.xmin()));
            double pixelsY = Math.abs(getScreenYFromChart(shown.ymax()) - getScreenYFromChart(shown.ymin()));
            Surface.Window equal = equalScale(window, pixelsX, pixelsY);
            if (close(equal, shown)) {
                break;
            }
            shown = equal;
            levels = null;
            redraw();
        }
        scratch.dispose();
        super.paint(g, width, height);
    }

    /** {@code w} widened about its centre so that a pixel is the same length along x and y. */
    private static Surface.Window equalScale(Surface.Window w, double pixelsX, double pixelsY) {
        double unit = Math.max((w.xmax() - w.xmin()) / pixelsX, (w.ymax() - w.ymin()) / pixelsY);
        double cx = (w.xmin() + w.xmax()) / 2;
        double cy = (w.ymin() + w.ymax()) / 2;
        return new Surface.Window(cx - unit * pixelsX / 2, cx + unit * pixelsX / 2, cy - unit * pixelsY / 2,
                cy + unit * pixelsY / 2);
    }

    /** Equal to half a percent of their size. */
    private static boolean close(Surface.Window a, Surface.Window b) {
        double tx = 0.005 * (b.xmax() - b.xmin());
        double ty = 0.005 * (b.ymax() - b.ymin());
        return Math.abs(a.xmin() - b.xmin()) < tx && Math.abs(a.xmax() - b.xmax()) < tx
                && Math.abs(a.ymin() - b.ymin()) < ty && Math.abs(a.ymax() - b.ymax()) < ty;
    }

    static BufferedImage render(XYChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.paint(g, width, height);
        g.dispose();
        return image;
    }

    /** f sampled on a grid: z[i][j] = f(xs[i], ys[j]). */
    private record Samples(double[] xs, double[] ys, double[][] z) {
    }

    private Samples sample() {
        double[] xs = new double[GRID];
        double[] ys = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            xs[i] = shown.xmin() + (shown.xmax() - shown.xmin()) * i / (GRID - 1);
            ys[i] = shown.ymin() + (shown.ymax() - shown.ymin()) * i / (GRID - 1);
        }
        double[][] z = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                z[i][j] = surface.value(xs[i], ys[j]);
            }
        }
        return new Samples(xs, ys, z);
    }

    /**
     * Linear: evenly from f_min to f_max. Log: f_min + d with d a geometric series from the 1st to
     * the 95th percentile of f − f_min over the grid, so the basin and the walls both get lines.
     */
    private double[] levels(Samples grid) {
        double[] values = Arrays.stream(grid.z()).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        if (values.length == 0 || !(values[values.length - 1] > values[0])) {
            return new double[0];
        }
        double min = values[0];
        double max = values[values.length - 1];
        boolean log = logLevels != null ? logLevels : min >= 0;
        double[] levels = new double[levelCount];
        double lo = values[(int) (0.01 * (values.length - 1))] - min;
        double hi = values[(int) (0.95 * (values.length - 1))] - min;
        if (log && !(lo > 0)) {
            lo = hi * 1e-4;
        }
        for (int k = 0; k < levelCount; k++) {
            double t = levelCount == 1 ? 0.5 : (double) k / (levelCount - 1);
            levels[k] = log ? min + lo * Math.pow(hi / lo, t) : min + (max - min) * (k + 1.0) / (levelCount + 1);
        }
        return levels;
    }

    /** Samples f on the grid and traces every level's iso-lines. */
    private void contour() {
        Samples grid = sample();
        levels = levels(grid);
        isoLines = new ArrayList<>();
        for (double level : levels) {
            isoLines.add(joinWithGaps(MarchingSquares.isoLines(grid.xs(), grid.ys(), grid.z(), level)));
        }
    }

    private void redraw() {
        for (String name : new ArrayList<>(getSeriesMap().keySet())) {
            removeSeries(name);
        }
        if (levels == null) {
            contour();
        }
        for (int k = 0; k < levels.length; k++) {
            double[][] joined = isoLines.get(k);
            if (joined[0].length == 0) {
                continue;
            }
            XYSeries s = addSeries("level " + Style.number(levels[k]), joined[0], joined[1]);
            float shade = 0.35f + 0.5f * k / Math.max(1, levels.length - 1);
            s.setLineColor(new Color(shade, shade, shade));
            s.setLineStyle(Style.line(1f));
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }
        minima();
        pathColours.clear();
        for (Trajectory t : paths) {
            Color c = Style.colourFor(t.label(), pathColours);
            pathColours.add(c);
            String label = unique(t.label() + fate(t));
            double[][] inside = Clip.toWindow(t.xs(), t.ys(), shown);
            if (inside[0].length == 0) {   // wholly outside: keep the legend entry, draw nothing
                inside = new double[][] {{Double.NaN}, {Double.NaN}};
            }
            XYSeries line = addSeries(label, inside[0], inside[1]);
            line.setLineColor(c);
            line.setLineStyle(Style.line(2.5f));
            line.setMarker(SeriesMarkers.NONE);
            marker(label + " start", t.xs()[0], t.ys()[0], SeriesMarkers.CIRCLE, c);
            if (endMarkers) {
                marker(label + " end", t.end()[0], t.end()[1], SeriesMarkers.SQUARE, c);
            }
        }
        getStyler().setXAxisMin(shown.xmin());
        getStyler().setXAxisMax(shown.xmax());
        getStyler().setYAxisMin(shown.ymin());
        getStyler().setYAxisMax(shown.ymax());
    }

    /**
     * The surface's minima as black crosses; when there are several, each is numbered by depth
     * beside its cross, 1 the deepest.
     */
    private void minima() {
        annotations.clear();
        List<double[]> minima = surface.minima();
        if (minima.isEmpty()) {
            return;
        }
        XYSeries m = addSeries(minima.size() == 1 ? "minimum" : "minima, 1 = deepest",
                minima.stream().mapToDouble(p -> p[0]).toArray(), minima.stream().mapToDouble(p -> p[1]).toArray());
        m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        m.setMarker(SeriesMarkers.CROSS);
        m.setMarkerColor(Color.BLACK);
        if (minima.size() > 1) {
            List<double[]> byDepth = new ArrayList<>(minima);
            byDepth.sort(Comparator.comparingDouble(p -> surface.value(p[0], p[1])));
            double offset = 0.03 * (shown.ymax() - shown.ymin());
            for (int k = 0; k < byDepth.size(); k++) {
                double[] p = byDepth.get(k);
                addAnnotation(new AnnotationText(Integer.toString(k + 1), p[0], p[1] + offset, false));
            }
        }
    }

    /**
     * What became of a walk, for its legend entry: "diverged at step n" when it stopped being
     * finite, "diverges: leaves the chart at step n" when it leaves the window for good with its loss
     * above where it started, "leaves the chart at step n" when it leaves for good going downhill.
     */
    private String fate(Trajectory t) {
        return fate(t, shown);
    }

    /** {@link #fate(Trajectory)} of a walk drawn in {@code shown}; the explorers' legends use it too. */
    static String fate(Trajectory t, Surface.Window shown) {
        if (t.diverged()) {
            return " (diverged at step " + t.size() + ")";
        }
        int back = t.size();   // the first point after which the walk stays outside
        while (back > 0 && outside(shown, t.xs()[back - 1], t.ys()[back - 1])) {
            back--;
        }
        if (back == t.size()) {
            return "";
        }
        if (back == 0) {
            return " (outside the chart)";
        }
        return t.finalLoss() > t.losses()[0] ? " (diverges: leaves the chart at step " + back + ")"
                : " (leaves the chart at step " + back + ")";
    }

    private boolean outside(double x, double y) {
        return outside(shown, x, y);
    }

    private static boolean outside(Surface.Window shown, double x, double y) {
        return x < shown.xmin() || x > shown.xmax() || y < shown.ymin() || y > shown.ymax();
    }

    /** A point marker without legend entry, drawn only inside the window. */
    private void marker(String name, double x, double y, Marker shape, Color c) {
        if (outside(x, y)) {
            return;
        }
        XYSeries s = addSeries(name, new double[] {x}, new double[] {y});
        s.setMarker(shape);
        s.setMarkerColor(c);
        s.setShowInLegend(false);
    }

    private String unique(String label) {
        String name = label;
        for (int k = 2; getSeriesMap().containsKey(name); k++) {
            name = label + " #" + k;
        }
        return name;
    }

    /** The polylines as one series, separated by NaN (XChart breaks the line there). */
    private static double[][] joinWithGaps(List<double[][]> lines) {
        int n = Math.max(0, lines.stream().mapToInt(l -> l[0].length + 1).sum() - 1);
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (double[][] l : lines) {
            if (k > 0) {
                x[k] = Double.NaN;
                y[k] = Double.NaN;
                k++;
            }
            System.arraycopy(l[0], 0, x, k, l[0].length);
            System.arraycopy(l[1], 0, y, k, l[1].length);
            k += l[0].length;
        }
        return new double[][] {x, y};
    }
}
