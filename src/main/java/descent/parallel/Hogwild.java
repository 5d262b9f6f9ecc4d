package descent.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Hogwild!: SGD from several threads on one shared weight vector, without any lock.
 * <pre>
 *   w shared by all threads, no lock
 *   each epoch: shuffle the examples, give each of the p threads its share; in parallel
 *       every thread, for each of its examples i:
 *           read w_j for j ∈ support(x_i);  compute ∇f_i(w)
 *           w_j ← w_j − η · ∂f_i/∂w_j   for j ∈ support(x_i)      (plain writes: races allowed)
 * </pre>
 * Two threads may read the same w_j and both write it, so one update can be lost or computed on a
 * slightly stale w. When every example touches few of the weights (a sparse problem such as
 * {@link SparseLogistic}) such collisions are rare, and Niu, Recht, Ré and Wright ("Hogwild!: A
 * Lock-Free Approach to Parallelizing Stochastic Gradient Descent", NIPS 2011) prove SGD still
 * converges at nearly the serial rate, while p threads do p times the updates per second.
 *
 * <p>{@link #withLock} is the baseline the paper compares with: the same threads, but each update
 * holds one lock, so only one thread updates at a time and the threads mostly wait. With one
 * thread both are plain SGD over the shuffled examples. The weights are a {@code double[]}:
 * racing writes to single array elements are exactly the algorithm (a 64-bit JVM writes a double
 * in one piece). The result depends on how the threads interleave, so with p &gt; 1 two runs differ
 * slightly.
 */
public final class Hogwild {

    private final SparseLogistic problem;
    private final double lr;
    private final int threads;
    private final boolean lock;

    private Hogwild(SparseLogistic problem, double lr, int threads, boolean lock) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        if (!(Double.isFinite(lr) && lr > 0)) {
            throw new IllegalArgumentException("lr must be a finite number > 0, got " + lr);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.problem = problem;
        this.lr = lr;
        this.threads = threads;
        this.lock = lock;
    }

    /** Lock-free SGD from {@code threads} threads with step size η = {@code lr}. */
    public static Hogwild of(SparseLogistic problem, double lr, int threads) {
        return new Hogwild(problem, lr, threads, false);
    }

    /** The same threads, but every update inside one lock (the paper's baseline). */
    public static Hogwild withLock(SparseLogistic problem, double lr, int threads) {
        return new Hogwild(problem, lr, threads, true);
    }

    /**
     * Trains w from 0 for {@code epochs} passes over the examples (the order of epoch e shuffled
     * with seed + e). Returns one row per epoch (and row 0 for the start): epoch, step (updates so
     * far), loss f(w), seconds (time spent updating, loss evaluations excluded). The final weights
     * are in {@link Run#weights()}.
     */
    public Run run(int epochs, long seed) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        double[] w = new double[problem.dimension()];
        Table history = Table.create(toString(), IntColumn.create("epoch"), IntColumn.create("step"),
                DoubleColumn.create("loss"), DoubleColumn.create("seconds"));
        record(history, 0, 0, problem.loss(w), 0);
        int n = problem.size();
        Object mutex = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double seconds = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                int[] order = permutation(n, new SplittableRandom(seed + epoch));
                List<Callable<Void>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int from = (int) ((long) n * t / threads), to = (int) ((long) n * (t + 1) / threads);
                    work.add(() -> {
                        for (int p = from; p < to; p++) {
                            if (lock) {
                                synchronized (mutex) {
                                    problem.step(w, order[p], lr);
                                }
                            } else {
                                problem.step(w, order[p], lr);           // Hogwild!: no lock
                            }
                        }
                        return null;
                    });
                }
                long begin = System.nanoTime();
                for (Future<Void> f : pool.invokeAll(work)) {
                    f.get();
                }
                seconds += (System.nanoTime() - begin) / 1e9;
                record(history, epoch, epoch * n, problem.loss(w), seconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Run(history, w);
    }

    /** The history table and the final weights of a run. */
    public record Run(Table history, double[] weights) {

        public double finalLoss() {
            return history.doubleColumn("loss").get(history.rowCount() - 1);
        }

        public double seconds() {
            return history.doubleColumn("seconds").get(history.rowCount() - 1);
        }
    }

    private static void record(Table t, int epoch, int step, double loss, double seconds) {
        t.intColumn("epoch").append(epoch);
        t.intColumn("step").append(step);
        t.doubleColumn("loss").append(loss);
        t.doubleColumn("seconds").append(seconds);
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = p[i];
            p[i] = p[j];
            p[j] = swap;
        }
        return p;
    }

    public int threads() {
        return threads;
    }

    public double learningRate() {
        return lr;
    }

    @Override
    public String toString() {
        return (lock ? "locked SGD, " : "Hogwild!, ") + threads + (threads == 1 ? " thread" : " threads");
    }
}
