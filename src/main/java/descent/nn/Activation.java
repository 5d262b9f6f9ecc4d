package descent.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An elementwise activation y = f(z), applied to every entry of the batch.
 *
 * <p>Backward is one line of the chain rule: ∂L/∂z = ∂L/∂y · f′(z). Each activation gives f and
 * its derivative f′, which may use the output y = f(z) where that is the cheaper form
 * (σ′ = y(1 − y), tanh′ = 1 − y²). The loops run over Java arrays (see {@link Heap}): float[] for
 * a FLOAT network (f is computed in double and rounded once), double[] for a DOUBLE one.
 */
public abstract class Activation implements Layer {

    private INDArray y, dz;
    private double[] zs, ys, gs;
    private float[] zf, yf, gf;

    /** f(z). */
    protected abstract double f(double z);

    /** f′(z), given z and y = f(z). */
    protected abstract double df(double z, double y);

    @Override
    public final INDArray forward(INDArray z, boolean training) {
        int n = (int) z.length();
        y = Views.reuse(y, z, z.rows(), z.columns());
        if (z.dataType() == DataType.FLOAT) {
            zf = Heap.read(z, zf);
            yf = Heap.grow(yf, n);
            for (int i = 0; i < n; i++) {
                yf[i] = (float) f(zf[i]);                               // y = f(z)
            }
            Heap.write(yf, y);
        } else {
            zs = Heap.read(z, zs);
            ys = Heap.grow(ys, n);
            for (int i = 0; i < n; i++) {
                ys[i] = f(zs[i]);                                       // y = f(z)
            }
            Heap.write(ys, y);
        }
        return y;
    }

    @Override
    public final INDArray backward(INDArray dy) {
        int n = (int) dy.length();
        dz = Views.reuse(dz, dy, dy.rows(), dy.columns());
        if (dy.dataType() == DataType.FLOAT) {
            gf = Heap.read(dy, gf);
            for (int i = 0; i < n; i++) {
                gf[i] *= (float) df(zf[i], yf[i]);                      // ∂L/∂z = ∂L/∂y · f′(z)
            }
            Heap.write(gf, dz);
        } else {
            gs = Heap.read(dy, gs);
            for (int i = 0; i < n; i++) {
                gs[i] *= df(zs[i], ys[i]);                              // ∂L/∂z = ∂L/∂y · f′(z)
            }
            Heap.write(gs, dz);
        }
        return dz;
    }

    @Override
    public final INDArray output() {
        return y;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
