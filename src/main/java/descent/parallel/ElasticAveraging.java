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

    private final Network net;
    private final double lr;
    private final int workers;
    private final int tau;
    private final double alpha;

    /**
     * @param net     the model; its θ is the starting point, and holds x̃ after {@link #run}
     * @param lr      η &gt; 0, the workers' step size
     * @param workers p ≥ 1
     * @param tau     τ ≥ 1, the communication period in each worker's steps
     * @param alpha   α in [0, 1], the elastic force
     */
    public ElasticAveraging(Network net, double lr, int workers, int tau, double alpha) {
        this.net = Objects.requireNonNull(net, "net");
        this.lr = Replicas.positiveRate(lr);
        this.workers = Replicas.atLeastOne("workers", workers);
        this.tau = Replicas.atLeastOne("tau", tau);
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        this.alpha = alpha;
    }

    /**
     * Runs {@code updates} worker steps (all workers together) on mini-batches of {@code train},
     * worker i shuffling with seed + i. Every {@code logEvery} steps (and at step 0) records the
     * training loss at the centre x̃; stops early if that loss becomes NaN or infinite (the history
     * then ends before {@code updates}). Returns the history (step, loss).
     */
    public Table run(DataSet train, int batchSize, int updates, int logEvery, long seed) {
        Replicas.requireRun(updates, logEvery);
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
            if (steps[i] % tau == 0) {
                e.assign(x[i]).subi(centre).muli(alpha);                     // e = α(x_i − x̃)
                x[i].subi(e);                                                // x_i ← x_i − e
                centre.addi(e);                                              // x̃ ← x̃ + e
            }
            INDArray g = cluster.gradientAt(x[i], i);
            Nd4j.getBlasWrapper().axpy(-lr, g, x[i]);                        // x_i ← x_i − η·g
            steps[i]++;
            if (step % logEvery == 0 && !cluster.record(step, centre)) {
                break;                                                       // diverged: NaN or infinite loss
            }
        }
        net.theta().assign(centre);
        return cluster.history;
    }

    @Override
    public String toString() {
        return "EASGD, " + workers + (workers == 1 ? " worker" : " workers") + ", τ " + tau + ", α " + alpha;
    }
}
