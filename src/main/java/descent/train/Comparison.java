package descent.train;

import descent.data.DataSet;
import descent.nn.Network;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
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
 * <p>The test set is used once per training, after it: the histories stay as the trainer wrote
 * them. The results are {@link Summary#of} the histories plus the test loss and test accuracy.
 */
public final class Comparison {

    private final DataSet train;
    private final DataSet test;
    private final List<Table> histories = new ArrayList<>();
    private final List<Network.Evaluation> onTest = new ArrayList<>();

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
        return fit(trainer.optimizer().toString(), trainer);
    }

    /** Runs {@code trainer} on the training set under {@code name} (the name of its history and its row). */
    public Comparison fit(String name, Trainer trainer) {
        if (name == null || name.isBlank() || histories.stream().anyMatch(h -> h.name().equals(name))) {
            throw new IllegalArgumentException("name must be non-blank and new in this comparison, got \"" + name + "\"");
        }
        Table history = trainer.fit(train).setName(name);
        histories.add(history);
        onTest.add(trainer.network().evaluate(test.features(), test.oneHot()));
        return this;
    }

    /** The histories of the trainings, in order, each named. */
    public Table[] histories() {
        return histories.toArray(Table[]::new);
    }

    /**
     * One row per training: {@link Summary#of} its history (run, steps, epochs, loss, accuracy,
     * seconds), then the trained network's test loss and test accuracy.
     */
    public Table results() {
        if (histories.isEmpty()) {
            throw new IllegalStateException("no training yet: call fit first");
        }
        Table t = Summary.of(histories()).setName("Results on " + test.size() + " test samples");
        DoubleColumn loss = DoubleColumn.create("test loss", onTest.stream().mapToDouble(Network.Evaluation::loss));
        DoubleColumn accuracy = DoubleColumn.create("test accuracy", onTest.stream().mapToDouble(Network.Evaluation::accuracy));
        loss.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        accuracy.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        return t.addColumns(loss, accuracy);
    }
}
