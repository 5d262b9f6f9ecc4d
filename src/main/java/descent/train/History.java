package descent.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The rows a {@link Trainer} records, as a Tablesaw table with the columns
 * step, epoch, loss, accuracy, lr, grad_norm, seconds (and val_loss, val_accuracy when validating).
 */
final class History {

    static final String STEP = "step", EPOCH = "epoch", LOSS = "loss", ACCURACY = "accuracy",
            LR = "lr", GRAD_NORM = "grad_norm", SECONDS = "seconds",
            VAL_LOSS = "val_loss", VAL_ACCURACY = "val_accuracy";

    private History() {
    }

    static Table empty(boolean validating) {
        Table t = Table.create("history",
                IntColumn.create(STEP), IntColumn.create(EPOCH), DoubleColumn.create(LOSS),
                DoubleColumn.create(ACCURACY), DoubleColumn.create(LR), DoubleColumn.create(GRAD_NORM),
                DoubleColumn.create(SECONDS));
        if (validating) {
            t.addColumns(DoubleColumn.create(VAL_LOSS), DoubleColumn.create(VAL_ACCURACY));
        }
        return t;
    }

    static void add(Table t, int step, int epoch, double loss, double accuracy, double lr,
                    double gradNorm, double seconds, double valLoss, double valAccuracy) {
        t.intColumn(STEP).append(step);
        t.intColumn(EPOCH).append(epoch);
        t.doubleColumn(LOSS).append(loss);
        t.doubleColumn(ACCURACY).append(accuracy);
        t.doubleColumn(LR).append(lr);
        t.doubleColumn(GRAD_NORM).append(gradNorm);
        t.doubleColumn(SECONDS).append(seconds);
        if (t.containsColumn(VAL_LOSS)) {
            t.doubleColumn(VAL_LOSS).append(valLoss);
            t.doubleColumn(VAL_ACCURACY).append(valAccuracy);
        }
    }
}
