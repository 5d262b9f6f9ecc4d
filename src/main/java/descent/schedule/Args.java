package descent.schedule;

/** Argument checks shared by the schedules: each names the argument and the value it refused. */
final class Args {

    private Args() {}

    static int step(int step) {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        return step;
    }

    static double finite(String name, double value) {
        if (!Double.isFinite(value))
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        return value;
    }

    static double nonNegative(String name, double value) {
        if (!(Double.isFinite(value) && value >= 0))
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        return value;
    }

    static double positive(String name, double value) {
        if (!(Double.isFinite(value) && value > 0))
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        return value;
    }

    static int positive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + value);
        return value;
    }

    /** Strictly increasing and >= {@code min}; returns a private copy. */
    static int[] increasing(String name, int[] values, int min) {
        if (values == null) throw new IllegalArgumentException(name + " must not be null");
        int[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < min)
                throw new IllegalArgumentException(name + " must be >= " + min + ", got " + name + "[" + i + "] = " + copy[i]);
            if (i > 0 && copy[i] <= copy[i - 1])
                throw new IllegalArgumentException(name + " must be strictly increasing, got "
                        + java.util.Arrays.toString(copy));
        }
        return copy;
    }

    /** Sorted (repeats allowed) and >= {@code min}; returns a private copy. */
    static int[] sorted(String name, int[] values, int min) {
        if (values == null) throw new IllegalArgumentException(name + " must not be null");
        int[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < min)
                throw new IllegalArgumentException(name + " must be >= " + min + ", got " + name + "[" + i + "] = " + copy[i]);
            if (i > 0 && copy[i] < copy[i - 1])
                throw new IllegalArgumentException(name + " must be in increasing order, got "
                        + java.util.Arrays.toString(copy));
        }
        return copy;
    }

    /**
     * {@code value} when it is a usable learning rate (finite, >= 0); otherwise an error naming the
     * schedule and the step, so a bad rate never reaches an optimizer.
     */
    static double rate(Schedule schedule, int step, double value) {
        if (!(Double.isFinite(value) && value >= 0))
            throw new IllegalArgumentException(schedule + " gives " + value + " at step " + step
                    + ": a learning rate must be a finite number >= 0");
        return value;
    }

    /** How many of the sorted {@code points} are <= t (Python's bisect_right). */
    static int countAtOrBelow(int[] points, int t) {
        int n = 0;
        while (n < points.length && points[n] <= t) n++;
        return n;
    }

    static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
