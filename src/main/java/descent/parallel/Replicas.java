package descent.parallel;

import descent.data.Batches;
import descent.data.DataSet;
import descent.nn.Network;
import java.util.Iterator;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What the simulated clusters ({@link Downpour}, {@link ElasticAveraging}) share: one
 * {@link Network} that computes the gradient at any worker's parameters, each worker's endless
 * stream of mini-batches, and the history of the loss at the shared parameters.
 */
final class Replicas {

    /** A run has diverged when its loss exceeds this many times the loss at its start (or is not finite). */
    static final double DIVERGED = 10;

    final Network net;
    private final DataSet train;
    private final INDArray trainTargets;
    private final Batches[] batches;
    private final Iterator<Batches.Batch>[] streams;
    final Table history;

    @SuppressWarnings("unchecked")
    Replicas(Network net, DataSet train, int workers, int batchSize, long seed, String name) {
        if (train.numFeatures() != net.inputSize() || train.dataType() != net.dtype()) {
            throw new IllegalArgumentException("train must have " + net.inputSize() + " features of type "
                    + net.dtype() + ", got " + train.numFeatures() + " of " + train.dataType());
        }
        if (batchSize < 1 || batchSize > train.size()) {
            throw new IllegalArgumentException("batchSize must be in [1, " + train.size() + "], got " + batchSize);
        }
        this.net = net;
        this.train = train;
        this.trainTargets = train.oneHot();
        this.batches = new Batches[workers];
        this.streams = new Iterator[workers];
        for (int w = 0; w < workers; w++) {
            batches[w] = train.batches(batchSize, seed + w);             // each worker its own shuffle
            streams[w] = batches[w].iterator();
        }
        this.history = Table.create(name, IntColumn.create("step"), DoubleColumn.create("loss"));
    }

    /** ∇L at θ on worker w's next mini-batch, left in net.grad() (valid until the next call). */
    INDArray gradientAt(INDArray theta, int w) {
        if (!streams[w].hasNext()) {
            streams[w] = batches[w].iterator();                          // the worker's next epoch
        }
        Batches.Batch batch = streams[w].next();
        net.theta().assign(theta);
        net.gradient(batch.features(), batch.oneHot());
        return net.grad();
    }

    /**
     * Appends (step, training loss at θ) to the history; false when the loss is NaN, infinite or
     * above {@link #DIVERGED} times the first one recorded (the run has diverged and should stop;
     * that row is not recorded).
     */
    boolean record(int step, INDArray theta) {
        net.theta().assign(theta);
        double loss = net.loss(train.features(), trainTargets);
        if (!Double.isFinite(loss) || (history.rowCount() > 0 && loss > DIVERGED * history.doubleColumn("loss").get(0))) {
            return false;
        }
        history.intColumn("step").append(step);
        history.doubleColumn("loss").append(loss);
        return true;
    }

    static void requireRate(double lr) {
        if (Double.isNaN(lr)) {
            throw new IllegalStateException("the step size is not set: call rate(η) before run");
        }
    }

    static double positiveRate(double lr) {
        if (!(Double.isFinite(lr) && lr > 0)) {
            throw new IllegalArgumentException("lr must be a finite number > 0, got " + lr);
        }
        return lr;
    }

    static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return value;
    }
}
