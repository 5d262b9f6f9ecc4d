package descent.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Mean squared error over all entries (as PyTorch's {@code MSELoss}):
 * <pre>
 *   L = (1/(n·k)) Σ (ŷ − y)²            ∂L/∂ŷ = 2(ŷ − y) / (n·k)
 * </pre>
 */
public final class MeanSquaredError implements Loss {

    private INDArray dyHat;
    private double[] ps, ys;
    private int correct;

    @Override
    public double forward(INDArray yHat, INDArray y) {
        Shapes.requireSame("yHat", yHat, "y", y);
        int n = (int) yHat.rows();
        int k = (int) yHat.columns();
        ps = Heap.read(yHat, ps);
        ys = Heap.read(y, ys);
        dyHat = Views.reuse(dyHat, yHat, n, k);
        correct = 0;
        for (int r = 0; r < n; r++) {
            if (Loss.argmax(ps, r * k, k) == Loss.argmax(ys, r * k, k)) {
                correct++;
            }
        }
        double total = 0;
        int m = n * k;
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("y must be finite, got " + ys[i] + " at row " + i / k
                        + ", column " + i % k);
            }
            double e = ps[i] - ys[i];
            total += e * e;                                            // Σ (ŷ − y)²
            ps[i] = 2 * e / m;                                         // ∂L/∂ŷ, kept for backward
        }
        Heap.write(ps, dyHat);
        return total / m;
    }

    @Override
    public INDArray backward() {
        return dyHat;
    }

    @Override
    public int correct() {
        return correct;
    }

    @Override
    public String toString() {
        return "MeanSquaredError";
    }
}
