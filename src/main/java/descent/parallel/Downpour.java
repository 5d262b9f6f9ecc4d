package descent.parallel;

import descent.data.DataSet;
import descent.nn.Network;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * Downpour SGD, simulated: p workers compute gradients on their own, possibly stale, copies of the
 * parameters and push them to a parameter server, which applies them as they come.
 * <pre>
 *   parameter server:  θ̃;   on a push of Δ:  θ̃ ← θ̃ − η·Δ
 *   all workers start from θ_i = θ̃; they take turns, and a gradient takes a whole round, so while
 *   worker i computes, the p − 1 others push. At worker i's turn:
 *       g ← ∇L_B(θ_i)  on its next mini-batch B;   Δ_i ← Δ_i + g;   θ_i ← θ_i − η·g
 *       every n_push of its steps:   push Δ_i;  Δ_i ← 0
 *       every n_fetch of its steps:  θ_i ← θ̃                    (fetch, for the next gradient)
 * </pre>
 * Between a fetch and the push that follows, the other workers' pushes move θ̃ on: a pushed
 * gradient was computed on a θ that many server updates old, its <i>staleness</i> τ. With p
 * workers and n_fetch = n_push = 1, τ = p − 1; a larger n_fetch makes it larger. One worker with
 * n_fetch = n_push = 1 is plain SGD. The workers run one after the other in one thread, so a run
 * is exactly reproducible; only the timing of fetches and pushes is simulated.
 *
 * <p>Dean et al., "Large Scale Distributed Deep Networks" (NIPS 2012), section 4.1; the worker's
 * loop as written in Zhang, Choromanska and LeCun, "Deep learning with Elastic Averaging SGD"
 * (NIPS 2015), supplementary algorithm "DOWNPOUR". The server here uses plain SGD (Dean et al. also
 * used AdaGrad).
 */
public final class Downpour {

    private final int workers;
    private double lr = Double.NaN;
    private int fetchEvery = 1, pushEvery = 1;
    private int batchSize = 32, updates = 2000, logEvery = 50;
    private long seed = 1;

    private Downpour(int workers) {
        this.workers = Replicas.atLeastOne("workers", workers);
    }

    /**
     * A cluster of p ≥ 1 workers; set its step size with {@link #rate}, e.g.
     * {@code Downpour.workers(16).rate(0.1).run(net, train)}. The other settings have defaults:
     * fetchEvery 1, pushEvery 1, batchSize 32, updates 2000, logEvery 50, seed 1.
     */
    public static Downpour workers(int workers) {
        return new Downpour(workers);
    }

    /** η &gt; 0, for the workers' local steps and the server. */
    public Downpour rate(double lr) {
        this.lr = Replicas.positiveRate(lr);
        return this;
    }

    /** n_fetch ≥ 1: a worker fetches θ̃ every n_fetch of its steps. */
    public Downpour fetchEvery(int steps) {
        this.fetchEvery = Replicas.atLeastOne("fetchEvery", steps);
        return this;
    }

    /** n_push ≥ 1: a worker pushes its summed gradients every n_push of its steps. */
    public Downpour pushEvery(int steps) {
        this.pushEvery = Replicas.atLeastOne("pushEvery", steps);
        return this;
    }

    /** Examples in each worker's mini-batch. */
    public Downpour batchSize(int batchSize) {
        this.batchSize = Replicas.atLeastOne("batchSize", batchSize);
        return this;
    }

    /** Worker steps to run, all workers together (each computes one gradient). */
    public Downpour updates(int updates) {
        this.updates = Replicas.atLeastOne("updates", updates);
        return this;
    }

    /** Record the loss at θ̃ every this many worker steps (and at step 0). */
    public Downpour logEvery(int steps) {
        this.logEvery = Replicas.atLeastOne("logEvery", steps);
        return this;
    }

    /** Worker i shuffles its mini-batches with seed + i. */
    public Downpour seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Trains {@code net} (its θ is the start, and holds θ̃ afterwards) on mini-batches of
     * {@code train}. Records the training loss at the server's θ̃ every logEvery steps; stops as
     * diverged when it is NaN, infinite or above {@link Replicas#DIVERGED} times the loss at the start.
     * Returns the history (step, loss), the mean staleness of the pushed gradients and whether it diverged.
     */
    public Run run(Network net, DataSet train) {
        Objects.requireNonNull(net, "net");
        Replicas.requireRate(lr);
        Replicas cluster = new Replicas(net, train, workers, batchSize, seed, toString());
        INDArray server = net.theta().dup();                                 // θ̃
        INDArray[] theta = new INDArray[workers];                            // θ_i
        INDArray[] delta = new INDArray[workers];                            // Δ_i
        int[] steps = new int[workers];
        long[] fetchedAt = new long[workers];
        for (int i = 0; i < workers; i++) {
            theta[i] = server.dup();
            delta[i] = Nd4j.zeros(server.dataType(), server.shape());
        }
        long serverUpdates = 0, staleness = 0, pushes = 0;
        boolean diverged = false;
        cluster.record(0, server);
        for (int step = 1; step <= updates; step++) {
            int i = (step - 1) % workers;
            INDArray g = cluster.gradientAt(theta[i], i);                    // g = ∇L_B(θ_i)
            delta[i].addi(g);                                                // Δ_i ← Δ_i + g
            Nd4j.getBlasWrapper().axpy(-lr, g, theta[i]);                    // θ_i ← θ_i − η·g
            steps[i]++;
            if (steps[i] % pushEvery == 0) {
                Nd4j.getBlasWrapper().axpy(-lr, delta[i], server);           // push: θ̃ ← θ̃ − η·Δ_i
                delta[i].assign(0);
                staleness += serverUpdates - fetchedAt[i];
                pushes++;
                serverUpdates++;
            }
            if (steps[i] % fetchEvery == 0) {
                theta[i].assign(server);                                     // fetch: θ_i ← θ̃
                fetchedAt[i] = serverUpdates;
            }
            if (step % logEvery == 0 && !cluster.record(step, server)) {
                diverged = true;
                break;
            }
        }
        net.theta().assign(server);
        return new Run(cluster.history, pushes == 0 ? 0 : (double) staleness / pushes, diverged);
    }

    /**
     * The loss history (step, loss at θ̃), τ̄ the mean staleness of the pushed gradients in server
     * updates, and whether the run diverged (it then stopped there; the last row is the last loss
     * below the divergence bound).
     */
    public record Run(Table history, double meanStaleness, boolean diverged) {

        public double finalLoss() {
            return history.doubleColumn("loss").get(history.rowCount() - 1);
        }
    }

    @Override
    public String toString() {
        return "Downpour, " + workers + (workers == 1 ? " worker" : " workers") + ", η " + lr
                + (fetchEvery == 1 && pushEvery == 1 ? "" : ", n_fetch " + fetchEvery + ", n_push " + pushEvery);
    }
}
