package descent.schedule;

/**
 * A learning-rate schedule: step → learning rate.
 *
 * <p>A schedule is pure: the same step always gives the same value, whatever was asked before.
 * Steps count from 0, the value used for the first update.
 */
@FunctionalInterface
public interface Schedule {

    /** The learning rate for the update numbered {@code step} (0, 1, 2, ...). */
    double valueAt(int step);
}
