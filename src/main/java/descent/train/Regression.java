package descent.train;

import descent.data.Batches;
import descent.data.DataSet;
import descent.nn.Dense;
import descent.nn.Network;
import descent.optim.Optimizer;
import java.util.Iterator;
import java.util.List;

/**
 * The plainest training loop, for a regression on the labels read as numbers (the target of
 * sample i is its label y_i, an n × 1 column), with the network's own loss (e.g. squared error):
 * <pre>
 *   for t = 1 … updates:   B = next mini-batch (reshuffled each epoch)
 *       L_t = loss(net(x_B), y_B);   g = ∂L_t/∂θ;   θ ← optimizer.step(θ, g)
 * </pre>
 * It returns every L_t, so the first updates can be looked at one by one (the {@link Trainer}
 * trains classifiers on one-hot targets and records averages).
 */
public final class Regression {

    private Regression() {
    }

    /** L_1 … L_updates of {@code updates} steps on mini-batches of {@code batchSize}, shuffled with {@code seed}. */
    public static double[] losses(Network net, Optimizer optimizer, DataSet data, int batchSize, long seed, int updates) {
        List<Dense> dense = net.denseLayers();
        int outputs = dense.get(dense.size() - 1).out();
        if (outputs != 1) {
            throw new IllegalArgumentException("net must have 1 output for a regression on the labels, got " + outputs);
        }
        if (data.numFeatures() != net.inputSize() || data.dataType() != net.dtype()) {
            throw new IllegalArgumentException("data must have " + net.inputSize() + " features of type " + net.dtype()
                    + ", got " + data.numFeatures() + " of " + data.dataType());
        }
        if (updates < 1) {
            throw new IllegalArgumentException("updates must be >= 1, got " + updates);
        }
        Batches batches = data.batches(batchSize, seed);
        Iterator<Batches.Batch> epoch = batches.iterator();
        double[] losses = new double[updates];
        for (int t = 0; t < updates; t++) {
            if (!epoch.hasNext()) {
                epoch = batches.iterator();
            }
            Batches.Batch b = epoch.next();
            losses[t] = net.gradient(b.features(), b.labels());         // forward, loss, backward
            if (!Double.isFinite(losses[t])) {
                throw new DivergedException(losses[t], t + 1, t / batches.count() + 1, optimizer.learningRate(),
                        History.empty(false));
            }
            optimizer.step(net.theta(), net.grad());                    // θ ← θ − η·g (or any rule)
        }
        return losses;
    }
}
