package descent.check;

import java.util.Arrays;

/**
 * The argument checks of Descent's optimizers, schedules and initializers, in one place. Each
 * refuses a bad value with an IllegalArgumentException that names the argument, the rule and the
 * value, and otherwise returns the value, so that a constructor reads
 * {@code this.beta1 = Check.rate("beta1", beta1)}.
 */
public final class Check {
    private Check() {}

    /** A finite number. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        return value;
    }

    /** A finite number ≥ min. */
    public static double atLeast(String name, double value, double min) {
        if (!(Double.isFinite(value) && value >= min)) {
            throw new IllegalArgumentException(name + " must be a finite number >= " + number(min) + ", got " + value);
        }
        return value;
    }

    /** A finite number ≥ 0 (a learning rate, a decay, a standard deviation). */
    public static double nonNegative(String name, double value) {
        return atLeast(name, value, 0);
    }

    /** A finite number &gt; 0 (ε, a norm, a scale). */
    public static double positive(String name, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** A count &gt; 0 (a period, a number of steps). */
    public static int positive(String name, int value) {
        return (int) positive(name, (long) value);
    }

    /** A size &gt; 0 (a fan). */
    public static long positive(String name, long value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + value);
        return value;
    }

    /** A decay rate β, ρ, α, a momentum or a dampening: in [0, 1). */
    public static double rate(String name, double value) {
        if (!(value >= 0 && value < 1)) throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        return value;
    }

    /** A step count t ≥ 0. */
    public static int step(int step) {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        return step;
    }

    /** Not null. */
    public static <T> T notNull(String name, T value) {
        if (value == null) throw new IllegalArgumentException(name + " must not be null");
        return value;
    }

    /**
     * {@code value} when it is a usable learning rate (finite, ≥ 0); otherwise an error naming
     * where it came from (a schedule) and the step, so that a bad rate never reaches an optimizer.
     */
    public static double learningRate(Object source, int step, double value) {
        if (!(Double.isFinite(value) && value >= 0)) {
            throw new IllegalArgumentException(source + " gives " + value + " at step " + step
                    + ": a learning rate must be a finite number >= 0");
        }
        return value;
    }

    /** Strictly increasing and ≥ {@code min}; returns a private copy. */
    public static int[] increasing(String name, int[] values, int min) {
        return ordered(name, values, min, true);
    }

    /** Sorted (repeats allowed) and ≥ {@code min}; returns a private copy. */
    public static int[] sorted(String name, int[] values, int min) {
        return ordered(name, values, min, false);
    }

    private static int[] ordered(String name, int[] values, int min, boolean strictly) {
        int[] copy = notNull(name, values).clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", got " + name + "[" + i + "] = " + copy[i]);
            }
            if (i > 0 && (strictly ? copy[i] <= copy[i - 1] : copy[i] < copy[i - 1])) {
                throw new IllegalArgumentException(name + " must be " + (strictly ? "strictly increasing" : "in increasing order")
                        + ", got " + Arrays.toString(copy));
            }
        }
        return copy;
    }

    /** A number as a message or a name shows it: 2 rather than 2.0, else as Java prints it. */
    public static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
