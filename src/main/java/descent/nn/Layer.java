package descent.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * One step of a network: {@code forward} maps a batch x (rows are examples) to y, and
 * {@code backward} maps ∂L/∂y to ∂L/∂x by the chain rule, writing ∂L/∂(its parameters) on the way.
 *
 * <p>A layer keeps its parameters as views into the network's one flat θ, and their gradients as
 * views into the flat gradient (see {@link #bind}). It keeps its output buffers and reuses them
 * while the batch size stays the same, so a training step allocates nothing. {@code backward} must
 * follow the {@code forward} of the same batch. A layer object belongs to one network: build a new
 * one for each network.
 */
public interface Layer {

    /** y = layer(x); {@code training} selects batch statistics (batch norm) and masks (dropout). */
    INDArray forward(INDArray x, boolean training);

    /** ∂L/∂x from ∂L/∂y; writes this layer's parameter gradients. */
    INDArray backward(INDArray dy);

    /** The last output, e.g. for activation histograms ({@code null} before the first forward). */
    INDArray output();

    /** Width of the output for an input of width {@code in}. */
    default int outputSize(int in) {
        return in;
    }

    /** How many numbers of θ this layer owns. */
    default long parameterCount() {
        return 0;
    }

    /**
     * Takes this layer's parameters as views of {@code theta} and its gradients as views of
     * {@code grad}, both starting at {@code offset}; the network calls this once.
     */
    default void bind(INDArray theta, INDArray grad, long offset) {
    }

    /** Draws the starting parameters from {@code rng}. */
    default void init(Random rng) {
    }
}
