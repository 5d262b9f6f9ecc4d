package descent.train;

import java.util.List;

/**
 * The early-stopping rule: watch a metric, remember its best value, and stop when it has not
 * improved for {@code patience} evaluations (Prechelt, "Early stopping — but when?", 1998; Keras'
 * {@code EarlyStopping}). Losses improve downwards, accuracies upwards. The {@link Trainer} keeps a
 * copy of θ at the best evaluation and puts it back at the end.
 */
public final class EarlyStopping {

    private final String metric;
    private final int patience;
    private double best = Double.NaN;
    private int sinceBest;
    private int seen;
    private int bestIndex = -1;

    /** {@code metric} is val_loss, val_accuracy, loss or accuracy; {@code patience} ≥ 1. */
    public EarlyStopping(String metric, int patience) {
        if (!List.of("val_loss", "val_accuracy", "loss", "accuracy").contains(metric)) {
            throw new IllegalArgumentException("metric must be val_loss, val_accuracy, loss or accuracy, got " + metric);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
        this.metric = metric;
        this.patience = patience;
    }

    /** Records the next evaluation; true when it is the best so far (strictly better). */
    public boolean improved(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of " + metric + " must be a finite number, got " + value);
        }
        boolean better = seen == 0 || (metric.endsWith("accuracy") ? value > best : value < best);
        seen++;
        if (better) {
            best = value;
            bestIndex = seen - 1;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
        return better;
    }

    /** True once {@code patience} evaluations in a row brought no improvement. */
    public boolean shouldStop() {
        return sinceBest >= patience;
    }

    /** The index (from 0) of the best evaluation, or -1 before the first. */
    public int bestIndex() {
        return bestIndex;
    }

    public double best() {
        return best;
    }

    public String metric() {
        return metric;
    }

    public int patience() {
        return patience;
    }
}
