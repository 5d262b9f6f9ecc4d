package descent.train;

import descent.data.Batches;
import descent.data.DataSet;
import descent.nn.Network;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * How far the gradient of a random mini-batch strays from the full-batch gradient, at one fixed θ:
 * <pre>
 *   g   = ∇L(θ) over all N examples          g_B = ∇L(θ) over a random batch B of n examples
 *   spread(n) = √( mean over draws of ‖g_B − g‖² )
 * </pre>
 * g_B is the mean of n per-example gradients, so its variance is that of one example divided by n:
 * spread(n) = spread(1)/√n, times √((N − n)/(N − 1)) because a batch draws without replacement
 * (nearly 1 for n ≪ N). Four times the batch buys half the noise (Ruder 2016, §2.3; Smith and Le
 * 2018, "A Bayesian perspective on generalization and stochastic gradient descent").
 *
 * <p>The batches are those of {@link DataSet#batches} (each a uniform random subset), only full
 * ones counted. Gradients are taken in training mode, so use a network without batch norm or
 * dropout, whose gradient would also change with the batch in other ways. θ is not changed;
 * {@code net.grad()} is overwritten.
 */
public final class MiniBatchNoise {

    private final Network net;
    private final DataSet data;
    private int draws = 64;
    private long seed = 1;

    private MiniBatchNoise(Network net, DataSet data) {
        this.net = Objects.requireNonNull(net, "net");
        if (data.numFeatures() != net.inputSize() || data.dataType() != net.dtype()) {
            throw new IllegalArgumentException("data must have " + net.inputSize() + " features of type "
                    + net.dtype() + ", got " + data.numFeatures() + " of " + data.dataType());
        }
        this.data = data;
    }

    /**
     * The noise of {@code net}'s mini-batch gradients on {@code data}, e.g.
     * {@code MiniBatchNoise.of(net, digits).draws(64).seed(7).measure(1, 4, 16)}. Defaults: draws 64, seed 1.
     */
    public static MiniBatchNoise of(Network net, DataSet data) {
        return new MiniBatchNoise(net, data);
    }

    /** How many random batches of each size to draw, at least 2. */
    public MiniBatchNoise draws(int draws) {
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be >= 2, got " + draws);
        }
        this.draws = draws;
        return this;
    }

    /** The batches of size n are shuffled with seed + n. */
    public MiniBatchNoise seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The spread for each batch size, over the draws: a table with the columns batch_size, draws,
     * spread (√ mean ‖g_B − g‖²), spread_sqrt_n (spread·√n, constant when the 1/√n law holds) and
     * relative (spread / ‖g‖).
     */
    public Table measure(int... batchSizes) {
        if (batchSizes.length == 0) {
            throw new IllegalArgumentException("batchSizes must list at least one size, got none");
        }
        for (int n : batchSizes) {
            if (n < 1 || n >= data.size()) {
                throw new IllegalArgumentException("batch sizes must be in [1, " + (data.size() - 1) + "], got "
                        + Arrays.toString(batchSizes));
            }
        }
        net.gradient(data.features(), data.oneHot());
        INDArray g = net.grad().dup();                                  // the full-batch gradient
        double gNorm = Nd4j.getBlasWrapper().nrm2(g);
        INDArray diff = g.ulike();
        Table t = Table.create("mini-batch gradient noise", IntColumn.create("batch_size"), IntColumn.create("draws"),
                DoubleColumn.create("spread"), DoubleColumn.create("spread_sqrt_n"), DoubleColumn.create("relative"));
        for (int n : batchSizes) {
            Batches batches = data.batches(n, seed + n);
            double sumSquares = 0;
            int drawn = 0;
            while (drawn < draws) {
                for (Batches.Batch b : batches) {
                    if (b.size() != n) {
                        continue;                                       // the smaller last batch
                    }
                    net.gradient(b.features(), b.oneHot());
                    diff.assign(net.grad()).subi(g);                    // g_B − g
                    double d = Nd4j.getBlasWrapper().nrm2(diff);
                    sumSquares += d * d;
                    if (++drawn == draws) {
                        break;
                    }
                }
            }
            double spread = Math.sqrt(sumSquares / draws);
            t.intColumn("batch_size").append(n);
            t.intColumn("draws").append(draws);
            t.doubleColumn("spread").append(spread);
            t.doubleColumn("spread_sqrt_n").append(spread * Math.sqrt(n));
            t.doubleColumn("relative").append(spread / gNorm);
        }
        return t;
    }
}
