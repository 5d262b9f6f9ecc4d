package descent.train;

import descent.data.DataSet;
import descent.nn.Network;
import descent.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Several trainings on the same data, side by side: each one's history for the loss chart, and a
 * table of how each ended, measured on the same test set.
 *
 * <pre>
 *   var runs = new Comparison(mnist.train(), mnist.test());
 *   runs.fit(Trainer.of(Network.mlp(784, 200, 10).seed(1).build(), new Adam(1e-3)).epochs(3).quiet());
 *   runs.fit("SGD + cosine", Trainer.of(...));
 *   Charts.history(runs.histories());   runs.results();
 * </pre>
 *
 * <p>The results table has one row per training: its name, the training loss of its last history
 * row, the loss and accuracy of the trained network on the test set, and its seconds.
 */
public final class Comparison {

    private final DataSet train;
    private final DataSet test;
    private final List<Table> histories = new ArrayList<>();
    private final Table results = Table.create("Results",
            StringColumn.create("training"),
            DoubleColumn.create("final training loss"),
            DoubleColumn.create("test loss"),
            DoubleColumn.create("test accuracy"),
            DoubleColumn.create("seconds"));

    /** Trainings on {@code train}, judged on {@code test}. */
    public Comparison(DataSet train, DataSet test) {
        if (train == null || test == null) {
            throw new IllegalArgumentException("train and test must not be null");
        }
        this.train = train;
        this.test = test;
    }

    /** Runs {@code trainer} on the training set, named after its optimizer, e.g. "Adam(η=0.001)". */
    public Comparison fit(Trainer trainer) {
        return fit(name(trainer.optimizer()), trainer);
    }

    /** Runs {@code trainer} on the training set under {@code name} (the name of its history and its row). */
    public Comparison fit(String name, Trainer trainer) {
        if (name == null || name.isBlank() || results.stringColumn(0).contains(name)) {
            throw new IllegalArgumentException("name must be non-blank and new in this comparison, got \"" + name + "\"");
        }
        Table history = trainer.fit(train).setName(name);
        Network.Evaluation onTest = trainer.network().evaluate(test.features(), test.oneHot());
        int last = history.rowCount() - 1;
        histories.add(history);
        results.stringColumn(0).append(name);
        results.doubleColumn(1).append(history.doubleColumn("loss").getDouble(last));
        results.doubleColumn(2).append(onTest.loss());
        results.doubleColumn(3).append(onTest.accuracy());
        results.doubleColumn(4).append(history.doubleColumn("seconds").getDouble(last));
        return this;
    }

    /** The histories of the trainings, in order, each named. */
    public Table[] histories() {
        return histories.toArray(Table[]::new);
    }

    /**
     * One row per training: name, final training loss, test loss, test accuracy, seconds; printed
     * with 4 decimals, accuracy as a percentage and seconds with 1 decimal.
     */
    public Table results() {
        Table copy = results.copy().setName(results.name());
        copy.doubleColumn(1).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        copy.doubleColumn(2).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        copy.doubleColumn(3).setPrintFormatter(NumberColumnFormatter.percent(1));
        copy.doubleColumn(4).setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        return copy;
    }

    /** The optimizer's toString, or its class name and rate when it has none, e.g. "Adam(η=0.001)". */
    static String name(Optimizer optimizer) {
        String s = optimizer.toString();
        String identity = optimizer.getClass().getName() + "@" + Integer.toHexString(optimizer.hashCode());
        return s.equals(identity) ? optimizer.getClass().getSimpleName() + "(η=" + optimizer.learningRate() + ")" : s;
    }
}
