package descent.nn;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import descent.cores.Cores;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One matrix product site of a layer, C ← op(A)·op(B) + β·C, run by the OpenBLAS that ND4J ships
 * and split among the cores.
 *
 * <p>Why not {@code Nd4j.gemm}: it costs ≈17 µs per call before any arithmetic (a third of a
 * 64×200×10 product's time), and it can only use OpenBLAS's own threads, which spin against
 * ND4J's (see {@link Cores}). Here the arrays' native addresses go straight to {@code cblas_sgemm}
 * or {@code cblas_dgemm}, and a large product is cut into bands of C — row bands, or column bands
 * when C is wider than tall — one per core, each an ordinary gemm on a sub-matrix (same leading
 * dimensions, shifted start). The bands follow the number of cores, not the threads that happen
 * to run them, so a product is reproducible run after run; with another number of cores it may
 * differ in the last bits, as OpenBLAS rounds the columns at a band's edge in another order.
 *
 * <p>All three arrays must have one type (FLOAT or DOUBLE) and be row-major with unit column
 * stride, as a network's activations and its views of θ are. A site is used by one thread at a
 * time, like the layer that owns it.
 */
final class Gemm {

    /** Products smaller than this many multiply-adds (≈30 µs) run on one core. */
    static final long SPLIT_ABOVE = 1 << 20;

    private final boolean transA, transB;
    private INDArray a, b, c;
    private double beta;
    private int m, n, k, bands;
    private boolean byRows;
    /** A pointer per band and operand, re-aimed at each call instead of allocated. */
    private FloatAt[][] floats = new FloatAt[0][];
    private DoubleAt[][] doubles = new DoubleAt[0][];
    private final Cores.Pieces band = this::band;

    /** A site computing op(A)·op(B), op = transpose where asked. */
    Gemm(boolean transA, boolean transB) {
        this.transA = transA;
        this.transB = transB;
    }

    /** C ← op(A)·op(B) + β·C. */
    void multiply(INDArray a, INDArray b, INDArray c, double beta) {
        check(a, "a");
        check(b, "b");
        check(c, "c");
        if (b.dataType() != a.dataType() || c.dataType() != a.dataType()) {
            throw new IllegalArgumentException("a, b and c must have one data type, got " + a.dataType() + ", "
                    + b.dataType() + ", " + c.dataType());
        }
        this.a = a;
        this.b = b;
        this.c = c;
        this.beta = beta;
        m = (int) c.rows();
        n = (int) c.columns();
        k = (int) (transA ? a.rows() : a.columns());
        if ((transA ? a.columns() : a.rows()) != m || (transB ? b.rows() : b.columns()) != n
                || (transB ? b.columns() : b.rows()) != k) {
            throw new IllegalArgumentException("shapes do not multiply: op(a) " + shape(a, transA) + " · op(b) "
                    + shape(b, transB) + " → c " + m + "×" + n);
        }
        byRows = m >= n;
        bands = (long) m * n * k < SPLIT_ABOVE ? 1 : Math.min(Cores.count(), byRows ? m : n);
        if (floats.length < bands) {
            floats = new FloatAt[bands][];
            doubles = new DoubleAt[bands][];
            for (int i = 0; i < bands; i++) {
                floats[i] = new FloatAt[] {new FloatAt(), new FloatAt(), new FloatAt()};
                doubles[i] = new DoubleAt[] {new DoubleAt(), new DoubleAt(), new DoubleAt()};
            }
        }
        Cores.run(band, bands);
        this.a = this.b = this.c = null;
    }

    /** Band p of C: rows (or columns) [from, to), with A's rows or B's columns to match. */
    private void band(int p) {
        int size = byRows ? m : n, from = (int) ((long) size * p / bands), to = (int) ((long) size * (p + 1) / bands);
        int lda = leading(a), ldb = leading(b), ldc = leading(c);
        long aShift = 0, bShift = 0, cShift;
        if (byRows) {                                   // rows of C ← rows of op(A)
            aShift = transA ? from : (long) from * lda;
            cShift = (long) from * ldc;
        } else {                                        // columns of C ← columns of op(B)
            bShift = transB ? (long) from * ldb : from;
            cShift = from;
        }
        int rows = byRows ? to - from : m, cols = byRows ? n : to - from;
        int ta = transA ? CblasTrans : CblasNoTrans, tb = transB ? CblasTrans : CblasNoTrans;
        if (c.dataType() == DataType.FLOAT) {
            FloatAt[] f = floats[p];
            cblas_sgemm(CblasRowMajor, ta, tb, rows, cols, k, 1f, f[0].at(a, aShift), lda,
                    f[1].at(b, bShift), ldb, (float) beta, f[2].at(c, cShift), ldc);
        } else {
            DoubleAt[] d = doubles[p];
            cblas_dgemm(CblasRowMajor, ta, tb, rows, cols, k, 1, d[0].at(a, aShift), lda,
                    d[1].at(b, bShift), ldb, beta, d[2].at(c, cShift), ldc);
        }
    }

    private static void check(INDArray x, String name) {
        if (x.dataType() != DataType.FLOAT && x.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException(name + " must be FLOAT or DOUBLE, got " + x.dataType());
        }
        if (x.rank() != 2 || x.stride(1) != 1 && x.columns() > 1) {
            throw new IllegalArgumentException(name + " must be a row-major matrix with unit column stride, got "
                    + x.shapeInfoToString());
        }
    }

    private static String shape(INDArray x, boolean transposed) {
        return transposed ? x.columns() + "×" + x.rows() : x.rows() + "×" + x.columns();
    }

    /** The distance between rows, at least a row's length (as BLAS asks even of a single row). */
    private static int leading(INDArray x) {
        return (int) Math.max(x.stride(0), x.columns());
    }

    /** The native address of element {@code shift} after x's first element. */
    private static long addressOf(INDArray x, long shift) {
        return x.data().address() + (x.offset() + shift) * x.dataType().width();
    }

    /*
     * Native pointers that can be aimed anew without allocating: JavaCPP keeps a pointer's
     * address in a protected field, and a gemm needs three per band per call.
     */
    private static final class FloatAt extends FloatPointer {
        FloatAt at(INDArray x, long shift) {
            address = addressOf(x, shift);
            return this;
        }
    }

    private static final class DoubleAt extends DoublePointer {
        DoubleAt at(INDArray x, long shift) {
            address = addressOf(x, shift);
            return this;
        }
    }
}
