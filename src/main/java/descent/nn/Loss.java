package descent.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss L(ŷ, y) averaged over the batch, with its gradient ∂L/∂ŷ.
 *
 * <p>Targets y have the shape of the network output: one-hot rows for classification.
 * {@code forward} remembers what {@code backward} needs, and counts the rows whose largest output
 * is at the target's largest entry (for accuracy).
 */
public interface Loss {

    /** L for the batch; ŷ is the network output, y the targets, both (batch, outputs). */
    double forward(INDArray yHat, INDArray y);

    /** ∂L/∂ŷ for the last {@code forward}. */
    INDArray backward();

    /** How many rows of the last {@code forward} had argmax ŷ = argmax y. */
    int correct();

    /** The softmax cross-entropy on logits (the classification default). */
    static Loss softmaxCrossEntropy() {
        return new SoftmaxCrossEntropy();
    }

    /** The mean squared error. */
    static Loss mse() {
        return new MeanSquaredError();
    }

    /** Index of the largest of {@code a[from .. from+k)}, relative to {@code from}. */
    static int argmax(double[] a, int from, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (a[from + j] > a[from + best]) {
                best = j;
            }
        }
        return best;
    }
}
