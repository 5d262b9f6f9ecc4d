package descent.train;

import descent.nn.BatchNorm;
import descent.nn.Dense;
import descent.nn.Layer;
import descent.nn.Network;
import descent.optim.Optimizer;
import descent.optim.Wrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Weight decay on the weights that batch norm makes scale-invariant, and on nothing else:
 * <pre>
 *   g_W ← g_W + α·W   for the weights W of every Dense layer followed by BatchNorm,
 *   then the wrapped step  (the other weights, the biases, γ and β are not decayed)
 * </pre>
 * Batch norm divides each unit by its spread over the batch, so L(cW) = L(W) for the weights W
 * that feed it: decay cannot make them fit less, it only shrinks ‖W‖ and so raises their effective
 * learning rate λ/‖W‖². That argument, and the λα flat direction it predicts, holds for these
 * weights alone; the output layer, the biases (which batch norm cancels) and γ, β are not
 * scale-invariant. Page (2019), "How to train your ResNet, part 5", decays only the former; van
 * Laarhoven (2017), "L2 regularization versus batch and weight normalization".
 */
public final class ScaleInvariantDecay extends Wrapper {

    private final double alpha;
    private final List<long[]> ranges = new ArrayList<>();   // [from, to) of each decayed W in θ
    private INDArray decayed;

    private ScaleInvariantDecay(Network net, double alpha, Optimizer inner) {
        super(inner);
        if (!(alpha >= 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("alpha must be a finite number >= 0, got " + alpha);
        }
        this.alpha = alpha;
        List<Layer> layers = net.layers();
        long offset = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Dense dense && i + 1 < layers.size() && layers.get(i + 1) instanceof BatchNorm) {
                ranges.add(new long[] {offset, offset + (long) dense.in() * dense.out()});   // W comes first, then b
            }
            offset += layers.get(i).parameterCount();
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("net must have a Dense layer followed by BatchNorm, got " + layers);
        }
    }

    /** Decay α on {@code net}'s weights that feed batch norm, around {@code inner}. */
    public static ScaleInvariantDecay of(Network net, double alpha, Optimizer inner) {
        return new ScaleInvariantDecay(Objects.requireNonNull(net, "net"), alpha, inner);
    }

    /** How many parameters are decayed (the entries of the weights that feed batch norm). */
    public long decayedCount() {
        return ranges.stream().mapToLong(r -> r[1] - r[0]).sum();
    }

    @Override
    public void step(INDArray theta, INDArray grad) {
        if (decayed == null || decayed.length() != grad.length() || decayed.dataType() != grad.dataType()) {
            decayed = grad.ulike();
        }
        decayed.assign(grad);                                            // the caller's grad is not written
        for (long[] r : ranges) {
            Nd4j.getBlasWrapper().axpy(alpha, theta.get(NDArrayIndex.interval(r[0], r[1])),
                    decayed.get(NDArrayIndex.interval(r[0], r[1])));      // g_W + α·W
        }
        inner.step(theta, decayed);
    }

    @Override
    public String toString() {
        return "ScaleInvariantDecay(" + alpha + ", " + inner + ")";
    }
}
