package descent.optim;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A flat FLOAT or DOUBLE INDArray as {@link Walk} reads it: in blocks of {@link #BLOCK} elements,
 * each block bulk-copied from the array's native buffer into a reused {@code float[]} or
 * {@code double[]} and back (FloatBuffer/DoubleBuffer bulk get/put are
 * memory copies). The update rules are then plain loops over plain arrays, which the JIT
 * vectorises; a loop over the native buffer itself is not vectorised (3.1 ns vs 0.6 ns per
 * parameter for Adam on this machine).
 *
 * <p>Nothing is converted: a FLOAT array is copied to float[] and computed in float. (Widening
 * float blocks to double[] would let one compiled rule serve both types, but Java 17's JIT does
 * not vectorise float↔double conversion loops: measured, that made a FLOAT Adam step several
 * times slower than its memory-bandwidth floor. So each rule's float twin is generated from its
 * double text instead, see tools/FloatRules.java.) Arrays must be contiguous (element-wise stride 1, as a
 * flat parameter vector and its views are) and hold fewer than 2³¹ elements.
 */
final class Flat {
    /** Elements per block: 8,192 (32 KiB of floats, 64 KiB of doubles per array), so a block of
     *  θ, g and up to three state vectors stays in the core's cache between the copy in, the rule
     *  and the copy out (measured best of 1,024 to 65,536 for Adam on 10⁷ floats). */
    static final int BLOCK = 8192;

    final INDArray array;
    private final int length;
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;
    /** The same bytes as 64-bit words for {@link #finite}: one DOUBLE's bits, or two FLOATs' side by side. */
    private final LongBuffer words;
    /** In a word: the exponent bits of each value in it (11 of a double, 8 of a float), the lowest
     *  of those, and the sign bits just above them. */
    private final long exponents, lowestExponentBits, signs;

    Flat(INDArray array) {
        this.array = array;
        this.length = (int) array.length();
        var bytes = array.data().asNio().order(ByteOrder.nativeOrder());
        int offset = (int) array.offset();
        if (array.dataType() == DataType.FLOAT) {
            floats = bytes.asFloatBuffer().position(offset).slice();
            doubles = null;
            words = bytes.slice(offset * Float.BYTES, length * Float.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
            exponents = 0x7F80_0000_7F80_0000L;
            lowestExponentBits = 0x0080_0000_0080_0000L;
            signs = 0x8000_0000_8000_0000L;
        } else {
            doubles = bytes.asDoubleBuffer().position(offset).slice();
            floats = null;
            words = bytes.slice(offset * Double.BYTES, length * Double.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
            exponents = 0x7FF0_0000_0000_0000L;
            lowestExponentBits = 0x0010_0000_0000_0000L;
            signs = 0x8000_0000_0000_0000L;
        }
    }

    int length() {
        return length;
    }

    /** The number of blocks of an array of {@code length} elements. */
    static int blocks(int length) {
        return (length + BLOCK - 1) / BLOCK;
    }

    /** The length of block b of an array of {@code length} elements (the last may be short). */
    static int blockLength(int b, int length) {
        return Math.min(BLOCK, length - b * BLOCK);
    }

    /** {@code cached} if it has a's type and shape, else a new array of a's type and shape. */
    static INDArray like(INDArray a, INDArray cached) {
        return cached != null && cached.dataType() == a.dataType() && sameShape(cached, a)
                ? cached : Nd4j.create(a.dataType(), a.shape());
    }

    /** dst[0..n) ← array[from..from+n); dst is a double[] for a DOUBLE array, a float[] for FLOAT. */
    void read(int from, Object dst, int n) {
        if (doubles != null) doubles.get(from, (double[]) dst, 0, n); else floats.get(from, (float[]) dst, 0, n);
    }

    /**
     * Whether block b of the array holds no NaN and no infinity, read in place, without a copy.
     * Those values, and only those, have every exponent bit set, so adding the lowest exponent bit
     * carries into the sign bit: the loop ORs (word ∧ exponents) + lowest exponent bits over the
     * block's words, and a sign bit set in the result marks a non-finite value. Integer operations
     * on the native buffer compile to a tight loop: 0.14 ns per float on one core here, against
     * 0.37 for copying the block to the heap and checking it there. A FLOAT array of odd length
     * has its last element checked on its own.
     */
    boolean finite(int b) {
        int perWord = floats != null ? 2 : 1;
        int end = Math.min((b + 1) * BLOCK, length);
        long carries = 0;
        for (int i = b * BLOCK / perWord; i < end / perWord; i++) carries |= (words.get(i) & exponents) + lowestExponentBits;
        return (carries & signs) == 0 && (end % perWord == 0 || Float.isFinite(floats.get(end - 1)));
    }

    /** array[from..from+n) ← src[0..n); src is a double[] for a DOUBLE array, a float[] for FLOAT. */
    void write(int from, Object src, int n) {
        if (doubles != null) doubles.put(from, (double[]) src, 0, n); else floats.put(from, (float[]) src, 0, n);
    }

    /** The Flat for {@code a}, reusing {@code cached} when it already wraps that very array. */
    static Flat of(INDArray a, Flat cached) {
        return cached != null && cached.array == a ? cached : new Flat(a);
    }

    /**
     * Refuses θ and g unless both are FLOAT or both DOUBLE, of equal shape, contiguous with the
     * same ordering, and no longer than 2³¹ − 1 elements.
     */
    static void checkPair(INDArray theta, INDArray grad) {
        if (theta == null || grad == null) {
            throw new IllegalArgumentException("theta and grad must not be null, got theta=" + theta + ", grad=" + grad);
        }
        checkOne("theta", theta);
        if (grad.dataType() != theta.dataType()) {
            throw new IllegalArgumentException("grad must have theta's data type " + theta.dataType()
                    + ", got " + grad.dataType());
        }
        if (!sameShape(grad, theta)) {
            throw new IllegalArgumentException("grad must have theta's shape " + java.util.Arrays.toString(theta.shape())
                    + ", got " + java.util.Arrays.toString(grad.shape()));
        }
        checkOne("grad", grad);
        if (theta.rank() > 1 && !theta.isVector() && grad.ordering() != theta.ordering()) {
            throw new IllegalArgumentException("grad must have theta's ordering '" + theta.ordering()
                    + "', got '" + grad.ordering() + "'");
        }
    }

    /** Equal shapes, compared without copying the shape arrays (a step allocates nothing). */
    static boolean sameShape(INDArray a, INDArray b) {
        if (a.rank() != b.rank()) return false;
        for (int d = 0; d < a.rank(); d++) {
            if (a.size(d) != b.size(d)) return false;
        }
        return true;
    }

    /** True if {@code a} has exactly this shape (compared without copying a's shape array). */
    static boolean hasShape(INDArray a, long[] shape) {
        if (a.rank() != shape.length) return false;
        for (int d = 0; d < shape.length; d++) {
            if (a.size(d) != shape[d]) return false;
        }
        return true;
    }

    private static void checkOne(String name, INDArray a) {
        DataType type = a.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException(name + " must be FLOAT or DOUBLE, got " + type);
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException(name + " must have at least one element, got shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        if (a.length() > Integer.MAX_VALUE - BLOCK) {
            throw new IllegalArgumentException(name + " must have fewer than 2^31 elements, got " + a.length());
        }
        if (a.length() > 1 && a.elementWiseStride() != 1) {
            throw new IllegalArgumentException(name + " must be contiguous (element-wise stride 1), got stride "
                    + a.elementWiseStride() + "; pass a dup()");
        }
    }
}
