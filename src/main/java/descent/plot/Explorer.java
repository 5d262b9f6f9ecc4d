package descent.plot;

import descent.display.Claim;
import descent.display.Interactive;
import descent.surface.Surface;
import descent.surface.Trajectory;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A chart with sliders: move η, γ or β₁ and watch the walk change. The numbers are the library's:
 * when the explorer is shown, Java computes the paths or curves for every combination of the
 * sliders' values, and the output is one self-contained piece of HTML (inline SVG and a small
 * inline script, nothing from the network) that redraws as a slider moves. Beside it, in the same
 * output, a PNG of the starting setting, for every viewer that runs no scripts.
 *
 * <pre>{@code
 * Explorer.on(ravine)                                          // contours of a 2-D surface
 *         .slider("η", 0.004, 0.001, 0.002, 0.004, 0.008, 0.016)   // name, start, values
 *         .slider("γ", 0.9, 0, 0.5, 0.8, 0.9, 0.95)
 *         .paths(s -> List.of(Trajectory.of(new Momentum(s.get("η"), s.get("γ")), ravine, start, 100)))
 *         .losses()                                            // and a panel of f per step
 * }</pre>
 *
 * <p>{@link #lines} makes an explorer of curves instead (a schedule, the first steps of Adam, the
 * spread of activations per layer). {@link #plane} adds a panel of the plane of two sliders, with
 * curves such as a stability boundary and a dot where the reader is. Contour charts draw x and y to
 * the same scale, so a bowl that is round looks round. A path that diverged says at which step in
 * its legend entry. The output is refused above {@link #MAX_BYTES}: use fewer values or steps.
 */
public final class Explorer implements Interactive {

    /** The largest output accepted, HTML and PNG together. */
    public static final int MAX_BYTES = 300_000;

    /** Points kept per drawn line: longer lines are thinned evenly (their ends always kept). */
    static final int MAX_POINTS = 200;

    static final int PLOT_WIDTH = 380;
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final String SCRIPT = resource("explorer.js");

    /** A curve of a line explorer or of a plane panel, named for its legend entry. */
    public record Curve(String name, double[] x, double[] y) {
        public Curve {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            if (x.length != y.length) {
                throw new IllegalArgumentException("curve \"" + name + "\": x and y must have the same length, got "
                        + x.length + " and " + y.length);
            }
        }

        /** A curve over x = 0, 1, 2, …: a value per step. */
        public static Curve of(String name, double[] y) {
            double[] x = new double[y.length];
            Arrays.setAll(x, i -> i);
            return new Curve(name, x, y);
        }

        /** A curve through the points (x[i], y[i]). */
        public static Curve of(String name, double[] x, double[] y) {
            return new Curve(name, x, y);
        }
    }

    /** One combination of the sliders' values: {@code s.get("η")}. */
    public static final class Setting {
        private final Map<String, Double> values;

        Setting(Map<String, Double> values) {
            this.values = values;
        }

        /** The value of the slider {@code name} in this setting. */
        public double get(String name) {
            Double v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no slider named \"" + name + "\"; the sliders are "
                        + values.keySet());
            }
            return v;
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    private record Slider(String name, double[] values, int start) {
    }

    private record Plane(String x, String y, List<Curve> curves) {
    }

    private final String title;
    private final Surface surface;
    private final String xLabel;
    private final String yLabel;
    private final List<Slider> sliders = new ArrayList<>();
    private Function<Setting, List<Trajectory>> paths;
    private Function<Setting, List<Curve>> curves;
    private Function<Setting, String> note;
    private boolean logY;
    private boolean losses;
    private double[] yRange;
    private Plane plane;
    private String html;
    private byte[] png;

    private Explorer(String title, Surface surface, String xLabel, String yLabel) {
        this.title = title;
        this.surface = surface;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** An explorer of walks over the contour lines of {@code surface}. */
    public static Explorer on(Surface surface) {
        Objects.requireNonNull(surface, "surface");
        return new Explorer(surface.name(), surface, "x", "y");
    }

    /** An explorer of curves, titled and with its axes named. */
    public static Explorer lines(String title, String xLabel, String yLabel) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        return new Explorer(title, null, xLabel, yLabel);
    }

    /** A slider over {@code values} (at least two, increasing), starting at {@code start}, one of them. */
    public Explorer slider(String name, double start, double... values) {
        Objects.requireNonNull(name, "name");
        if (sliders.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("slider \"" + name + "\" is already there");
        }
        if (sliders.size() == 3) {
            throw new IllegalArgumentException("an explorer has at most 3 sliders; \"" + name + "\" would be the 4th");
        }
        if (values.length < 2) {
            throw new IllegalArgumentException("slider \"" + name + "\" needs at least 2 values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || (i > 0 && !(values[i] > values[i - 1]))) {
                throw new IllegalArgumentException("slider \"" + name + "\": values must be finite and increasing, got "
                        + Arrays.toString(values));
            }
        }
        int at = Arrays.binarySearch(values, start);
        if (at < 0) {
            throw new IllegalArgumentException("slider \"" + name + "\": start must be one of the values "
                    + Arrays.toString(values) + ", got " + start);
        }
        sliders.add(new Slider(name, values.clone(), at));
        changed();
        return this;
    }

    /** The walks drawn for each setting (for {@link #on} explorers). */
    public Explorer paths(Function<Setting, List<Trajectory>> walks) {
        if (surface == null) {
            throw new IllegalStateException("paths are for an explorer on a surface; use curves for Explorer.lines");
        }
        paths = Objects.requireNonNull(walks, "walks");
        changed();
        return this;
    }

    /** The curves drawn for each setting (for {@link #lines} explorers). */
    public Explorer curves(Function<Setting, List<Curve>> lines) {
        if (surface != null) {
            throw new IllegalStateException("curves are for Explorer.lines; an explorer on a surface draws paths");
        }
        curves = Objects.requireNonNull(lines, "lines");
        changed();
        return this;
    }

    /** A line of text under the chart for each setting, e.g. whether ηλ is inside the stable range. */
    public Explorer note(Function<Setting, String> text) {
        note = Objects.requireNonNull(text, "text");
        changed();
        return this;
    }

    /** A logarithmic y axis (for a line explorer). Values ≤ 0 are not drawn. */
    public Explorer logY() {
        logY = true;
        changed();
        return this;
    }

    /** Fixes the y axis of a line explorer to low..high instead of the range of every setting. */
    public Explorer yRange(double low, double high) {
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("yRange needs finite low < high, got " + low + " and " + high);
        }
        yRange = new double[] {low, high};
        changed();
        return this;
    }

    /** Adds a panel of f per step for each walk, on a log axis (for {@link #on} explorers). */
    public Explorer losses() {
        if (surface == null) {
            throw new IllegalStateException("losses are drawn for the walks of an explorer on a surface");
        }
        losses = true;
        changed();
        return this;
    }

    /**
     * Adds a panel of the plane of the sliders {@code x} and {@code y} with a dot at the current
     * setting and the given curves drawn in it (a stability boundary, say).
     */
    public Explorer plane(String x, String y, Curve... curvesInPlane) {
        requireSlider(x, "plane x");
        requireSlider(y, "plane y");
        plane = new Plane(x, y, List.of(curvesInPlane));
        changed();
        return this;
    }

    /** The values of every setting, in the order the output stores them (the last slider fastest). */
    public List<Setting> settings() {
        int count = 1;
        for (Slider s : sliders) {
            count *= s.values().length;
        }
        List<Setting> all = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            all.add(setting(index));
        }
        return all;
    }

    /** The setting the sliders start at, the one the PNG shows. */
    public Setting start() {
        int index = 0;
        for (Slider s : sliders) {
            index = index * s.values().length + s.start();
        }
        return setting(index);
    }

    @Override
    public String html() {
        render();
        return html;
    }

    @Override
    public byte[] png() {
        render();
        return png.clone();
    }

    @Override
    public String text() {
        return "Explorer \"" + title + "\" with sliders " + sliders.stream().map(Slider::name).toList()
                + " (" + settings().size() + " settings)";
    }

    @Override
    public String toString() {
        return text();
    }

    // ---- computing -------------------------------------------------------------------------------

    private Setting setting(int index) {
        Map<String, Double> values = new LinkedHashMap<>();
        int rest = index;
        for (int k = sliders.size() - 1; k >= 0; k--) {
            Slider s = sliders.get(k);
            values.put(s.name(), s.values()[rest % s.values().length]);
            rest /= s.values().length;
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        sliders.forEach(s -> ordered.put(s.name(), values.get(s.name())));
        return new Setting(ordered);
    }

    private void changed() {
        html = null;
        png = null;
    }

    private void requireSlider(String name, String role) {
        if (sliders.stream().noneMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException(role + ": no slider named \"" + name + "\"; add it with slider(...) first");
        }
    }

    private void render() {
        if (html != null) {
            return;
        }
        if (sliders.isEmpty()) {
            throw new IllegalStateException("an explorer needs at least one slider");
        }
        if (paths == null && curves == null) {
            throw new IllegalStateException(surface != null ? "say what to draw with paths(s -> ...)"
                    : "say what to draw with curves(s -> ...)");
        }
        List<Setting> settings = settings();
        List<List<Curve>> main = new ArrayList<>();
        List<List<Curve>> lossCurves = new ArrayList<>();
        List<Trajectory> startWalks = null;
        List<Curve> startCurves = null;
        Setting first = start();
        for (Setting s : settings) {
            if (surface != null) {
                List<Trajectory> walks = requireList(paths.apply(s), s);
                main.add(walks.stream().map(this::walk).toList());
                lossCurves.add(walks.stream().map(t -> new Curve(legend(t), t.stepNumbers(), t.losses())).toList());
                if (s.toString().equals(first.toString())) {
                    startWalks = walks;
                }
            } else {
                List<Curve> lines = requireList(curves.apply(s), s);
                main.add(lines);
                if (s.toString().equals(first.toString())) {
                    startCurves = lines;
                }
            }
        }

        ContourChart contour = null;
        if (surface != null) {
            double[] w = equalScaleWindow(surface.window(), PLOT_WIDTH);
            contour = Charts.contour(surface).window(w[0], w[1], w[2], w[3]);
        }
        String data = json(settings, main, lossCurves, contour);
        // Named by its content and its number in this session, so that outputs stored from other
        // sessions on the same page never share a name.
        String id = "descent-explorer-" + Integer.toHexString(data.hashCode()) + "-" + IDS.incrementAndGet();
        png = surface != null ? stillOfWalks(contour, startWalks) : stillOfCurves(startCurves);
        html = page(id, data, Base64.getEncoder().encodeToString(png));
        int bytes = html.getBytes(StandardCharsets.UTF_8).length + png.length;
        if (bytes > MAX_BYTES) {
            int kb = bytes / 1000;
            html = null;
            png = null;
            throw new IllegalStateException("explorer \"" + title + "\" would be " + kb + " KB, above "
                    + MAX_BYTES / 1000 + " KB: use fewer slider values or shorter runs ("
                    + settings.size() + " settings now)");
        }
    }

    private static <T> List<T> requireList(List<T> list, Setting s) {
        if (list == null || list.isEmpty() || list.stream().anyMatch(Objects::isNull)) {
            throw new IllegalStateException("the explorer's function gave no lines (or a null) for " + s);
        }
        return list;
    }

    /**
     * The walk's name and what became of it in the contour panel's window, by the contour chart's
     * rule ("diverged at step n", "diverges: leaves the chart at step n", …).
     */
    private String legend(Trajectory t) {
        double[] w = equalScaleWindow(surface.window(), PLOT_WIDTH);
        return t.label() + ContourChart.fate(t, new Surface.Window(w[0], w[1], w[2], w[3]));
    }

    private Curve walk(Trajectory t) {
        return new Curve(legend(t), t.xs(), t.ys());
    }

    /** The window of a contour panel widened so that x and y are drawn to the same scale. */
    static double[] equalScaleWindow(Surface.Window w, int plotWidth) {
        double dx = w.xmax() - w.xmin();
        double dy = w.ymax() - w.ymin();
        double ratio = dy / dx;
        double clamped = Math.max(0.45, Math.min(1.0, ratio));
        double xmin = w.xmin();
        double xmax = w.xmax();
        double ymin = w.ymin();
        double ymax = w.ymax();
        if (ratio < clamped) {               // too flat: show more of y
            double grow = (clamped * dx - dy) / 2;
            ymin -= grow;
            ymax += grow;
        } else if (ratio > clamped) {        // too tall: show more of x
            double grow = (dy / clamped - dx) / 2;
            xmin -= grow;
            xmax += grow;
        }
        return new double[] {xmin, xmax, ymin, ymax, Math.round(plotWidth * clamped)};
    }

    // ---- the still picture ----------------------------------------------------------------------

    private byte[] stillOfWalks(ContourChart chart, List<Trajectory> walks) {
        chart.setTitle(title + " — " + start());
        chart.paths(walks);                  // the chart names each walk's fate itself
        return Charts.png(chart);
    }

    private byte[] stillOfCurves(List<Curve> lines) {
        LineChart chart = Charts.lines(title + " — " + start(), xLabel, yLabel);
        for (Curve c : lines) {
            chart.series(c.name(), c.x(), finiteOrNaN(c.y(), logY));
        }
        if (logY) {
            chart.logY();
        }
        return Charts.png(chart);
    }

    private static double[] finiteOrNaN(double[] y, boolean positive) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i]) || (positive && out[i] <= 0)) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    // ---- the data the script draws ---------------------------------------------------------------

    private String json(List<Setting> settings, List<List<Curve>> main, List<List<Curve>> lossCurves,
            ContourChart contour) {
        StringBuilder j = new StringBuilder("{\"title\":").append(quote(title)).append(",\"sliders\":[");
        for (int k = 0; k < sliders.size(); k++) {
            Slider s = sliders.get(k);
            j.append(k > 0 ? "," : "").append("{\"name\":").append(quote(s.name())).append(",\"start\":")
                    .append(s.start()).append(",\"values\":").append(numbers(s.values())).append(",\"labels\":[");
            for (int i = 0; i < s.values().length; i++) {
                j.append(i > 0 ? "," : "").append(quote(Claim.readable(s.values()[i])));
            }
            j.append("]}");
        }
        j.append("],\"panels\":[");
        List<List<List<Curve>>> panelFrames = new ArrayList<>();
        if (surface != null) {
            double[] w = equalScaleWindow(surface.window(), PLOT_WIDTH);
            j.append(panel("surface", surface.name(), xLabel, yLabel, new double[] {w[0], w[1]},
                    new double[] {w[2], w[3]}, false, (int) w[4], contours(contour, w)));
            panelFrames.add(main);
            if (losses) {
                double[] ys = range(lossCurves, true, null);
                double top = lossCurves.stream().flatMap(List::stream).mapToDouble(c -> c.y()[0]).max().orElse(ys[1]);
                ys[1] = Math.min(ys[1], 10 * top);   // a diverging walk leaves through the top
                double[] xs = range(lossCurves, false, null, true);
                j.append(",").append(panel("lines", "f per step", "step", "f (log)", xs, ys, true, 260, List.of()));
                panelFrames.add(lossCurves);
            }
        } else {
            double[] xs = range(main, false, null, true);
            double[] ys = range(main, logY, yRange);
            j.append(panel("lines", title, xLabel, yLabel, xs, ys, logY, 300, List.of()));
            panelFrames.add(main);
        }
        if (plane != null) {
            double[] xs = padded(sliderValues(plane.x()));
            double[] ys = padded(sliderValues(plane.y()));
            List<Curve> stills = plane.curves();
            j.append(",").append(panel("plane", "where the sliders are", plane.x(), plane.y(), xs, ys,
                    false, 220, 220, stills).replaceFirst("\\}$", ",\"px\":" + index(plane.x()) + ",\"py\":"
                    + index(plane.y()) + "}"));
        }
        j.append("],\"frames\":[");
        for (int f = 0; f < settings.size(); f++) {
            j.append(f > 0 ? "," : "").append("[");
            for (int p = 0; p < panelFrames.size(); p++) {
                j.append(p > 0 ? "," : "").append(series(panelFrames.get(p).get(f), p == 0 && surface != null));
            }
            j.append("]");
        }
        j.append("],\"notes\":[");
        for (int f = 0; f < settings.size(); f++) {
            j.append(f > 0 ? "," : "").append(quote(note == null ? "" : note.apply(settings.get(f))));
        }
        return j.append("]}").toString();
    }

    private int index(String slider) {
        for (int k = 0; k < sliders.size(); k++) {
            if (sliders.get(k).name().equals(slider)) {
                return k;
            }
        }
        throw new IllegalStateException("no slider " + slider);
    }

    private double[] sliderValues(String name) {
        return sliders.get(index(name)).values();
    }

    private static double[] padded(double[] values) {
        double lo = values[0];
        double hi = values[values.length - 1];
        double pad = (hi - lo) * 0.06;
        return new double[] {lo - pad, hi + pad};
    }

    private String panel(String kind, String name, String x, String y, double[] xs, double[] ys, boolean log,
            int height, List<Curve> stills) {
        return panel(kind, name, x, y, xs, ys, log, PLOT_WIDTH, height, stills);
    }

    private String panel(String kind, String name, String x, String y, double[] xs, double[] ys, boolean log,
            int width, int height, List<Curve> stills) {
        StringBuilder p = new StringBuilder("{\"kind\":\"").append(kind).append("\",\"title\":").append(quote(name))
                .append(",\"xLabel\":").append(quote(x)).append(",\"yLabel\":").append(quote(y))
                .append(",\"x\":").append(numbers(xs)).append(",\"y\":").append(numbers(ys))
                .append(",\"logY\":").append(log).append(",\"width\":").append(width)
                .append(",\"height\":").append(height).append(",\"stills\":[");
        for (int i = 0; i < stills.size(); i++) {
            Curve c = stills.get(i);
            p.append(i > 0 ? "," : "").append("{\"name\":").append(quote(c.name())).append(",\"p\":")
                    .append(points(c.x(), c.y(), null)).append("}");
        }
        return p.append("]}").toString();
    }

    /** Contour lines of the surface over the window, in the levels the contour chart draws. */
    private List<Curve> contours(ContourChart chart, double[] w) {
        int n = 81;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            xs[i] = w[0] + (w[1] - w[0]) * i / (n - 1);
            ys[i] = w[2] + (w[3] - w[2]) * i / (n - 1);
        }
        for (int iy = 0; iy < n; iy++) {
            for (int ix = 0; ix < n; ix++) {
                z[iy][ix] = surface.value(xs[ix], ys[iy]);
            }
        }
        List<Curve> lines = new ArrayList<>();
        for (double level : chart.levelValues()) {
            for (double[][] line : MarchingSquares.isoLines(xs, ys, z, level)) {
                lines.add(new Curve("", line[0], line[1]));
            }
        }
        return lines;
    }

    private String series(List<Curve> lines, boolean clampToWindow) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < lines.size(); i++) {
            Curve c = lines.get(i);
            s.append(i > 0 ? "," : "").append("{\"name\":").append(quote(c.name())).append(",\"colour\":\"")
                    .append(hex(Style.colour(i))).append("\",\"p\":")
                    .append(points(c.x(), c.y(), clampToWindow ? equalScaleWindow(surface.window(), PLOT_WIDTH) : null))
                    .append("}");
        }
        return s.append("]").toString();
    }

    /**
     * x0,y0,x1,y1,… to four significant digits, thinned to {@link #MAX_POINTS}; a point that is not
     * finite ends the line there. Inside a window, coordinates far outside it are pulled in to ten
     * window-widths, where the clip hides them, so that an overflowing walk still draws its way out.
     */
    static String points(double[] x, double[] y, double[] window) {
        int n = x.length;
        int stride = Math.max(1, (int) Math.ceil((n - 1) / (double) (MAX_POINTS - 1)));
        StringBuilder p = new StringBuilder("[");
        boolean firstPoint = true;
        for (int i = 0; i < n; i = (i + stride >= n && i != n - 1) ? n - 1 : i + stride) {
            double px = x[i];
            double py = y[i];
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                break;
            }
            if (window != null) {
                double wx = window[1] - window[0];
                double wy = window[3] - window[2];
                px = Math.max(window[0] - 10 * wx, Math.min(window[1] + 10 * wx, px));
                py = Math.max(window[2] - 10 * wy, Math.min(window[3] + 10 * wy, py));
            }
            p.append(firstPoint ? "" : ",").append(number(px)).append(",").append(number(py));
            firstPoint = false;
        }
        return p.append("]").toString();
    }

    private static double[] range(List<List<Curve>> frames, boolean log, double[] fixed) {
        return range(frames, log, fixed, false);
    }

    /** The range of every finite value (positive for a log axis) over all settings. */
    private static double[] range(List<List<Curve>> frames, boolean log, double[] fixed, boolean ofX) {
        if (fixed != null) {
            return fixed;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Curve> frame : frames) {
            for (Curve c : frame) {
                for (double v : ofX ? c.x() : c.y()) {
                    if (Double.isFinite(v) && (!log || v > 0)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (!(lo <= hi)) {
            return log ? new double[] {1e-3, 1} : new double[] {0, 1};
        }
        if (lo == hi) {
            return log ? new double[] {lo / 10, hi * 10} : new double[] {lo - 1, hi + 1};
        }
        return new double[] {lo, hi};
    }

    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String numbers(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i > 0 ? "," : "").append(number(values[i]));
        }
        return s.append("]").toString();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '<' -> q.append("\\u003c");   // never closes the script element it sits in
                case '&' -> q.append("\\u0026");
                default -> {
                    if (ch < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        q.append(ch);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    // ---- the page fragment ----------------------------------------------------------------------

    private String page(String id, String data, String pngBase64) {
        String alt = escape(text());
        return "<div class=\"descent-explorer\" id=\"" + id + "\" style=\"font-family:sans-serif;color:#222\">"
                + "<img class=\"descent-explorer-still\" alt=\"" + alt + "\" style=\"max-width:100%\""
                + " src=\"data:image/png;base64," + pngBase64 + "\">"
                + "<script type=\"application/json\" class=\"descent-explorer-data\">" + data + "</script>"
                + "<script>" + SCRIPT.replace("__ID__", id) + "</script></div>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = Explorer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("descent/plot/" + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
