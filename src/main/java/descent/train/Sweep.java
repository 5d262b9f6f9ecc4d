package descent.train;

import descent.cores.Cores;
import descent.display.Display;
import descent.display.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A grid of hyper-parameters, every combination trained independently, on all cores.
 * <pre>
 *   Table results = Sweep.grid()
 *           .axis("lr", 0.01, 0.03, 0.1)
 *           .axis("momentum", 0.0, 0.9)
 *           .run(p -> Trainer.of(Network.mlp(784, 100, 10).seed(1).build(),
 *                                new Momentum(p.get("lr"), p.get("momentum")))
 *                            .epochs(2).quiet().fit(train));
 * </pre>
 * The result has one row per combination, in grid order (the first axis varies slowest): the
 * parameters, then the last history row's loss, accuracy (and val_loss, val_accuracy), the
 * training's seconds, and {@code diverged} (true when it threw {@link DivergedException}; its
 * metrics are then those of the last row before). Each training must build its own network and
 * optimizer from the point, so a configuration gives the same result whatever runs beside it.
 * The trainings run in parallel, one per core, each with its work on its own thread
 * ({@link Cores#onThisThread}); a sweep of one thread lets its training use every core. In a
 * notebook one progress bar follows the whole sweep (so its trainings can be quiet).
 */
public final class Sweep {

    static final List<String> RESULT_COLUMNS = List.of(History.LOSS, History.ACCURACY, History.VAL_LOSS,
            History.VAL_ACCURACY, History.SECONDS, "diverged");

    private final Map<String, List<Object>> axes = new LinkedHashMap<>();
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean progress = true;

    private Sweep() {
    }

    public static Sweep grid() {
        return new Sweep();
    }

    /** A numeric axis. */
    public Sweep axis(String name, double... values) {
        List<Object> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return axis(name, list);
    }

    /** An integer axis (e.g. the batch size). */
    public Sweep axis(String name, int... values) {
        List<Object> list = new ArrayList<>();
        for (int v : values) {
            list.add(v);
        }
        return axis(name, list);
    }

    /** An axis of any values: Double, Integer or String go into typed columns. */
    public Sweep axis(String name, List<?> values) {
        Objects.requireNonNull(name, "name");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values of axis " + name + " must not be empty");
        }
        if (axes.containsKey(name)) {
            throw new IllegalArgumentException("axis " + name + " is already in the grid");
        }
        if (RESULT_COLUMNS.contains(name)) {
            throw new IllegalArgumentException("axis name must not be one of the result columns " + RESULT_COLUMNS
                    + ", got " + name);
        }
        Object first = values.get(0);
        for (Object v : values) {
            if (!(v instanceof Double || v instanceof Integer || v instanceof String) || v.getClass() != first.getClass()) {
                throw new IllegalArgumentException("values of axis " + name
                        + " must all be Double, all Integer or all String, got " + values);
            }
        }
        axes.put(name, List.copyOf(values));
        return this;
    }

    /** How many trainings run at once (default: the number of cores). */
    public Sweep threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** Without the progress bar, for a search that shows its own ({@link CyclicCoordinateDescent}). */
    Sweep withoutProgress() {
        this.progress = false;
        return this;
    }

    /** Every combination of the axes, first axis slowest. */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        points.add(new Point(Map.of()));
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            List<Point> next = new ArrayList<>();
            for (Point p : points) {
                for (Object v : axis.getValue()) {
                    Map<String, Object> values = new LinkedHashMap<>(p.values);
                    values.put(axis.getKey(), v);
                    next.add(new Point(values));
                }
            }
            points = next;
        }
        return points;
    }

    /** Trains every point with {@code training} (which returns its history) and tabulates the results. */
    public Table run(Function<Point, Table> training) {
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("the grid has no axis: add one with axis(name, values)");
        }
        List<Point> points = points();
        int sideBySide = Math.min(threads, points.size());
        ExecutorService pool = Executors.newFixedThreadPool(sideBySide);
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            Result[] results = new Result[points.size()];
            for (int i = 0; i < points.size(); i++) {
                int index = i;
                // trainings side by side already use the cores: each keeps its work on its thread
                done.submit(() -> {
                    Point p = points.get(index);
                    results[index] = sideBySide > 1 ? Cores.onThisThread(() -> train(training, p)) : train(training, p);
                    return index;
                });
            }
            long start = System.nanoTime();
            String bar = progress ? progress(null, 0, points.size(), start) : null;
            for (int finished = 1; finished <= points.size(); finished++) {
                done.take().get();
                bar = progress ? progress(bar, finished, points.size(), start) : null;
            }
            return table(points, Arrays.asList(results));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** In a notebook, one progress bar for the whole sweep, replaced as trainings finish; returns its id. */
    private static String progress(String bar, int finished, int total, long start) {
        if (!Display.interactive()) {
            return null;
        }
        Html html = Progress.bar((double) finished / total, String.format("sweep · %d/%d trainings · %.1f s",
                finished, total, (System.nanoTime() - start) / 1e9));
        if (bar == null) {
            return Display.display(html);
        }
        Display.update(bar, html);
        return bar;
    }

    private static Result train(Function<Point, Table> training, Point p) {
        long start = System.nanoTime();
        Table history;
        boolean diverged = false;
        try {
            history = training.apply(p);
        } catch (DivergedException e) {
            history = e.history();
            diverged = true;
        }
        return new Result(history, (System.nanoTime() - start) / 1e9, diverged);
    }

    private record Result(Table history, double seconds, boolean diverged) {
    }

    private Table table(List<Point> points, List<Result> results) {
        Table t = Table.create("sweep");
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            Object first = axis.getValue().get(0);
            Column<?> c = first instanceof Double ? DoubleColumn.create(axis.getKey())
                    : first instanceof Integer ? IntColumn.create(axis.getKey()) : StringColumn.create(axis.getKey());
            t.addColumns(c);
        }
        boolean validating = results.stream().anyMatch(r -> r.history.containsColumn(History.VAL_LOSS));
        List<String> metrics = new ArrayList<>(Arrays.asList(History.LOSS, History.ACCURACY));
        if (validating) {
            metrics.addAll(Arrays.asList(History.VAL_LOSS, History.VAL_ACCURACY));
        }
        for (String m : metrics) {
            t.addColumns(DoubleColumn.create(m));
        }
        t.addColumns(DoubleColumn.create(History.SECONDS), BooleanColumn.create("diverged"));
        for (int i = 0; i < points.size(); i++) {
            for (Map.Entry<String, Object> e : points.get(i).values.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Double d) {
                    t.doubleColumn(e.getKey()).append(d);
                } else if (v instanceof Integer n) {
                    t.intColumn(e.getKey()).append(n);
                } else {
                    t.stringColumn(e.getKey()).append((String) v);
                }
            }
            Table h = results.get(i).history;
            int last = h.rowCount() - 1;
            for (String m : metrics) {
                t.doubleColumn(m).append(last >= 0 && h.containsColumn(m) ? h.doubleColumn(m).getDouble(last) : Double.NaN);
            }
            t.doubleColumn(History.SECONDS).append(results.get(i).seconds);
            t.booleanColumn("diverged").append(results.get(i).diverged);
        }
        return t;
    }

    /** One combination of the grid's values. */
    public static final class Point {

        private final Map<String, Object> values;

        Point(Map<String, Object> values) {
            this.values = Map.copyOf(values);
        }

        /** A numeric value (Double or Integer axis) as a double. */
        public double get(String name) {
            Object v = value(name);
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            throw new IllegalArgumentException("axis " + name + " is not numeric: " + v);
        }

        /** An Integer axis' value. */
        public int getInt(String name) {
            Object v = value(name);
            if (v instanceof Integer n) {
                return n;
            }
            throw new IllegalArgumentException("axis " + name + " is not an Integer axis: " + v);
        }

        /** A value of any axis. */
        public Object value(String name) {
            Object v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("name must be an axis of the grid " + values.keySet() + ", got " + name);
            }
            return v;
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }
}
