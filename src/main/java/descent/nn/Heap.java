package descent.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between an array's native memory and plain Java {@code double[]}.
 *
 * <p>Why: an ND4J elementwise call costs 7–15 µs, and a scalar loop over native memory is not
 * vectorised by the JIT. A bulk copy is a memcpy, and a loop over a Java array is vectorised. So
 * every layer copies its input to the heap once, does its elementwise work in plain loops, and
 * copies the result back. FLOAT arrays are widened to double on the way in and rounded on the way
 * out; DOUBLE arrays are copied as they are.
 */
final class Heap {

    private static final ThreadLocal<float[]> FLOATS = ThreadLocal.withInitial(() -> new float[0]);

    private Heap() {
    }

    /** Copies the elements of {@code a} (row-major) into {@code dst}, grown if too short. */
    static double[] read(INDArray a, double[] dst) {
        int n = (int) a.length();
        double[] out = grow(dst, n);
        if (a.dataType() == DataType.DOUBLE) {
            bytes(a).asDoubleBuffer().get(out, 0, n);
        } else {
            float[] f = read(a, floats(n));
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        }
        return out;
    }

    /** Copies {@code src[0..a.length())} into the elements of {@code a} (row-major). */
    static void write(double[] src, INDArray a) {
        int n = (int) a.length();
        if (a.dataType() == DataType.DOUBLE) {
            bytes(a).asDoubleBuffer().put(src, 0, n);
        } else {
            float[] f = floats(n);
            for (int i = 0; i < n; i++) {
                f[i] = (float) src[i];
            }
            write(f, a);
        }
    }

    /** A growable heap array of length ≥ n (the same one when long enough). */
    static double[] grow(double[] a, int n) {
        return a != null && a.length >= n ? a : new double[n];
    }

    /** The elements of a FLOAT array {@code a} (row-major) in {@code dst}, grown if too short. */
    static float[] read(INDArray a, float[] dst) {
        int n = (int) a.length();
        float[] out = grow(dst, n);
        bytes(a).asFloatBuffer().get(out, 0, n);
        return out;
    }

    /** Copies {@code src[0..a.length())} into the elements of FLOAT array {@code a} (row-major). */
    static void write(float[] src, INDArray a) {
        bytes(a).asFloatBuffer().put(src, 0, (int) a.length());
    }

    /** A growable heap array of length ≥ n (the same one when long enough). */
    static float[] grow(float[] a, int n) {
        return a != null && a.length >= n ? a : new float[n];
    }

    /** True when every element of the FLOAT or DOUBLE array {@code a} (row-major) is finite. */
    static boolean allFinite(INDArray a) {
        int n = (int) a.length();
        if (a.dataType() == DataType.FLOAT) {
            FloatBuffer f = bytes(a).asFloatBuffer();
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(f.get(i))) {
                    return false;
                }
            }
        } else {
            DoubleBuffer d = bytes(a).asDoubleBuffer();
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(d.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The native bytes of {@code a}, positioned at its first element. */
    private static ByteBuffer bytes(INDArray a) {
        // A vector (n × 1, say a view of a label column) has one element order whatever its flag.
        boolean rowMajor = a.ordering() == 'c' || a.isVectorOrScalar();
        if (!rowMajor || (a.length() > 1 && a.elementWiseStride() != 1)) {
            throw new IllegalArgumentException("array must be contiguous in row-major order, got "
                    + a.shapeInfoToString());
        }
        ByteBuffer all = a.data().asNio().order(ByteOrder.nativeOrder());
        int size = a.dataType().width();
        all.position((int) (a.offset() * size)).limit((int) ((a.offset() + a.length()) * size));
        return all.slice().order(ByteOrder.nativeOrder());
    }

    private static float[] floats(int n) {
        float[] f = FLOATS.get();
        if (f.length < n) {
            f = new float[n];
            FLOATS.set(f);
        }
        return f;
    }
}
