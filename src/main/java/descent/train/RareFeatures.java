package descent.train;

import descent.data.DataSet;
import descent.nn.Dense;
import descent.nn.Network;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Logistic regression with rare features, the setting AdaGrad was made for (Duchi, Hazan &amp;
 * Singer 2011, §1): n examples of d binary features, where feature j (from 0) is present in a
 * fraction
 * <pre>
 *   p_j = 1/(j + 2)                     (Zipf's law: feature 0 in half the examples, feature 98 in 1 %)
 * </pre>
 * of them, and a hidden w* ~ N(0, 1) draws each label as 1 with probability σ(w*·x), else 0.
 * A model learns w_j only from the examples that hold feature j, so the rare weights get few
 * and small gradients. (No feature is in every example: such a feature would be the bias over
 * again, and its weight could not be told apart from it.)
 *
 * <p>The model is {@code Network.mlp(d, 2)}: one dense layer and a softmax over two classes, whose
 * logit difference is (W[·,1] − W[·,0])·x + b₁ − b₀, so {@link #learnedWeights} is that column
 * difference, comparable with w*.
 *
 * @param data      the examples, labels in {0, 1}
 * @param wStar     the hidden weights w*
 * @param frequency p_j of each feature
 */
public record RareFeatures(DataSet data, double[] wStar, double[] frequency) {

    /** n examples of d features, drawn from {@code seed} (w* and the examples alike). */
    public static RareFeatures zipf(int n, int d, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, got " + n);
        }
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] wStar = new double[d], frequency = new double[d];
        for (int j = 0; j < d; j++) {
            wStar[j] = random.nextGaussian();
            frequency[j] = 1.0 / (j + 2);
        }
        float[][] x = new float[n][d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double margin = 0;
            for (int j = 0; j < d; j++) {
                if (random.nextDouble() < frequency[j]) {
                    x[i][j] = 1;
                    margin += wStar[j];
                }
            }
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-margin)) ? 1 : 0;
        }
        return new RareFeatures(DataSet.of(Nd4j.create(x), labels, 2), wStar, frequency);
    }

    /** d, the number of features. */
    public int dimension() {
        return wStar.length;
    }

    /** w_j = W[j,1] − W[j,0] of the network's first (and only) dense layer. */
    public double[] learnedWeights(Network net) {
        INDArray w = requireModel(net).weights();
        double[] learned = new double[dimension()];
        for (int j = 0; j < learned.length; j++) {
            learned[j] = w.getDouble(j, 1) - w.getDouble(j, 0);
        }
        return learned;
    }

    /** |w_j − w*_j| for each feature j. */
    public double[] errors(Network net) {
        double[] learned = learnedWeights(net);
        for (int j = 0; j < learned.length; j++) {
            learned[j] = Math.abs(learned[j] - wStar[j]);
        }
        return learned;
    }

    /**
     * The entry of a θ-shaped array (an optimizer's per-coordinate rate, say) at W[j,1], for each
     * feature j: W is the first block of θ, (d, 2) in row-major order.
     */
    public double[] perFeature(INDArray overTheta) {
        int d = dimension();
        if (overTheta == null || overTheta.length() != 2L * d + 2) {
            throw new IllegalArgumentException("overTheta must have θ's " + (2L * d + 2) + " entries, got "
                    + (overTheta == null ? "null" : overTheta.length()));
        }
        INDArray flat = overTheta.reshape(overTheta.length());
        double[] values = new double[d];
        for (int j = 0; j < d; j++) {
            values[j] = flat.getDouble(2L * j + 1);
        }
        return values;
    }

    /**
     * The mean of {@code perFeature} over each group of consecutive features: group g holds the
     * features {@code bounds[g] … bounds[g+1] − 1} (features are numbered by falling frequency, so
     * {@code {0, 10, 100, d}} groups them by decade of p_j).
     */
    public static double[] groupMeans(double[] perFeature, int... bounds) {
        if (bounds.length < 2 || bounds[0] < 0 || bounds[bounds.length - 1] > perFeature.length) {
            throw new IllegalArgumentException("bounds must hold >= 2 feature indices in [0, "
                    + perFeature.length + "], got " + Arrays.toString(bounds));
        }
        double[] means = new double[bounds.length - 1];
        for (int g = 0; g < means.length; g++) {
            if (bounds[g + 1] <= bounds[g]) {
                throw new IllegalArgumentException("bounds must rise, got " + Arrays.toString(bounds));
            }
            for (int j = bounds[g]; j < bounds[g + 1]; j++) {
                means[g] += perFeature[j] / (bounds[g + 1] - bounds[g]);
            }
        }
        return means;
    }

    private Dense requireModel(Network net) {
        if (net.layers().size() != 1 || !(net.layer(0) instanceof Dense dense)
                || dense.in() != dimension() || dense.out() != 2) {
            throw new IllegalArgumentException("net must be Network.mlp(" + dimension() + ", 2), got " + net);
        }
        return dense;
    }
}
