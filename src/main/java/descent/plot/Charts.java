package descent.plot;

import descent.schedule.LearningRates;
import descent.schedule.Schedule;
import descent.surface.Surface;
import descent.surface.Trajectory;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * One-line charts for the lessons. Every chart has a title, axis labels and a legend (or a title
 * per panel), a white background and the same palette, and is 800 × 500 pixels unless said
 * otherwise. Charts are XChart charts; grids of panels and matrices are images.
 */
public final class Charts {

    private Charts() {
    }

    /** Contour lines of {@code surface} in its default window; add walks with {@code .paths(...)}. */
    public static ContourChart contour(Surface surface) {
        if (surface == null) {
            throw new IllegalArgumentException("surface must not be null");
        }
        return new ContourChart(surface);
    }

    /** An empty line chart; add lines with {@code .series(name, xs, ys)}. */
    public static LineChart lines(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel);
    }

    /**
     * The loss of each walk per step, on a log axis when every loss is > 0. A diverging walk is drawn
     * until its loss leaves the chart, 100 × the highest starting loss (or 100 above it on a linear
     * axis), and its legend entry says so: "(diverges: off the chart at step 12)", or "(diverged at
     * step 18)" when its loss stopped being a finite number before that.
     */
    public static LineChart loss(Trajectory... trajectories) {
        if (trajectories.length == 0) {
            throw new IllegalArgumentException("trajectories must hold at least one walk, got none");
        }
        boolean positive = Arrays.stream(trajectories).flatMapToDouble(t -> Arrays.stream(t.losses())).allMatch(f -> f > 0);
        double highestStart = Arrays.stream(trajectories).mapToDouble(t -> t.losses()[0]).max().getAsDouble();
        double ceiling = positive ? 100 * highestStart : highestStart + 100 * Math.max(1, Math.abs(highestStart));
        LineChart chart = new LineChart("Loss per step on " + trajectories[0].surface().name(), "step",
                positive ? "loss (log scale)" : "loss");
        if (positive) {
            chart.logY();
        }
        for (Trajectory t : trajectories) {
            double[] f = t.losses();
            int n = 0;
            while (n < f.length && f[n] <= ceiling) {
                n++;
            }
            double[] steps = Arrays.copyOf(t.stepNumbers(), Math.min(f.length, n + 1));
            double[] shown = Arrays.copyOf(f, steps.length);
            if (n < f.length) {
                shown[n] = ceiling;   // where the walk leaves the chart
            }
            String fate = n < f.length ? " (diverges: off the chart at step " + n + ")"
                    : t.diverged() ? " (diverged at step " + t.size() + ")" : "";
            chart.series(unique(chart, t.label() + fate), steps, shown);
        }
        return chart;
    }

    /** Training loss (and validation loss when recorded) by step, from training-history tables. */
    public static LineChart history(Table... histories) {
        return history("step", histories);
    }

    /**
     * Training loss (and validation loss, dashed, when the table has val_loss) against the column
     * {@code x} ("step", "epoch" or "seconds"), on a log axis. Rows with the same x (every step of
     * an epoch) are averaged. Each table's name labels its lines when there are several.
     */
    public static LineChart history(String x, Table... histories) {
        List<String> names = Arrays.stream(histories).map(Table::name).toList();
        return history(x, names, Arrays.asList(histories));
    }

    /** Several runs under the given names, e.g. {@code Map.of("SGD", h1, "SGD + momentum", h2)}, in the map's order. */
    public static LineChart history(String x, Map<String, Table> runs) {
        return history(x, new ArrayList<>(runs.keySet()), new ArrayList<>(runs.values()));
    }

    private static LineChart history(String x, List<String> names, List<Table> histories) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("histories must hold at least one table, got none");
        }
        boolean one = histories.size() == 1;
        LineChart chart = new LineChart(one ? "Loss by " + x : "Loss by " + x + " (" + histories.size() + " runs)",
                x, "loss (log scale)");
        chart.logY();
        for (int i = 0; i < histories.size(); i++) {
            Table h = histories.get(i);
            String prefix = one ? "" : names.get(i) + " ";
            double[][] train = byX(h, x, "loss");
            String trainName = unique(chart, prefix + (one ? "training loss" : "training"));
            chart.series(trainName, train[0], train[1]);
            if (h.columnNames().contains("val_loss")) {
                double[][] val = byX(h, x, "val_loss");
                if (val[0].length > 0) {
                    chart.dashed(unique(chart, prefix + "validation" + (one ? " loss" : "")), val[0], val[1], trainName);
                }
            }
        }
        return chart;
    }

    /** Any recorded column against another, e.g. {@code Charts.metric(history, "epoch", "accuracy")}. */
    public static LineChart metric(Table history, String x, String y) {
        double[][] xy = byX(history, x, y);
        LineChart chart = new LineChart(y + " by " + x, x, y);
        return chart.series(history.name() == null || history.name().isBlank() ? y : history.name(), xy[0], xy[1]);
    }

    /**
     * Each schedule's learning rate η_t for t = 0 … steps − 1, one panel each, three to a row, headed
     * by the schedule's {@code toString()} (its name, formula and parameters) wrapped onto as many
     * lines as it needs: {@code Charts.schedules(300, Schedules.gallery(300))}.
     */
    public static BufferedImage schedules(int steps, Schedule... schedules) {
        return schedules(steps, Arrays.asList(schedules));
    }

    /** The schedules of the list, in its order; a lambda, whose toString() says nothing, is titled "schedule k". */
    public static BufferedImage schedules(int steps, List<Schedule> schedules) {
        Map<String, Schedule> named = new LinkedHashMap<>();
        for (int i = 0; i < schedules.size(); i++) {
            if (schedules.get(i) == null) {
                throw new IllegalArgumentException("schedules must not contain null, got null at index " + i);
            }
            String s = schedules.get(i).toString();
            boolean anonymous = s.contains("$$Lambda") || s.matches(".*@[0-9a-f]+$");
            String title = anonymous ? "schedule " + (i + 1) : s;
            named.put(named.containsKey(title) ? title + " (" + (i + 1) + ")" : title, schedules.get(i));
        }
        return schedules(steps, named);
    }

    /** The schedules under the given titles, in the map's order. */
    public static BufferedImage schedules(int steps, Map<String, Schedule> schedules) {
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2, got " + steps);
        }
        if (schedules.isEmpty()) {
            throw new IllegalArgumentException("schedules must hold at least one schedule, got none");
        }
        double[] t = new double[steps];
        Arrays.setAll(t, i -> i);
        List<XYChart> panels = new ArrayList<>();
        for (Map.Entry<String, Schedule> e : schedules.entrySet()) {
            XYChart p = new XYChart(330, 200);
            Style.apply(p);
            p.setTitle(e.getKey());
            p.setXAxisTitle("step t");
            p.setYAxisTitle("η_t");
            p.getStyler().setAxisTitleFont(Style.TICKS);
            p.getStyler().setAxisTickLabelsFont(Style.TICKS.deriveFont(11f));
            p.getStyler().setLegendVisible(false);
            p.getStyler().setChartPadding(8);
            p.getStyler().setYAxisMin(0.0);
            p.getStyler().setyAxisTickLabelsFormattingFunction(Style::number);
            XYSeries s = p.addSeries(e.getKey(), t, LearningRates.of(e.getValue(), steps));
            s.setLineColor(Style.colour(panels.size()));
            s.setLineStyle(Style.line(2f));
            s.setMarker(SeriesMarkers.NONE);
            Style.roundTicks(p);
            panels.add(p);
        }
        return Panels.grid("Learning rate η_t over " + steps + " steps", panels, Math.min(3, panels.size()), 330,
                234, Integer.MAX_VALUE);
    }

    /**
     * A heat map of {@code value} over two hyper-parameters of a sweep table, each distinct parameter
     * value one cell (so a log-spaced grid has a log-scaled axis), each cell labelled with its value;
     * repeated (x, y) rows are averaged. {@link HeatMap} adds a colour range and iso-lines.
     */
    public static BufferedImage heatMap(Table sweep, String x, String y, String value) {
        return HeatMap.of(sweep, x, y, value).draw();
    }

    /** Histograms of activations, one panel per layer on a shared x-range, titled with label and σ. */
    public static BufferedImage histograms(String title, String[] labels, double[][] values) {
        if (labels.length != values.length || labels.length == 0) {
            throw new IllegalArgumentException("labels and values must have the same length > 0, got "
                    + labels.length + " and " + values.length);
        }
        return Histograms.panels(title, "activation", labels, values);
    }

    /** Histograms of activations given as arrays (any shape, float or double), one panel per layer. */
    public static BufferedImage histograms(String title, List<String> labels, List<INDArray> activations) {
        return histograms(title, "activation", labels, activations);
    }

    /** Histograms of any arrays (weights, gradients), the x-axis titled {@code xLabel}. */
    public static BufferedImage histograms(String title, String xLabel, List<String> labels, List<INDArray> arrays) {
        if (labels.size() != arrays.size() || labels.isEmpty()) {
            throw new IllegalArgumentException("labels and arrays must have the same length > 0, got "
                    + labels.size() + " and " + arrays.size());
        }
        double[][] values = new double[arrays.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = arrays.get(i).ravel().toDoubleVector();
        }
        return Histograms.panels(title, xLabel, labels.toArray(String[]::new), values);
    }

    /** A weight matrix as an image: blue negative, white zero, red positive, scaled by max |w|. */
    public static BufferedImage matrix(String title, double[][] w) {
        return MatrixImage.of(title, w);
    }

    /** A 2-D weight array (float or double) as an image; see {@link #matrix(String, double[][])}. */
    public static BufferedImage matrix(String title, INDArray w) {
        if (w.rank() != 2) {
            throw new IllegalArgumentException("w must be a matrix (rank 2), got shape " + Arrays.toString(w.shape()));
        }
        return MatrixImage.of(title, w.toDoubleMatrix());
    }

    /** The chart drawn at its own size. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The chart as PNG bytes, e.g. for a README thumbnail. */
    public static byte[] png(Chart<?, ?> chart) {
        return png(image(chart));
    }

    /** An image as PNG bytes. */
    public static byte[] png(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes a chart as a PNG file. */
    public static Path save(Chart<?, ?> chart, Path file) throws IOException {
        return save(image(chart), file);
    }

    /** Writes an image as a PNG file. */
    public static Path save(RenderedImage image, Path file) throws IOException {
        return Files.write(file, png(image));
    }

    private static NumericColumn<?> numeric(Table table, String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("column \"" + name + "\" not in table " + table.name()
                    + "; columns: " + table.columnNames());
        }
        if (!(table.column(name) instanceof NumericColumn<?> c)) {
            throw new IllegalArgumentException("column \"" + name + "\" must be numeric, got " + table.column(name).type());
        }
        return c;
    }

    /** (x, mean y) over runs of rows with equal x, skipping missing values. */
    static double[][] byX(Table table, String x, String y) {
        NumericColumn<?> cx = numeric(table, x);
        NumericColumn<?> cy = numeric(table, y);
        double[] xs = new double[table.rowCount()];
        double[] ys = new double[table.rowCount()];
        int n = 0;
        double sum = 0;
        int count = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            double vx = cx.getDouble(r);
            double vy = cy.getDouble(r);
            if (cx.isMissing(r) || cy.isMissing(r) || !Double.isFinite(vx) || Double.isNaN(vy)) {
                continue;
            }
            if (count > 0 && vx != xs[n - 1]) {
                ys[n - 1] = sum / count;
                sum = 0;
                count = 0;
            }
            if (count == 0) {
                xs[n++] = vx;
            }
            sum += vy;
            count++;
        }
        if (count > 0) {
            ys[n - 1] = sum / count;
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    /** {@code name}, or "name #2", "name #3"… when the chart already has a series of that name. */
    static String unique(XYChart chart, String name) {
        String s = name;
        for (int k = 2; chart.getSeriesMap().containsKey(s); k++) {
            s = name + " #" + k;
        }
        return s;
    }
}
