package descent.train;

import descent.data.Batches;
import descent.data.DataSet;
import descent.nn.Network;
import descent.optim.Optimizer;
import java.util.Objects;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Trains until the loss over the whole training set falls to a target, and counts what it cost in
 * the three currencies of batch size: iterations (updates), epochs (passes over the data, n·iterations/N)
 * and seconds of training.
 * <pre>
 *   repeat:  for each mini-batch B of n examples:  θ ← optimizer.step(θ, ∇L_B(θ))
 *            every ≈ 1/checksPerEpoch epoch:  stop when L(θ) over all N examples ≤ target
 * </pre>
 * The full loss is checked every max(1, round(N/(n·checksPerEpoch))) iterations and at the end of
 * every epoch, so the counts are exact to that granularity; the clock stops while it is checked. Shallue et al. (2018), "Measuring
 * the effects of data parallelism on neural network training", count steps to a target the same way.
 */
public final class TimeToTarget {

    /** The cost of one run; {@code reached} is false when {@code maxEpochs} ran out first. */
    public record Result(int batchSize, int iterations, double epochs, double seconds, double loss, boolean reached) {
    }

    private TimeToTarget() {
    }

    /**
     * Trains {@code net} (in place, from its current θ) with mini-batches of {@code batchSize}
     * (shuffled with {@code seed}) until its training loss is ≤ {@code target} or
     * {@code maxEpochs} have passed.
     */
    public static Result train(Network net, Optimizer optimizer, DataSet train, int batchSize, double target,
                               int maxEpochs, int checksPerEpoch, long seed) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(optimizer, "optimizer");
        if (train.numFeatures() != net.inputSize() || train.dataType() != net.dtype()) {
            throw new IllegalArgumentException("train must have " + net.inputSize() + " features of type "
                    + net.dtype() + ", got " + train.numFeatures() + " of " + train.dataType());
        }
        if (!(target > 0 && Double.isFinite(target))) {
            throw new IllegalArgumentException("target must be a finite number > 0, got " + target);
        }
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs must be >= 1, got " + maxEpochs);
        }
        if (checksPerEpoch < 1) {
            throw new IllegalArgumentException("checksPerEpoch must be >= 1, got " + checksPerEpoch);
        }
        Batches batches = train.batches(batchSize, seed);
        int checkEvery = (int) Math.max(1, Math.round((double) train.size() / ((long) batchSize * checksPerEpoch)));
        int iterations = 0;
        long examples = 0;
        long nanos = 0;
        double loss = net.loss(train.features(), train.oneHot());
        for (int epoch = 0; epoch < maxEpochs && loss > target; epoch++) {
            long start = System.nanoTime();
            for (Batches.Batch b : batches) {
                double l = net.gradient(b.features(), b.oneHot());
                iterations++;
                examples += b.size();
                if (!Double.isFinite(l)) {
                    throw new IllegalStateException("training diverged at iteration " + iterations + " (batch size "
                            + batchSize + ", lr " + optimizer.learningRate() + "): loss " + l);
                }
                optimizer.step(net.theta(), net.grad());
                if (iterations % checkEvery == 0) {
                    nanos += System.nanoTime() - start;
                    loss = net.loss(train.features(), train.oneHot());
                    start = System.nanoTime();
                    if (loss <= target) {
                        break;
                    }
                }
            }
            nanos += System.nanoTime() - start;
            if (loss > target) {
                loss = net.loss(train.features(), train.oneHot());
            }
        }
        return new Result(batchSize, iterations, (double) examples / train.size(), nanos / 1e9, loss, loss <= target);
    }

    /** Results as a table: batch_size, iterations, epochs, seconds, loss, reached. */
    public static Table table(Iterable<Result> results) {
        Table t = Table.create("time to target", IntColumn.create("batch_size"), IntColumn.create("iterations"),
                DoubleColumn.create("epochs"), DoubleColumn.create("seconds"), DoubleColumn.create("loss"),
                BooleanColumn.create("reached"));
        for (Result r : results) {
            t.intColumn("batch_size").append(r.batchSize());
            t.intColumn("iterations").append(r.iterations());
            t.doubleColumn("epochs").append(r.epochs());
            t.doubleColumn("seconds").append(r.seconds());
            t.doubleColumn("loss").append(r.loss());
            t.booleanColumn("reached").append(r.reached());
        }
        return t;
    }
}
