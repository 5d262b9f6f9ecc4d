package descent.display;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.IntToDoubleFunction;

/**
 * A sentence of a lesson about a computed result, checked when the cell runs.
 *
 * <pre>{@code
 * Claim.that("momentum ends at least 100× lower than plain GD", plainLoss / heavyLoss, atLeast(100));
 * }</pre>
 *
 * shows one line under the cell,
 *
 * <pre>
 * ✓ momentum ends at least 100× lower than plain GD: measured 112 (claimed ≥ 100)
 * </pre>
 *
 * (a statement, so a cell may state several) and when the numbers stop backing the sentence it shows a ✗ line and throws {@link Failed}, which
 * fails the cell, and so the lesson and the build. A claim about randomness is stated over seeds
 * ({@link #forEverySeed}); the verdict then gives the range over all of them. A lesson's prose
 * says nothing about a computed result that has no claim beside it.
 *
 * <p>In a notebook the verdict is HTML marked {@code class="descent-claim"}, which the notebook
 * test counts against the lesson's {@code "min_claims"}; elsewhere it is printed as text.
 */
public final class Claim {

    /** What the measured number must satisfy, and how to say it. */
    public record Bound(String text, DoublePredicate test) {
        public Bound {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(test, "test");
        }

        boolean holds(double measured) {
            return test.test(measured);
        }
    }

    /** A claim that did not hold: the sentence, what was measured and what was claimed. */
    public static final class Failed extends IllegalStateException {
        Failed(String message) {
            super(message);
        }
    }

    /** The outcome of one claim, as shown under the cell. */
    record Verdict(String statement, String measured, String claimed, boolean holds) {
        /** The one-line verdict, {@code "✓ statement: measured 112 (claimed ≥ 100)"}. */
        String line() {
            return (holds ? "✓ " : "✗ ") + statement + ": measured " + measured
                    + " (claimed " + claimed + ")";
        }

        Html html() {
            String colour = holds ? "#1a7f37" : "#cf222e";
            return new Html("<div class=\"descent-claim\" data-holds=\"" + holds
                    + "\" style=\"font-family:sans-serif;font-size:13px;color:" + colour + "\">"
                    + escape(line()) + "</div>", line());
        }
    }

    private Claim() {
    }

    /** Checks that {@code measured} satisfies {@code bound}; shows the verdict, throws if not. */
    public static void that(String statement, double measured, Bound bound) {
        requireStatement(statement);
        Objects.requireNonNull(bound, "bound");
        show(new Verdict(statement, readable(measured), bound.text(), bound.holds(measured)));
    }

    /**
     * Checks a claim that is not one number (an order, a shape): {@code evidence} says what was
     * seen, for example {@code "ranking Adam < RMSprop < SGD"}.
     */
    public static void that(String statement, boolean holds, String evidence) {
        requireStatement(statement);
        Objects.requireNonNull(evidence, "evidence");
        show(new Verdict(statement, evidence, "true", holds));
    }

    /**
     * Checks a claim about a random experiment on every seed {@code 0 … seeds−1}: it holds only
     * when it holds for each. The verdict gives the smallest and largest measured value.
     */
    public static void forEverySeed(String statement, int seeds, IntToDoubleFunction measure,
                                       Bound bound) {
        requireStatement(statement);
        if (seeds < 2) {
            throw new IllegalArgumentException("seeds must be >= 2 for a claim about randomness, got "
                    + seeds);
        }
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(bound, "bound");
        double[] values = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            values[seed] = measure.applyAsDouble(seed);
        }
        boolean holds = Arrays.stream(values).allMatch(bound::holds);
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        String measured = readable(min) + " to " + readable(max) + " over " + seeds + " seeds";
        show(new Verdict(statement, measured, bound.text() + " on every seed", holds));
    }

    /** measured ≥ x. */
    public static Bound atLeast(double x) {
        return new Bound("≥ " + readable(x), v -> v >= x);
    }

    /** measured ≤ x. */
    public static Bound atMost(double x) {
        return new Bound("≤ " + readable(x), v -> v <= x);
    }

    /** measured > x. */
    public static Bound above(double x) {
        return new Bound("> " + readable(x), v -> v > x);
    }

    /** measured < x. */
    public static Bound below(double x) {
        return new Bound("< " + readable(x), v -> v < x);
    }

    /** low ≤ measured ≤ high. */
    public static Bound between(double low, double high) {
        if (!(low <= high)) {
            throw new IllegalArgumentException("between needs low <= high, got " + low + " and " + high);
        }
        return new Bound("between " + readable(low) + " and " + readable(high),
                v -> v >= low && v <= high);
    }

    /** |measured − target| ≤ tolerance·|target|. */
    public static Bound within(double tolerance, double target) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        return new Bound(readable(target) + " ± " + readable(100 * tolerance) + "%",
                v -> Math.abs(v - target) <= tolerance * Math.abs(target));
    }

    /** measured is finite (not NaN, not infinite). */
    public static Bound finite() {
        return new Bound("finite", Double::isFinite);
    }

    /** measured is NaN or infinite: a run that diverged. */
    public static Bound notFinite() {
        return new Bound("NaN or infinite", v -> !Double.isFinite(v));
    }

    /** x to three significant digits, plain for 0.001 ≤ |x| < 10⁶, else as 1.23e-05. */
    public static String readable(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return x == 0 ? "0" : Double.toString(x).replace("Infinity", "∞");
        }
        double magnitude = Math.abs(x);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", x).replaceFirst("\\.?0+e", "e");
    }

    private static void show(Verdict verdict) {
        Display.display(verdict.html());
        if (!verdict.holds()) {
            throw new Failed("claim does not hold: " + verdict.statement() + ": measured "
                    + verdict.measured() + ", claimed " + verdict.claimed());
        }
    }

    private static void requireStatement(String statement) {
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("statement must say what is claimed, got "
                    + (statement == null ? "null" : "\"" + statement + "\""));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
