package descent.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The last row of each training history side by side: how far each run got and how long it took.
 * {@code Summary.of(sgd, momentum)} has the columns run, steps, epochs, loss, accuracy, seconds,
 * and val_loss, val_accuracy when every history has them; printed to 4 decimals, seconds to 2.
 */
public final class Summary {

    private Summary() {
    }

    public static Table of(Table... histories) {
        if (histories.length == 0) {
            throw new IllegalArgumentException("histories must hold at least one table, got none");
        }
        boolean validated = true;
        for (Table h : histories) {
            if (h == null || h.rowCount() == 0) {
                throw new IllegalArgumentException("histories must be non-empty tables, got "
                        + (h == null ? "null" : "an empty table " + h.name()));
            }
            for (String column : new String[] {History.STEP, History.EPOCH, History.LOSS, History.ACCURACY, History.SECONDS}) {
                if (!h.containsColumn(column)) {
                    throw new IllegalArgumentException("history " + h.name() + " must have the column " + column
                            + "; columns: " + h.columnNames());
                }
            }
            validated &= h.containsColumn(History.VAL_LOSS);
        }
        Table t = Table.create("Summary", StringColumn.create("run"), IntColumn.create(History.STEP + "s"),
                IntColumn.create(History.EPOCH + "s"), DoubleColumn.create(History.LOSS),
                DoubleColumn.create(History.ACCURACY), DoubleColumn.create(History.SECONDS));
        if (validated) {
            t.addColumns(DoubleColumn.create(History.VAL_LOSS), DoubleColumn.create(History.VAL_ACCURACY));
        }
        for (Table h : histories) {
            int last = h.rowCount() - 1;
            t.stringColumn("run").append(h.name());
            t.intColumn(History.STEP + "s").append(h.intColumn(History.STEP).getInt(last));
            t.intColumn(History.EPOCH + "s").append(h.intColumn(History.EPOCH).getInt(last));
            for (String c : validated
                    ? new String[] {History.LOSS, History.ACCURACY, History.SECONDS, History.VAL_LOSS, History.VAL_ACCURACY}
                    : new String[] {History.LOSS, History.ACCURACY, History.SECONDS}) {
                t.doubleColumn(c).append(h.doubleColumn(c).getDouble(last));
            }
        }
        for (String c : t.columnNames()) {
            if (t.column(c) instanceof DoubleColumn d) {
                d.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(c.equals(History.SECONDS) ? 2 : 4));
            }
        }
        return t;
    }
}
