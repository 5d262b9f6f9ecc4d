package descent.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Input normalisation per feature j, fitted on the training set and applied unchanged to the
 * test set (fitting on test data would leak it into training):
 *
 * <pre>
 *   x'_j = (x_j − shift_j) / scale_j
 *   z-score:  shift_j = μ_j   (mean),    scale_j = σ_j          (population standard deviation)
 *   min-max:  shift_j = min_j,           scale_j = max_j − min_j  (maps the training range to [0, 1])
 * </pre>
 *
 * A constant feature (σ_j = 0, or max_j = min_j, e.g. a pixel in the corner of every MNIST image)
 * would divide by zero: its scale is taken as 1, so it becomes 0, as in scikit-learn's
 * {@code StandardScaler} and {@code MinMaxScaler}.
 *
 * <p>{@code transform} returns new arrays and leaves its input as it was.
 *
 * <pre>{@code
 * Normalizer norm = Normalizer.zScore().fit(mnist.train());
 * DataSet train = norm.transform(mnist.train()), test = norm.transform(mnist.test());
 * }</pre>
 */
public final class Normalizer {

    private final boolean zScore;
    private double[] shift;
    private double[] scale;

    private Normalizer(boolean zScore) {
        this.zScore = zScore;
    }

    /** x' = (x − μ) / σ per feature: mean 0 and standard deviation 1 on the training set. */
    public static Normalizer zScore() {
        return new Normalizer(true);
    }

    /** x' = (x − min) / (max − min) per feature: the training set's range mapped to [0, 1]. */
    public static Normalizer minMax() {
        return new Normalizer(false);
    }

    /**
     * Learns shift and scale of every column of {@code x} (n × d, FLOAT or DOUBLE); returns this
     * normaliser. Sums run in double precision over the array's memory: ND4J's own FLOAT
     * reductions drift on large arrays (the mean of Fashion-MNIST's 47 million pixels comes out
     * 1% off).
     */
    public Normalizer fit(INDArray x) {
        if (x.rank() != 2 || x.rows() < 1) {
            throw new IllegalArgumentException("x must be a matrix with at least one row, got shape "
                    + Arrays.toString(x.shape()));
        }
        if (x.dataType() != DataType.FLOAT && x.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("x must be FLOAT or DOUBLE, got " + x.dataType());
        }
        INDArray rows = x.isView() || x.ordering() != 'c' ? x.dup('c') : x;
        ByteBuffer data = DataSet.buffer(rows);
        DataType type = rows.dataType();
        int n = (int) rows.rows(), d = (int) rows.columns();
        double[] newShift = new double[d], newScale = new double[d];
        if (zScore) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    newShift[j] += DataSet.get(data, type, (long) i * d + j);
                }
            }
            for (int j = 0; j < d; j++) {
                newShift[j] /= n;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double deviation = DataSet.get(data, type, (long) i * d + j) - newShift[j];
                    newScale[j] += deviation * deviation;
                }
            }
            for (int j = 0; j < d; j++) {
                newScale[j] = Math.sqrt(newScale[j] / n);
            }
        } else {
            double[] max = new double[d];
            Arrays.fill(newShift, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double v = DataSet.get(data, type, (long) i * d + j);
                    newShift[j] = Math.min(newShift[j], v);
                    max[j] = Math.max(max[j], v);
                }
            }
            for (int j = 0; j < d; j++) {
                newScale[j] = max[j] - newShift[j];
            }
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(newShift[j]) || !Double.isFinite(newScale[j])) {
                throw new IllegalArgumentException("x must be finite; column " + j + " gives shift " + newShift[j]
                        + ", scale " + newScale[j]);
            }
            if (newScale[j] == 0) {
                newScale[j] = 1;
            }
        }
        shift = newShift;
        scale = newScale;
        return this;
    }

    /** Learns from the features of {@code train}; returns this normaliser. */
    public Normalizer fit(DataSet train) {
        return fit(train.features());
    }

    /** A new array (x − shift) / scale, same type as {@code x}. */
    public INDArray transform(INDArray x) {
        if (shift == null) {
            throw new IllegalStateException("call fit(train) before transform");
        }
        if (x.rank() != 2 || x.columns() != shift.length) {
            throw new IllegalArgumentException("x must have the " + shift.length + " columns seen by fit, got shape "
                    + Arrays.toString(x.shape()));
        }
        DataType type = x.dataType();
        return x.subRowVector(Nd4j.createFromArray(shift).castTo(type))
                .diviRowVector(Nd4j.createFromArray(scale).castTo(type));
    }

    /** A new data set with normalised features and the same labels. */
    public DataSet transform(DataSet data) {
        return data.withFeatures(transform(data.features()));
    }

    /** shift_j: μ_j for z-score, min_j for min-max (a copy). */
    public double[] shift() {
        return shift == null ? null : shift.clone();
    }

    /** scale_j: σ_j for z-score, max_j − min_j for min-max, 1 where that is 0 (a copy). */
    public double[] scale() {
        return scale == null ? null : scale.clone();
    }

    @Override
    public String toString() {
        return (zScore ? "z-score" : "min-max") + " normaliser" + (shift == null ? ", not fitted" : " of " + shift.length + " features");
    }
}
