package descent.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How different the units of a layer are: with W of shape (in, out), column j is unit j's
 * incoming weight vector w_j, and
 * <pre>
 *   spread(W) = max_{i,j} |W_ij − W_i1|
 * </pre>
 * is 0 exactly when every unit has the same weights as the first one. Units that start identical
 * compute the same output, receive the same gradient and the same update, so the spread stays 0
 * for ever: the symmetry a random initialisation must break.
 */
public final class Symmetry {

    private Symmetry() {
    }

    /** max over inputs i and units j of |W_ij − W_i1|, for a weight matrix (in, out), FLOAT or DOUBLE. */
    public static double spread(INDArray w) {
        if (w == null || w.rank() != 2) {
            throw new IllegalArgumentException("w must be a matrix (in, out), got "
                    + (w == null ? "null" : "shape " + java.util.Arrays.toString(w.shape())));
        }
        double[][] m = w.toDoubleMatrix();
        double spread = 0;
        for (double[] row : m) {
            for (double v : row) {
                spread = Math.max(spread, Math.abs(v - row[0]));
            }
        }
        return spread;
    }

    /** The spread of a dense layer's weights. */
    public static double spread(Dense layer) {
        return spread(layer.weights());
    }
}
