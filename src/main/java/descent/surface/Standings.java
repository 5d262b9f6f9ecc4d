package descent.surface;

import java.text.DecimalFormat;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The result table of a race of walks on one surface: for each walk its label, its final loss and
 * the first step at which its loss went below a finish line (missing when it never did).
 *
 * <pre>
 *   Standings.of(1e-3, adam, momentum, sgd)
 * </pre>
 */
public final class Standings {

    private Standings() {
    }

    /**
     * One row per walk, in the order given; losses printed as 1.23E-4.
     *
     * @param finish the loss that counts as arrived, a finite number
     */
    public static Table of(double finish, Trajectory... walks) {
        if (!Double.isFinite(finish)) {
            throw new IllegalArgumentException("finish must be a finite loss, got " + finish);
        }
        if (walks.length == 0) {
            throw new IllegalArgumentException("walks must hold at least one walk, got none");
        }
        StringColumn names = StringColumn.create("walk");
        DoubleColumn finals = DoubleColumn.create("final loss");
        IntColumn arrivals = IntColumn.create("first step with loss < " + new DecimalFormat("0.###E0").format(finish));
        for (Trajectory walk : walks) {
            names.append(walk.label() + (walk.diverged() ? " (diverged)" : ""));
            finals.append(walk.finalLoss());
            double[] loss = walk.losses();
            int first = -1;
            for (int k = 0; k < loss.length && first < 0; k++) {
                if (loss[k] < finish) {
                    first = k;
                }
            }
            if (first < 0) {
                arrivals.appendMissing();
            } else {
                arrivals.append(first);
            }
        }
        finals.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.00E0")));
        return Table.create("Race on " + walks[0].surface().name() + ", " + (walks[0].size() - 1) + " steps",
                names, finals, arrivals);
    }
}
