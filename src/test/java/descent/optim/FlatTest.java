package descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link Flat#finite(int)} reads exponent bits in place; it must agree with Double.isFinite everywhere. */
class FlatTest {

    static final List<DataType> TYPES = List.of(DataType.FLOAT, DataType.DOUBLE);
    /** Odd and even lengths, one element, a block and one more, several blocks. */
    static final int[] LENGTHS = {1, 2, 3, Flat.BLOCK - 1, Flat.BLOCK, Flat.BLOCK + 1, 3 * Flat.BLOCK + 5};

    /** An array of {@code n} ones, starting at element {@code offset} of a larger buffer (a view). */
    static INDArray ones(DataType type, int n, int offset) {
        INDArray whole = Nd4j.ones(type, n + offset);
        return offset == 0 ? whole : whole.get(NDArrayIndex.interval(offset, n + offset));
    }

    /** The reference: each block's elements one by one. */
    static boolean finiteOneByOne(INDArray a, int block) {
        for (long i = (long) block * Flat.BLOCK; i < Math.min((block + 1L) * Flat.BLOCK, a.length()); i++) {
            if (!Double.isFinite(a.getDouble(i))) return false;
        }
        return true;
    }

    @Test
    void everyNonFiniteValueIsFoundAtEveryKindOfPosition() {
        for (DataType type : TYPES) {
            for (int n : LENGTHS) {
                for (int offset : new int[] {0, 1}) {               // a view starting mid-word
                    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                        for (int at : new int[] {0, 1, n / 2, n - 2, n - 1, Flat.BLOCK - 1, Flat.BLOCK}) {
                            if (at < 0 || at >= n) continue;
                            INDArray a = ones(type, n, offset);
                            a.putScalar(at, bad);
                            Flat flat = new Flat(a);
                            for (int b = 0; b < Flat.blocks(n); b++) {
                                assertEquals(finiteOneByOne(a, b), flat.finite(b),
                                        type + " n=" + n + " offset=" + offset + " " + bad + " at " + at + ", block " + b);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void theExtremesOfFiniteValuesPass() {
        double[] extremes = {Double.MAX_VALUE, -Double.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Double.MIN_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, -0.0, 0.0, 1e-310};
        for (DataType type : TYPES) {
            for (int offset : new int[] {0, 1}) {
                INDArray a = ones(type, extremes.length, offset);
                for (int i = 0; i < extremes.length; i++) {
                    // Double.MAX_VALUE overflows to ∞ in a FLOAT array; keep the float's own extremes there
                    double x = type == DataType.FLOAT && Math.abs(extremes[i]) > Float.MAX_VALUE ? Math.signum(extremes[i]) * Float.MAX_VALUE : extremes[i];
                    a.putScalar(i, x);
                }
                assertEquals(true, new Flat(a).finite(0), type + " offset " + offset + ": " + a);
            }
        }
    }
}
