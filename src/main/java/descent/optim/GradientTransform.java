package descent.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A wrapper that rewrites the gradient and hands it to the optimizer it wraps (Optax's chain of
 * gradient transformations). The caller's grad is never written: the rewritten gradient goes
 * into a buffer of grad's shape and type, allocated on the first step and reused. Subclasses
 * write {@code transform(theta, g, n)}, for double[] and float[] blocks (see
 * {@link ElementwiseOptimizer}), reading θ's block and rewriting g's in place.
 */
abstract class GradientTransform extends Wrapper {
    private Flat thetaFlat, gradFlat, bufferFlat;
    private double[] thetaD, gD;
    private float[] thetaF, gF;

    GradientTransform(Optimizer inner) {
        super(inner);
    }

    /** Called once per step before the blocks, e.g. to compute a norm over all of grad. */
    protected void begin(INDArray theta, INDArray grad) {}

    /** Rewrites g[0..n) of a double block; θ's block is in theta[0..n). */
    protected abstract void transform(double[] theta, double[] g, int n);

    /** Rewrites g[0..n) of a float block; θ's block is in theta[0..n). */
    protected abstract void transform(float[] theta, float[] g, int n);

    /** Called after the wrapped step succeeded. */
    protected void end() {}

    @Override
    public void step(INDArray theta, INDArray grad) {
        Flat.checkPair(theta, grad);
        INDArray buffer = bufferFlat == null ? null : bufferFlat.array;
        if (buffer == null || buffer.dataType() != grad.dataType() || !Flat.sameShape(buffer, grad)) {
            bufferFlat = new Flat(Nd4j.create(grad.dataType(), grad.shape()));
            int block = (int) Math.min(Flat.BLOCK, Math.max(1, grad.length()));
            thetaD = gD = null;
            thetaF = gF = null;
            if (grad.dataType() == DataType.DOUBLE) {
                thetaD = new double[block];
                gD = new double[block];
            } else {
                thetaF = new float[block];
                gF = new float[block];
            }
        }
        thetaFlat = Flat.of(theta, thetaFlat);
        gradFlat = Flat.of(grad, gradFlat);
        begin(theta, grad);
        for (int from = 0; from < gradFlat.length(); from += Flat.BLOCK) {
            int n = Math.min(Flat.BLOCK, gradFlat.length() - from);
            if (thetaD != null) {
                thetaFlat.read(from, thetaD, n);
                gradFlat.read(from, gD, n);
                transform(thetaD, gD, n);
                bufferFlat.write(from, gD, n);
            } else {
                thetaFlat.read(from, thetaF, n);
                gradFlat.read(from, gF, n);
                transform(thetaF, gF, n);
                bufferFlat.write(from, gF, n);
            }
        }
        inner.step(theta, bufferFlat.array);
        end();
    }
}
