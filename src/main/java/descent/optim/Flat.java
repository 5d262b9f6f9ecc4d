package descent.optim;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The machinery behind every optimizer and wrapper: a flat FLOAT or DOUBLE INDArray walked in
 * blocks of {@link #BLOCK} elements, each block bulk-copied from the array's native buffer into a
 * reused {@code float[]} or {@code double[]} and back (FloatBuffer/DoubleBuffer bulk get/put are
 * memory copies). The update rules are then plain loops over plain arrays, which the JIT
 * vectorises; a loop over the native buffer itself is not vectorised (3.1 ns vs 0.6 ns per
 * parameter for Adam on this machine).
 *
 * <p>Nothing is converted: a FLOAT array is copied to float[] and computed in float. (Widening
 * float blocks to double[] would let each rule be written once, but Java 17's JIT does not
 * vectorise float↔double conversion loops: measured, that made a FLOAT Adam step several times
 * slower than its memory-bandwidth floor.) Arrays must be contiguous (element-wise stride 1, as a
 * flat parameter vector and its views are) and hold fewer than 2³¹ elements.
 */
final class Flat {
    /** Elements per block: 8,192 (32 KiB of floats, 64 KiB of doubles per array), so a block of
     *  θ, g and up to three state vectors stays in the core's cache between the copy in, the rule
     *  and the copy out (measured best of 1,024 to 65,536 for Adam on 10⁷ floats). */
    static final int BLOCK = 8192;

    /** Each thread's two block buffers (θ's and g's), of each type. */
    private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[2][BLOCK]);
    private static final ThreadLocal<double[][]> DOUBLES = ThreadLocal.withInitial(() -> new double[2][BLOCK]);

    final INDArray array;
    private final int length;
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;

    Flat(INDArray array) {
        this.array = array;
        this.length = (int) array.length();
        var bytes = array.data().asNio().order(ByteOrder.nativeOrder());
        int offset = (int) array.offset();
        if (array.dataType() == DataType.FLOAT) {
            floats = bytes.asFloatBuffer().position(offset).slice();
            doubles = null;
        } else {
            doubles = bytes.asDoubleBuffer().position(offset).slice();
            floats = null;
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

    /** This thread's block buffer number {@code slot} (0 or 1) of floats. */
    static float[] floats(int slot) {
        return FLOATS.get()[slot];
    }

    /** This thread's block buffer number {@code slot} (0 or 1) of doubles. */
    static double[] doubles(int slot) {
        return DOUBLES.get()[slot];
    }

    /** dst[0..n) ← array[from..from+n) of a DOUBLE array. */
    void read(int from, double[] dst, int n) {
        doubles.get(from, dst, 0, n);
    }

    /** dst[0..n) ← array[from..from+n) of a FLOAT array. */
    void read(int from, float[] dst, int n) {
        floats.get(from, dst, 0, n);
    }

    /** array[from..from+n) ← src[0..n) of a DOUBLE array. */
    void write(int from, double[] src, int n) {
        doubles.put(from, src, 0, n);
    }

    /** array[from..from+n) ← src[0..n) of a FLOAT array. */
    void write(int from, float[] src, int n) {
        floats.put(from, src, 0, n);
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
        if (a.length() > Integer.MAX_VALUE - BLOCK) {
            throw new IllegalArgumentException(name + " must have fewer than 2^31 elements, got " + a.length());
        }
        if (a.length() > 1 && a.elementWiseStride() != 1) {
            throw new IllegalArgumentException(name + " must be contiguous (element-wise stride 1), got stride "
                    + a.elementWiseStride() + "; pass a dup()");
        }
    }
}
