package descent.parallel;

import descent.data.DataSet;
import descent.nn.Network;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * Elastic-averaging SGD (EASGD), simulated: each worker explores with its own parameters, tied by
 * an elastic spring to a centre variable that the workers pull along.
 * <pre>
 *   centre x̃;  worker i has its own x_i  (they take turns, one step each)
 *       if its step count is a multiple of τ:                         (communicate)
 *           e ← α·(x_i − x̃);   x_i ← x_i − e;   x̃ ← x̃ + e            (the elastic force)
 *       x_i ← x_i − η·∇L_B(x_i)   on its next mini-batch B             (a local SGD step)
 * </pre>
 * The force pulls each worker towards the centre and the centre towards the workers by the same
 * amount, so x̃ + Σ x_i is unchanged by it; α sets its strength (α = ηρ in the paper, which
 * suggests α ≈ 0.9/p). With α = 0 every worker is plain SGD on its own and the centre never moves.
 * Unlike {@link Downpour}, a worker never takes a gradient computed on an old θ: it only lags
 * behind the centre, and the spring bounds how far. The workers run in turn in one thread, so a
 * run is exactly reproducible.
 *
 * <p>Zhang, Choromanska and LeCun, "Deep learning with Elastic Averaging SGD" (NIPS 2015),
 * Algorithm 1 (asynchronous EASGD).
 */
public final class ElasticAveraging {

    private final int workers;
    private double lr = Double.NaN;
    private int period = 1;
    private double elasticity = 0;
    private int batchSize = 32, updates = 2000, logEvery = 50;
    private long seed = 1;

    private ElasticAveraging(int workers) {
        this.workers = Replicas.atLeastOne("workers", workers);
    }

    /**
     * A cluster of p ≥ 1 workers; set its step size with {@link #rate}, e.g.
     * {@code ElasticAveraging.workers(16).rate(0.1).period(16).elasticity(0.9 / 16).run(net, train)}.
     * Defaults: period 1, elasticity 0 (no spring), batchSize 32, updates 2000, logEvery 50, seed 1.
     */
    public static ElasticAveraging workers(int workers) {
        return new ElasticAveraging(workers);
    }

    /** η &gt; 0, the workers' step size. */
    public ElasticAveraging rate(double lr) {
        this.lr = Replicas.positiveRate(lr);
        return this;
    }

    /** τ ≥ 1: a worker meets the centre every τ of its steps. */
    public ElasticAveraging period(int tau) {
        this.period = Replicas.atLeastOne("period", tau);
        return this;
    }

    /** α in [0, 1], the strength of the elastic force. */
    public ElasticAveraging elasticity(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("elasticity must be in [0, 1], got " + alpha);
        }
        this.elasticity = alpha;
        return this;
    }

    /** Examples in each worker's mini-batch. */
    public ElasticAveraging batchSize(int batchSize) {
        this.batchSize = Replicas.atLeastOne("batchSize", batchSize);
        return this;
    }

    /** Worker steps to run, all workers together (each computes one gradient). */
    public ElasticAveraging updates(int updates) {
        this.updates = Replicas.atLeastOne("updates", updates);
        return this;
    }

    /** Record the loss at the centre every this many worker steps (and at step 0). */
    public ElasticAveraging logEvery(int steps) {
        this.logEvery = Replicas.atLeastOne("logEvery", steps);
        return this;
    }

    /** Worker i shuffles its mini-batches with seed + i. */
    public ElasticAveraging seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Trains {@code net} (its θ is the start, and holds x̃ afterwards) on mini-batches of
     * {@code train}. Records the training loss at the centre x̃ every logEvery steps; stops as
     * diverged when it is NaN, infinite or above {@link Replicas#DIVERGED} times the loss at the
     * start (the history then ends early). Returns the history (step, loss).
     */
    public Table run(Network net, DataSet train) {
        Objects.requireNonNull(net, "net");
        Replicas.requireRate(lr);
        Replicas cluster = new Replicas(net, train, workers, batchSize, seed, toString());
        INDArray centre = net.theta().dup();                                 // x̃
        INDArray[] x = new INDArray[workers];                                // x_i
        for (int i = 0; i < workers; i++) {
            x[i] = centre.dup();
        }
        INDArray e = centre.dup();
        int[] steps = new int[workers];
        cluster.record(0, centre);
        for (int step = 1; step <= updates; step++) {
            int i = (step - 1) % workers;
            if (steps[i] % period == 0) {
                e.assign(x[i]).subi(centre).muli(elasticity);                // e = α(x_i − x̃)
                x[i].subi(e);                                                // x_i ← x_i − e
                centre.addi(e);                                              // x̃ ← x̃ + e
            }
            INDArray g = cluster.gradientAt(x[i], i);
            Nd4j.getBlasWrapper().axpy(-lr, g, x[i]);                        // x_i ← x_i − η·g
            steps[i]++;
            if (step % logEvery == 0 && !cluster.record(step, centre)) {
                break;                                                       // diverged
            }
        }
        net.theta().assign(centre);
        return cluster.history;
    }

    @Override
    public String toString() {
        return "EASGD, " + workers + (workers == 1 ? " worker" : " workers") + ", η " + lr + ", τ " + period
                + ", α " + elasticity;
    }
}
