package descent.plot;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import descent.display.Gif;
import descent.surface.Surface;
import descent.surface.Trajectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Contour lines of a {@link Surface} with optimizer paths drawn over them: the chart of the
 * optimization lessons, {@code Charts.contour(ravine).paths(plain, heavy)}.
 *
 * <p>It is an {@link XYChart}, so a notebook shows it at any point of the chain. The iso-lines come
 * from {@link MarchingSquares} on a 161 × 161 grid over the window, at levels spaced evenly in
 * log(f − f_min) between the 1st and 95th percentile of the grid's values when f ≥ 0 over the
 * window (a loss; Rosenbrock's valley needs it), and evenly in f otherwise; {@link #linear()} and {@link #log()} choose. Levels are drawn in a grey ramp, darker
 * near the bottom, without legend entries; each path gets a colour, a legend entry, a round marker
 * at its start and a square one at its end; the surface's known minima are black crosses.
 */
public final class ContourChart extends XYChart {

    private static final int GRID = 161;

    private final Surface surface;
    private final List<Trajectory> paths = new ArrayList<>();
    private Surface.Window window;
    private int levelCount = 14;
    private Boolean logLevels;   // null: choose from the data
    private boolean endMarkers = true;
    private double[] levels;             // cached with their iso-lines until a setting changes
    private List<double[][]> isoLines;

    ContourChart(Surface surface) {
        super(Style.WIDTH, Style.HEIGHT);
        this.surface = surface;
        this.window = surface.window();
        Style.apply(this);
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
        levels = null;
        redraw();
        return this;
    }

    /** The chart's title (default: the surface's name). */
    public ContourChart title(String title) {
        setTitle(title);
        return this;
    }

    /** The levels drawn, increasing. */
    public double[] levelValues() {
        return levels.clone();
    }

    /**
     * An animated race of the walks over this chart's contours: {@code frames} pictures (30 by
     * default) of 480 × 360 pixels in which every path grows step by step, 120 ms apart; the
     * last frame, the finished chart, is held 2 s.
     */
    public Gif race(Trajectory... trajectories) {
        return race(30, 480, 360, trajectories);
    }

    /** A race with the given number of frames (2..200) and size in pixels. */
    public Gif race(int frames, int width, int height, Trajectory... trajectories) {
        if (frames < 2 || frames > 200) {
            throw new IllegalArgumentException("frames must be between 2 and 200, got " + frames);
        }
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("width and height must be >= 100 pixels, got " + width + " × " + height);
        }
        if (trajectories.length == 0) {
            throw new IllegalArgumentException("trajectories must hold at least one walk, got none");
        }
        ContourChart film = new ContourChart(surface);
        film.window = window;
        film.levelCount = levelCount;
        film.logLevels = logLevels;
        film.levels = levels;
        film.isoLines = isoLines;
        film.setTitle(getTitle());
        film.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        film.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 210));
        film.getStyler().setChartTitleFont(Style.TITLE.deriveFont(15f));
        int longest = Arrays.stream(trajectories).mapToInt(Trajectory::size).max().orElse(1);
        // The contours, legend and start markers are drawn once; each frame adds the paths so far.
        for (Trajectory t : trajectories) {
            film.paths.add(t.first(1));
        }
        film.endMarkers = false;
        film.redraw();
        BufferedImage background = render(film, width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnimatedGifEncoder gif = new AnimatedGifEncoder();
        gif.start(out);
        gif.setRepeat(0);
        gif.setQuality(20);
        gif.setDelay(120);
        for (int f = 1; f < frames; f++) {
            int shown = (int) Math.ceil((double) f / frames * (longest - 1)) + 1;
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.drawImage(background, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(Style.line(2.5f));
            for (int p = 0; p < trajectories.length; p++) {
                Trajectory t = trajectories[p].first(Math.min(shown, trajectories[p].size()));
                g.setColor(Style.colour(p));
                g.draw(film.screenPath(Clip.toWindow(t.xs(), t.ys(), window)));
            }
            g.dispose();
            gif.addFrame(frame);
        }
        film.paths.clear();
        film.paths.addAll(Arrays.asList(trajectories));
        film.endMarkers = true;
        film.redraw();
        gif.setDelay(2000);
        gif.addFrame(render(film, width, height));
        gif.finish();
        return new Gif(out.toByteArray());
    }

    /** A polyline in data coordinates, NaN-separated, as a path in the pixels of the last drawing. */
    private Path2D screenPath(double[][] xy) {
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

    static BufferedImage render(XYChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.paint(g, width, height);
        g.dispose();
        return image;
    }

    /** f sampled on a grid: z[i][j] = f(xs[i], ys[j]). */
    private record Grid(double[] xs, double[] ys, double[][] z) {
    }

    private Grid sample() {
        double[] xs = new double[GRID];
        double[] ys = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            xs[i] = window.xmin() + (window.xmax() - window.xmin()) * i / (GRID - 1);
            ys[i] = window.ymin() + (window.ymax() - window.ymin()) * i / (GRID - 1);
        }
        double[][] z = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                z[i][j] = surface.value(xs[i], ys[j]);
            }
        }
        return new Grid(xs, ys, z);
    }

    /**
     * Linear: evenly from f_min to f_max. Log: f_min + d with d a geometric series from the 1st to
     * the 95th percentile of f − f_min over the grid, so the basin and the walls both get lines.
     */
    private double[] levels(Grid grid) {
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
        Grid grid = sample();
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
        List<double[]> minima = surface.minima();
        if (!minima.isEmpty()) {
            XYSeries m = addSeries(minima.size() == 1 ? "minimum" : "minima",
                    minima.stream().mapToDouble(p -> p[0]).toArray(), minima.stream().mapToDouble(p -> p[1]).toArray());
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            m.setMarker(SeriesMarkers.CROSS);
            m.setMarkerColor(Color.BLACK);
        }
        for (int p = 0; p < paths.size(); p++) {
            Trajectory t = paths.get(p);
            Color c = Style.colour(p);
            String label = unique(t.label() + (t.diverged() ? " (diverged)" : ""));
            double[][] inside = Clip.toWindow(t.xs(), t.ys(), window);
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
        getStyler().setXAxisMin(window.xmin());
        getStyler().setXAxisMax(window.xmax());
        getStyler().setYAxisMin(window.ymin());
        getStyler().setYAxisMax(window.ymax());
    }

    /** A point marker without legend entry, drawn only inside the window. */
    private void marker(String name, double x, double y, Marker shape, Color c) {
        if (x < window.xmin() || x > window.xmax() || y < window.ymin() || y > window.ymax()) {
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
