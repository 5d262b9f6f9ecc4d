package descent.train;

import descent.nn.Layer;
import descent.nn.Network;
import tech.tablesaw.api.Table;

/**
 * Training stopped because it diverged: θ, the output of a layer, the loss or the gradient became
 * NaN or infinite, or the loss rose far above its first value. The message names the step, the
 * epoch, the learning rate and what went wrong, e.g.
 * <pre>
 *   training diverged at step 3 (epoch 1) with learning rate 1000000.0: the output of layer 2
 *   (Dense(32 → 10)) holds Infinity; try a smaller learning rate
 * </pre>
 * {@link #history()} keeps the rows recorded before. (NaN or ∞ in the data is refused before
 * training starts, as bad data, so it is never blamed on the learning rate.)
 */
public final class DivergedException extends RuntimeException {

    private final transient Table history;
    private final int step;
    private final int epoch;
    private final double learningRate;
    private final String what;

    DivergedException(String what, int step, int epoch, double learningRate, Table history) {
        super("training diverged at step " + step + " (epoch " + epoch + ") with learning rate " + learningRate
                + ": " + what + "; try a smaller learning rate");
        this.history = history;
        this.step = step;
        this.epoch = epoch;
        this.learningRate = learningRate;
        this.what = what;
    }

    DivergedException(double loss, int step, int epoch, double learningRate, Table history) {
        this("the loss is " + loss, step, epoch, learningRate, history);
    }

    /** The history up to the last row recorded before training diverged. */
    public Table history() {
        return history;
    }

    /** The step (1-based update count) at which divergence was seen. */
    public int step() {
        return step;
    }

    /** The epoch (from 1) of that step. */
    public int epoch() {
        return epoch;
    }

    public double learningRate() {
        return learningRate;
    }

    /** What went wrong, e.g. "the output of layer 1 (Relu) holds NaN" or "the loss is Infinity". */
    public String what() {
        return what;
    }

    /** The first of θ, a layer's output, the loss and the gradient norm that is not finite. */
    static String nonFinite(Network net, double loss, double gradNorm) {
        String theta = inTheta(net);
        if (theta != null) {
            return theta;
        }
        for (int k = 0; k < net.layers().size(); k++) {
            Layer layer = net.layer(k);
            double[] output = layer.output() == null ? new double[0] : layer.output().ravel().toDoubleVector();
            for (double v : output) {
                if (!Double.isFinite(v)) {
                    return "the output of layer " + k + " (" + layer + ") holds " + v;
                }
            }
        }
        return Double.isFinite(loss) ? "the gradient's norm ‖g‖ is " + gradNorm : "the loss is " + loss;
    }

    /** Where θ holds a NaN or ∞ (which layer owns it), or null when θ is finite. */
    static String inTheta(Network net) {
        double[] theta = net.theta().toDoubleVector();
        int from = 0;
        for (int k = 0; k < net.layers().size(); k++) {
            Layer layer = net.layer(k);
            int to = from + (int) layer.parameterCount();
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(theta[i])) {
                    return "θ holds " + theta[i] + " (θ[" + i + "], a parameter of layer " + k + ", " + layer + ")";
                }
            }
            from = to;
        }
        return null;
    }

    /** A loss that rose more than {@code factor} times above the first step's. */
    static String exploded(double loss, double firstLoss, double factor) {
        return String.format("the loss rose to %.3g, more than %.0e times the first step's %.3g", loss, factor, firstLoss);
    }
}
