package descent.schedule;

/**
 * A schedule's learning rates as an array, for charts: {@code LearningRates.of(cosine, 300)} is
 * η_0, η_1, …, η_299.
 */
public final class LearningRates {

    private LearningRates() {}

    /** η_t = schedule.valueAt(t) for t = 0 … steps − 1. */
    public static double[] of(Schedule schedule, int steps) {
        if (schedule == null) throw new IllegalArgumentException("schedule must not be null");
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        double[] lr = new double[steps];
        for (int t = 0; t < steps; t++) {
            lr[t] = schedule.valueAt(t);
        }
        return lr;
    }
}
