package descent.nn;

import descent.init.Fans;
import descent.init.Initializer;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * A fully connected layer: y = x·W + b, with W of shape (in, out) and b of length out.
 *
 * <p>Backward, by the chain rule with ∂y/∂W = xᵀ and ∂y/∂x = Wᵀ:
 * <pre>
 *   ∂L/∂W = xᵀ · ∂L/∂y        ∂L/∂b = Σ_rows ∂L/∂y        ∂L/∂x = ∂L/∂y · Wᵀ
 * </pre>
 * The three matrix products run as BLAS gemm calls straight into preallocated arrays (∂L/∂W into
 * the gradient's view), large ones split among the cores ({@link Gemm}). The first layer of a network skips ∂L/∂x: its input is data, so nobody
 * needs it (PyTorch skips it for the same reason). Fans for the initializer: fanIn = in,
 * fanOut = out. The bias starts at zero.
 */
public final class Dense implements Layer {

    private final int in;
    private final int out;
    private Initializer init;
    private INDArray w, b, dw, db;
    private INDArray x, y, dx;
    private double[] bRow, dbRow, yRows, dyRows;
    private final Gemm xW = new Gemm(false, false), xTdy = new Gemm(true, false), dyWT = new Gemm(false, true);
    /** False for a network's first layer: the data's ∂L/∂x is not needed. */
    boolean inputGradient = true;

    /** A dense layer whose weights the network initialises (He before ReLU, Xavier otherwise). */
    public Dense(int in, int out) {
        this(in, out, null);
    }

    /** A dense layer whose weights start from {@code init}. */
    public Dense(int in, int out, Initializer init) {
        if (in < 1) {
            throw new IllegalArgumentException("in must be >= 1, got " + in);
        }
        if (out < 1) {
            throw new IllegalArgumentException("out must be >= 1, got " + out);
        }
        this.in = in;
        this.out = out;
        this.init = init;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        requireBound();
        if (x.rank() != 2 || x.columns() != in || x.rows() < 1) {
            throw new IllegalArgumentException("x must be (batch >= 1, " + in + "), got "
                    + java.util.Arrays.toString(x.shape()));
        }
        this.x = x.stride(1) == 1 || x.columns() == 1 ? x : x.dup('c');   // BLAS reads rows
        int n = (int) x.rows();
        y = Views.reuse(y, w, n, out);
        bRow = Heap.read(b, bRow);
        yRows = Heap.grow(yRows, n * out);
        for (int r = 0; r < n; r++) {
            System.arraycopy(bRow, 0, yRows, r * out, out);            // y ← b (every row)
        }
        Heap.write(yRows, y);
        xW.multiply(this.x, w, y, 1);                                       // y ← x·W + y
        return y;
    }

    @Override
    public INDArray backward(INDArray dy) {
        requireBound();
        if (x == null) {
            throw new IllegalStateException(this + ": backward needs a forward first");
        }
        int n = (int) dy.rows();
        xTdy.multiply(x, dy, dw, 0);                                   // ∂L/∂W = xᵀ·∂L/∂y
        dyRows = Heap.read(dy, dyRows);
        dbRow = Heap.grow(dbRow, out);
        java.util.Arrays.fill(dbRow, 0, out, 0.0);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < out; j++) {
                dbRow[j] += dyRows[r * out + j];                        // ∂L/∂b = Σ_rows ∂L/∂y
            }
        }
        Heap.write(dbRow, db);
        if (!inputGradient) {
            return null;
        }
        dx = Views.reuse(dx, w, n, in);
        dyWT.multiply(dy, w, dx, 0);                                   // ∂L/∂x = ∂L/∂y·Wᵀ
        return dx;
    }

    @Override
    public INDArray output() {
        return y;
    }

    @Override
    public int outputSize(int inputSize) {
        return out;
    }

    @Override
    public long parameterCount() {
        return (long) in * out + out;
    }

    @Override
    public void bind(INDArray theta, INDArray grad, long offset) {
        w = Views.matrix(theta, offset, in, out);
        dw = Views.matrix(grad, offset, in, out);
        b = Views.row(theta, offset + (long) in * out, out);
        db = Views.row(grad, offset + (long) in * out, out);
    }

    @Override
    public void init(Random rng) {
        requireBound();
        Objects.requireNonNull(init, "the initializer (set by the network or the constructor)");
        Fans fans = Fans.dense(in, out);                               // fanIn = in, fanOut = out
        init.init(w, fans.fanIn(), fans.fanOut(), rng);
        b.assign(0);
    }

    /** The weights W (in, out), a view into θ. */
    public INDArray weights() {
        return w;
    }

    /** The bias b (1, out), a view into θ. */
    public INDArray bias() {
        return b;
    }

    /** ∂L/∂W, a view into the gradient. */
    public INDArray weightGradient() {
        return dw;
    }

    /** ∂L/∂b, a view into the gradient. */
    public INDArray biasGradient() {
        return db;
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    /** The initializer of W, or {@code null} until the network picks the default. */
    public Initializer initializer() {
        return init;
    }

    private void requireBound() {
        if (w == null) {
            throw new IllegalStateException(this + " has no weights yet: a layer gets them from its network,"
                    + " e.g. Network.of(new Dense(" + in + ", " + out + "), ...).build()");
        }
    }

    void defaultInitializer(Initializer byActivation) {
        if (init == null) {
            init = byActivation;
        }
    }

    @Override
    public String toString() {
        return "Dense(" + in + " → " + out + ")";
    }
}
