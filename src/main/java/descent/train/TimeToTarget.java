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

    /**
     * The cost of one run; {@code reached} is false when {@code maxEpochs} ran out first or the
     * run diverged (a loss that is not finite), which then stops it.
     */
    public record Result(int batchSize, int iterations, double epochs, double seconds, double loss, boolean reached,
                         boolean diverged) {
    }

    private final Network net;
    private final Optimizer optimizer;
    private int batchSize = 32, maxEpochs = 100, checksPerEpoch = 1;
    private double target = Double.NaN;
    private long seed = 1;

    private TimeToTarget(Network net, Optimizer optimizer) {
        this.net = Objects.requireNonNull(net, "net");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    /**
     * A race of {@code net} (trained in place, from its current θ) with {@code optimizer} to the
     * {@link #target} loss, e.g. {@code TimeToTarget.of(net, new Sgd(0.05)).batchSize(8).target(0.4).train(data)}.
     * Defaults: batchSize 32, maxEpochs 100, checksPerEpoch 1, seed 1.
     */
    public static TimeToTarget of(Network net, Optimizer optimizer) {
        return new TimeToTarget(net, optimizer);
    }

    /** n, the examples in each mini-batch. */
    public TimeToTarget batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** The training loss to reach, a finite number &gt; 0. */
    public TimeToTarget target(double loss) {
        if (!(loss > 0 && Double.isFinite(loss))) {
            throw new IllegalArgumentException("target must be a finite number > 0, got " + loss);
        }
        this.target = loss;
        return this;
    }

    /** The most epochs to train before giving up. */
    public TimeToTarget maxEpochs(int maxEpochs) {
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("maxEpochs must be >= 1, got " + maxEpochs);
        }
        this.maxEpochs = maxEpochs;
        return this;
    }

    /** How often per epoch the full training loss is checked against the target. */
    public TimeToTarget checksPerEpoch(int checks) {
        if (checks < 1) {
            throw new IllegalArgumentException("checksPerEpoch must be >= 1, got " + checks);
        }
        this.checksPerEpoch = checks;
        return this;
    }

    /** The seed of the mini-batches' shuffle. */
    public TimeToTarget seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Trains on {@code train} until its loss is ≤ the target, maxEpochs have passed or the loss is not finite. */
    public Result train(DataSet train) {
        if (Double.isNaN(target)) {
            throw new IllegalStateException("the target loss is not set: call target(loss) before train");
        }
        if (train.numFeatures() != net.inputSize() || train.dataType() != net.dtype()) {
            throw new IllegalArgumentException("train must have " + net.inputSize() + " features of type "
                    + net.dtype() + ", got " + train.numFeatures() + " of " + train.dataType());
        }
        Batches batches = train.batches(batchSize, seed);
        int checkEvery = (int) Math.max(1, Math.round((double) train.size() / ((long) batchSize * checksPerEpoch)));
        int iterations = 0;
        long examples = 0;
        long nanos = 0;
        double loss = net.loss(train.features(), train.oneHot());
        boolean diverged = false;
        for (int epoch = 0; epoch < maxEpochs && loss > target && !diverged; epoch++) {
            long start = System.nanoTime();
            for (Batches.Batch b : batches) {
                double l = net.gradient(b.features(), b.oneHot());
                iterations++;
                examples += b.size();
                if (!Double.isFinite(l)) {
                    loss = l;
                    diverged = true;
                    break;
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
            if (loss > target && !diverged) {
                loss = net.loss(train.features(), train.oneHot());
            }
        }
        return new Result(batchSize, iterations, (double) examples / train.size(), nanos / 1e9, loss,
                loss <= target, diverged);
    }

    /** Results as a table: batch_size, iterations, epochs, seconds, loss, reached, diverged. */
    public static Table table(Iterable<Result> results) {
        Table t = Table.create("time to target", IntColumn.create("batch_size"), IntColumn.create("iterations"),
                DoubleColumn.create("epochs"), DoubleColumn.create("seconds"), DoubleColumn.create("loss"),
                BooleanColumn.create("reached"), BooleanColumn.create("diverged"));
        for (Result r : results) {
            t.intColumn("batch_size").append(r.batchSize());
            t.intColumn("iterations").append(r.iterations());
            t.doubleColumn("epochs").append(r.epochs());
            t.doubleColumn("seconds").append(r.seconds());
            t.doubleColumn("loss").append(r.loss());
            t.booleanColumn("reached").append(r.reached());
            t.booleanColumn("diverged").append(r.diverged());
        }
        return t;
    }
}
