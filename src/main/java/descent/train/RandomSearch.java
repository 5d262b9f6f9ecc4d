package descent.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Random search: n trials, each drawing every hyper-parameter independently from its range, instead
 * of a grid. When only a few hyper-parameters matter, a grid of n = kᵈ points tries only k values of
 * each, while n random trials try n distinct values of every one (Bergstra &amp; Bengio, "Random
 * Search for Hyper-Parameter Optimization", JMLR 13, 2012, §2 and Fig. 1).
 * <pre>
 *   uniform(a, b):     x ~ U(a, b)
 *   logUniform(a, b):  x = 10^u,  u ~ U(log₁₀ a, log₁₀ b)      (a rate, a decay: every decade alike)
 *
 *   Table results = RandomSearch.trials(9).seed(1)
 *           .logUniform("lr", 1e-4, 1)
 *           .uniform("momentum", 0.5, 0.99)
 *           .run(p -&gt; Trainer.of(Network.mlp(64, 32, 10).seed(1).build(),
 *                                new Momentum(p.get("lr"), p.get("momentum")))
 *                            .epochs(3).validation(validation).quiet().fit(train));
 * </pre>
 * The draws depend only on the seed, trial after trial and, within a trial, range after range in
 * the order they were added. {@link #run} trains them like a {@link Sweep} (in parallel, one
 * progress bar) and returns the same table, with a first column {@code trial} (0 … n − 1) and a
 * column per range.
 */
public final class RandomSearch {

    private final int trials;
    private long seed;
    private final Map<String, Range> ranges = new LinkedHashMap<>();

    private RandomSearch(int trials) {
        this.trials = trials;
    }

    /** A search of {@code trials} random points (seed 0 until {@link #seed} says otherwise). */
    public static RandomSearch trials(int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        return new RandomSearch(trials);
    }

    /** The seed of the draws. */
    public RandomSearch seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** x ~ U(low, high). */
    public RandomSearch uniform(String name, double low, double high) {
        return add(name, low, high, false);
    }

    /** x = 10^u with u ~ U(log₁₀ low, log₁₀ high); needs 0 &lt; low &lt; high. */
    public RandomSearch logUniform(String name, double low, double high) {
        if (!(low > 0)) {
            throw new IllegalArgumentException("low of the log-uniform range " + name + " must be > 0, got " + low);
        }
        return add(name, low, high, true);
    }

    /** The trials' values, trial after trial (the same for the same seed and ranges). */
    public List<Sweep.Point> points() {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("the search has no range: add one with uniform or logUniform");
        }
        Random random = new Random(seed);
        List<Sweep.Point> points = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, Object> values = new LinkedHashMap<>();
            ranges.forEach((name, range) -> values.put(name, range.draw(random)));
            points.add(new Sweep.Point(values));
        }
        return points;
    }

    /** Trains every trial with {@code training} and tabulates them like {@link Sweep#run}. */
    public Table run(Function<Sweep.Point, Table> training) {
        List<Sweep.Point> points = points();
        Table results = Sweep.grid().axis("trial", IntStream.range(0, trials).toArray())
                .run(trial -> training.apply(points.get(trial.getInt("trial"))));
        int column = 1;
        for (String name : ranges.keySet()) {
            double[] values = points.stream().mapToDouble(p -> p.get(name)).toArray();
            results.insertColumn(column++, DoubleColumn.create(name, values));
        }
        return results.setName("random search");
    }

    private RandomSearch add(String name, double low, double high, boolean logarithmic) {
        if (name == null || name.equals("trial") || Sweep.RESULT_COLUMNS.contains(name) || ranges.containsKey(name)) {
            throw new IllegalArgumentException("name must be new and none of trial, " + Sweep.RESULT_COLUMNS
                    + ", got " + name + (ranges.containsKey(name) ? " (already a range)" : ""));
        }
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("the range " + name + " must have finite low < high, got ["
                    + low + ", " + high + "]");
        }
        ranges.put(name, new Range(low, high, logarithmic));
        return this;
    }

    private record Range(double low, double high, boolean logarithmic) {
        double draw(Random random) {
            if (!logarithmic) {
                return low + (high - low) * random.nextDouble();
            }
            double u = Math.log10(low) + (Math.log10(high) - Math.log10(low)) * random.nextDouble();
            return Math.pow(10, u);
        }
    }
}
