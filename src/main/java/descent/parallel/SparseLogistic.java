package descent.parallel;

import java.util.SplittableRandom;

/**
 * A sparse binary classification problem for {@link Hogwild}: n examples x_i ∈ ℝ^d with only k
 * non-zero features each, labels y_i ∈ {−1, +1}, and the logistic loss
 * <pre>
 *   f(w) = (1/n) Σ_i log(1 + exp(−y_i · w·x_i))
 *   ∇f_i(w) = −y_i · σ(−y_i · w·x_i) · x_i           (non-zero only on the k features of x_i)
 * </pre>
 * So one SGD step on example i reads and writes only k of the d weights: with k ≪ d two threads
 * rarely touch the same weight, which is what makes lock-free updates safe (Recht et al. 2011).
 *
 * <p>The examples are stored row by row (compressed sparse rows): the features of example i are
 * {@code index[start[i] .. start[i+1])} with the values {@code value[...]}. The weights are a plain
 * {@code double[]} shared by all threads.
 */
public final class SparseLogistic {

    private final int d;
    private final int[] start;
    private final int[] index;
    private final double[] value;
    private final double[] y;

    private SparseLogistic(int d, int[] start, int[] index, double[] value, double[] y) {
        this.d = d;
        this.start = start;
        this.index = index;
        this.value = value;
        this.y = y;
    }

    /**
     * n random examples in d dimensions with k distinct features each, values N(0, 1); a hidden
     * w* ~ N(0, 1) draws each label as +1 with probability σ(w*·x_i), else −1.
     */
    public static SparseLogistic synthetic(int n, int d, int k, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("k must be in [1, d = " + d + "], got " + k);
        }
        if ((long) n * k > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n·k = " + n + "·" + k + " = " + (long) n * k
                    + " non-zero features is more than a Java array holds (2³¹ − 9); use fewer examples or features");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] wStar = new double[d];
        for (int j = 0; j < d; j++) {
            wStar[j] = random.nextGaussian();
        }
        int[] start = new int[n + 1];
        int[] index = new int[n * k];
        double[] value = new double[n * k];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + k;
            double margin = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                index[p] = distinctFeature(random, d, index, start[i], p);
                value[p] = random.nextGaussian();
                margin += wStar[index[p]] * value[p];
            }
            y[i] = random.nextDouble() < sigmoid(margin) ? 1 : -1;
        }
        return new SparseLogistic(d, start, index, value, y);
    }

    private static int distinctFeature(SplittableRandom random, int d, int[] index, int from, int to) {
        while (true) {
            int j = random.nextInt(d);
            boolean taken = false;
            for (int p = from; p < to; p++) {
                taken |= index[p] == j;
            }
            if (!taken) {
                return j;
            }
        }
    }

    /** n, the number of examples. */
    public int size() {
        return y.length;
    }

    /** d, the number of weights. */
    public int dimension() {
        return d;
    }

    /** k, the non-zero features of example 0 (every example has as many). */
    public int nonZerosPerExample() {
        return start[1] - start[0];
    }

    /** f(w), the mean logistic loss over all examples. */
    public double loss(double[] w) {
        requireWeights(w);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double m = y[i] * dot(w, i);
            sum += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));   // log(1 + e^−m), stable
        }
        return sum / y.length;
    }

    /** One SGD step on example i, in place: w ← w − η·∇f_i(w), touching only x_i's features. */
    public void step(double[] w, int i, double lr) {
        double scale = lr * y[i] * sigmoid(-y[i] * dot(w, i));           // η · y_i · σ(−y_i w·x_i)
        for (int p = start[i]; p < start[i + 1]; p++) {
            w[index[p]] += scale * value[p];                               // w_j ← w_j − η ∂f_i/∂w_j
        }
    }

    private double dot(double[] w, int i) {
        double s = 0;
        for (int p = start[i]; p < start[i + 1]; p++) {
            s += w[index[p]] * value[p];
        }
        return s;
    }

    void requireWeights(double[] w) {
        if (w == null || w.length != d) {
            throw new IllegalArgumentException("w must have d = " + d + " weights, got "
                    + (w == null ? "null" : w.length));
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public String toString() {
        return String.format("SparseLogistic(n = %,d, d = %,d, k = %d)", size(), d, nonZerosPerExample());
    }
}
