package descent.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks backpropagation against central differences, one parameter at a time:
 * <pre>
 *   numeric_i  = (L(θ + h·e_i) − L(θ − h·e_i)) / 2h          (error O(h²))
 *   relative_i = |analytic_i − numeric_i| / max(|analytic_i|, |numeric_i|, 1e-4)
 * </pre>
 * In DOUBLE with h = 1e-6 a correct layer gives relative errors around 1e-7 or less; a wrong
 * derivative gives errors near 1. The floor 1e-4 compares gradients that are truly zero (a bias
 * before batch norm) in absolute terms: rounding alone makes their numeric value ≈1e-10. The check runs in training mode (batch statistics); dropout
 * layers must be {@link Dropout#freeze() frozen} so every evaluation uses the same mask. Source:
 * CS231n notes, "Gradient checks".
 */
public final class GradientCheck {

    /** The finite-difference step. */
    public static final double H = 1e-6;

    /** Below this size gradients are compared in absolute terms. */
    public static final double FLOOR = 1e-4;

    private GradientCheck() {
    }

    /** Compares ∂L/∂θ from {@link Network#gradient} with central differences, for every θ_i. */
    public static Report of(Network net, INDArray x, INDArray y) {
        if (net.dtype() != DataType.DOUBLE) {
            throw new IllegalArgumentException("net must be DOUBLE for a gradient check (build it "
                    + "with .dtype(DataType.DOUBLE)), got " + net.dtype());
        }
        net.gradient(x, y);
        INDArray theta = net.theta();
        double[] analytic = Heap.read(net.grad(), (double[]) null);
        int n = (int) theta.length();
        double[] numeric = new double[n];
        double[] relative = new double[n];
        for (int i = 0; i < n; i++) {
            double t = theta.getDouble(i);
            theta.putScalar(i, t + H);
            double plus = lossInTraining(net, x, y);
            theta.putScalar(i, t - H);
            double minus = lossInTraining(net, x, y);
            theta.putScalar(i, t);
            numeric[i] = (plus - minus) / (2 * H);
            double scale = Math.max(Math.max(Math.abs(analytic[i]), Math.abs(numeric[i])), FLOOR);
            relative[i] = Math.abs(analytic[i] - numeric[i]) / scale;
        }
        return new Report(net, analytic, numeric, relative);
    }

    private static double lossInTraining(Network net, INDArray x, INDArray y) {
        return net.lossFunction().forward(net.forward(x, true), y);
    }

    /** Per-parameter results, and the worst one. */
    public record Report(Network net, double[] analytic, double[] numeric, double[] relative) {

        /** Index in θ of the largest relative error. */
        public int worst() {
            int w = 0;
            for (int i = 1; i < relative.length; i++) {
                if (relative[i] > relative[w]) {
                    w = i;
                }
            }
            return w;
        }

        public double maxRelativeError() {
            return relative[worst()];
        }

        /** True when every relative error is below {@code tolerance}. */
        public boolean passed(double tolerance) {
            return maxRelativeError() < tolerance;
        }

        /** The layer that owns θ_i, e.g. "layer 2 Dense(5 → 3)". */
        public String owner(int i) {
            long offset = 0;
            for (int l = 0; l < net.layers().size(); l++) {
                Layer layer = net.layers().get(l);
                offset += layer.parameterCount();
                if (i < offset) {
                    return "layer " + l + " " + layer;
                }
            }
            throw new IllegalArgumentException("i must be < " + offset + ", got " + i);
        }

        @Override
        public String toString() {
            int w = worst();
            return String.format("gradient check of %d parameters: max relative error %.2e at θ[%d] "
                    + "(%s): analytic %.8g, numeric %.8g", relative.length, relative[w], w, owner(w),
                    analytic[w], numeric[w]);
        }
    }
}
