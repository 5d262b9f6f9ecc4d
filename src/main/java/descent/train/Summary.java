package descent.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The last row of several training histories side by side, one row per run, named by each
 * history's table name ({@code history.setName("cosine")}):
 * <pre>
 *   run | steps | loss | accuracy | val_loss | val_accuracy | seconds
 * </pre>
 * val_loss and val_accuracy are present when any history has them (NaN for one that has not).
 * The table prints losses and accuracies with 4 decimals and seconds with 2; the values keep full precision.
 */
public final class Summary {

    private Summary() {
    }

    public static Table of(Table... histories) {
        if (histories.length == 0) {
            throw new IllegalArgumentException("histories must hold at least one table, got none");
        }
        boolean validating = false;
        for (int i = 0; i < histories.length; i++) {
            Table h = histories[i];
            if (h == null || h.rowCount() == 0) {
                throw new IllegalArgumentException("histories[" + i + "] must be a history with at least one row, got "
                        + (h == null ? "null" : "an empty table"));
            }
            validating |= h.containsColumn(History.VAL_LOSS);
        }
        Table t = Table.create("summary", StringColumn.create("run"), IntColumn.create(History.STEP),
                DoubleColumn.create(History.LOSS), DoubleColumn.create(History.ACCURACY));
        if (validating) {
            t.addColumns(DoubleColumn.create(History.VAL_LOSS), DoubleColumn.create(History.VAL_ACCURACY));
        }
        t.addColumns(DoubleColumn.create(History.SECONDS));
        String[] metrics = validating
                ? new String[] {History.LOSS, History.ACCURACY, History.VAL_LOSS, History.VAL_ACCURACY, History.SECONDS}
                : new String[] {History.LOSS, History.ACCURACY, History.SECONDS};
        for (Table h : histories) {
            int last = h.rowCount() - 1;
            t.stringColumn("run").append(h.name());
            t.intColumn(History.STEP).append(h.intColumn(History.STEP).getInt(last));
            for (String m : metrics) {
                t.doubleColumn(m).append(h.containsColumn(m) ? h.doubleColumn(m).getDouble(last) : Double.NaN);
            }
        }
        for (String m : metrics) {
            t.doubleColumn(m).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(m.equals(History.SECONDS) ? 2 : 4));
        }
        return t;
    }
}
