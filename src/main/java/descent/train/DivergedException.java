package descent.train;

import tech.tablesaw.api.Table;

/**
 * Training stopped because the loss became NaN or infinite: the step size was too large (or the
 * data held a NaN). The message names the step and the learning rate; {@link #history()} keeps the
 * rows recorded before.
 */
public final class DivergedException extends RuntimeException {

    private final transient Table history;
    private final int step;
    private final double learningRate;

    DivergedException(double loss, int step, int epoch, double learningRate, Table history) {
        super("training diverged: loss " + loss + " at step " + step + " (epoch " + epoch
                + ") with learning rate " + learningRate + "; try a smaller learning rate");
        this.history = history;
        this.step = step;
        this.learningRate = learningRate;
    }

    /** The history up to the last row recorded before the loss diverged. */
    public Table history() {
        return history;
    }

    /** The step (1-based update count) whose loss was not finite. */
    public int step() {
        return step;
    }

    public double learningRate() {
        return learningRate;
    }
}
