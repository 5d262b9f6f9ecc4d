package descent.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax and cross-entropy fused, on logits z (as PyTorch's {@code CrossEntropyLoss}):
 * <pre>
 *   p = softmax(z) = e^(z − max z) / Σ e^(z − max z)
 *   L = (1/n) Σ_rows Σ_k y_k (logΣe^z − z_k)            ∂L/∂z = (p·Σ_k y_k − y) / n
 * </pre>
 * Subtracting the row's largest logit before exponentiating keeps every e^(…) ≤ 1, so no overflow;
 * fusing the two avoids log(0). For one-hot y the gradient is the familiar (p − y)/n.
 *
 * <p>Each row of y must be a distribution over the classes (entries ≥ 0 summing to 1: one-hot,
 * or smoothed labels); anything else — a class index 5.0 where a one-hot row belongs, −1, NaN —
 * is refused, as it would give a meaningless loss (even a negative one).
 */
public final class SoftmaxCrossEntropy implements Loss {

    private INDArray dz;
    private double[] zs, ys;
    private int correct;

    @Override
    public double forward(INDArray z, INDArray y) {
        Shapes.requireSame("yHat", z, "y", y);
        int n = (int) z.rows();
        int k = (int) z.columns();
        zs = Heap.read(z, zs);
        ys = Heap.read(y, ys);
        dz = Views.reuse(dz, z, n, k);
        double total = 0;
        correct = 0;
        for (int r = 0; r < n; r++) {
            int o = r * k;
            if (Loss.argmax(zs, o, k) == Loss.argmax(ys, o, k)) {
                correct++;
            }
            double max = zs[o + Loss.argmax(zs, o, k)];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(zs[o + j] - max);
            }
            double logSumExp = max + Math.log(sum);
            double mass = 0;
            for (int j = 0; j < k; j++) {
                total += ys[o + j] * (logSumExp - zs[o + j]);          // −Σ y log p
                mass += ys[o + j];
                if (!(ys[o + j] >= 0)) {
                    throw notADistribution(y, r);
                }
            }
            if (!(Math.abs(mass - 1) <= 1e-4)) {
                throw notADistribution(y, r);
            }
            for (int j = 0; j < k; j++) {
                double p = Math.exp(zs[o + j] - logSumExp);
                zs[o + j] = (p * mass - ys[o + j]) / n;                // ∂L/∂z, kept for backward
            }
        }
        Heap.write(zs, dz);
        return total / n;
    }

    private static IllegalArgumentException notADistribution(INDArray y, int row) {
        return new IllegalArgumentException("y must hold one distribution over the classes per row (one-hot for a"
                + " class, entries >= 0 summing to 1), got row " + row + " = " + y.getRow(row));
    }

    @Override
    public INDArray backward() {
        return dz;
    }

    @Override
    public int correct() {
        return correct;
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropy";
    }
}
