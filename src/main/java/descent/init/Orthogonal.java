package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A (semi-)orthogonal matrix times a gain: the rows of w viewed as a (rows × cols) matrix, rows =
 * w.size(0), are orthonormal if rows ≤ cols, else its columns are (QᵀQ = I). Every singular value
 * is 1, so a deep linear stack neither grows nor shrinks a signal.
 *
 * <pre>
 *   A ~ N(0, 1) of shape (n × k), n ≥ k (transposed if w is wide)
 *   q_j = normalise(a_j − Σ_{i<j} (q_i·a_j) q_i)      Gram–Schmidt, column by column
 *   w = gain · Q  (or Qᵀ)
 * </pre>
 *
 * <p>Source: Saxe et al., "Exact solutions to the nonlinear dynamics of learning in deep linear
 * neural networks" (2014); torch {@code nn.init.orthogonal_}, which takes Q from a QR
 * factorisation and flips each column by the sign of R's diagonal: that is exactly the Q of
 * Gram–Schmidt, whose R has a positive diagonal. The fans are not used. Works in double
 * internally (the modified Gram–Schmidt form, which is the numerically stable one) and writes
 * into w in w's own type.
 */
public final class Orthogonal implements Initializer {

    private final double gain;

    public Orthogonal() {
        this(1);
    }

    public Orthogonal(double gain) {
        this.gain = Check.nonNegative("gain", gain);
    }

    public double gain() {
        return gain;
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        if (w.rank() < 2) throw new IllegalArgumentException("w must have at least 2 dimensions, got shape "
                + java.util.Arrays.toString(w.shape()));
        if (w.isEmpty()) throw new IllegalArgumentException("w must have at least one element, got shape "
                + java.util.Arrays.toString(w.shape()));
        int rows = (int) w.size(0);
        int cols = (int) (w.length() / rows);
        boolean wide = rows < cols;
        int n = wide ? cols : rows;
        int k = wide ? rows : cols;
        INDArray gaussian = Nd4j.createUninitialized(DataType.DOUBLE, k, n);   // row j is column a_j of A
        Draw.normal(gaussian, 0, 1, rng);
        double[][] q = gaussian.toDoubleMatrix();
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < j; i++) subtract(q[j], dot(q[i], q[j]), q[i]);
            scale(q[j], 1 / Math.sqrt(dot(q[j], q[j])));
        }
        for (double[] column : q) scale(column, gain);
        INDArray columns = Nd4j.create(q);                   // (k × n): row j is column q_j
        INDArray matrix = wide ? columns : columns.transpose();
        w.assign(matrix.castTo(w.dataType()).reshape(w.shape()));
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    /** x ← x − c·y */
    private static void subtract(double[] x, double c, double[] y) {
        for (int i = 0; i < x.length; i++) x[i] -= c * y[i];
    }

    private static void scale(double[] x, double c) {
        for (int i = 0; i < x.length; i++) x[i] *= c;
    }

    @Override
    public String toString() {
        return "Orthogonal gain·Q, QᵀQ = I (gain=" + Check.number(gain) + ")";
    }
}
