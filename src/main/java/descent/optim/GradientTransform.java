package descent.optim;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A wrapper that rewrites the gradient and hands it to the optimizer it wraps (Optax's chain of
 * gradient transformations). The caller's grad is never written: the rewritten gradient goes
 * into a buffer of grad's shape and type, allocated on the first step and reused. Subclasses
 * write {@link #transform(int)} over one block of the plain arrays {@link #theta} (read only) and
 * {@link #g} (rewritten in place).
 */
abstract class GradientTransform implements Optimizer {
    final Optimizer inner;
    protected final double[] theta = new double[Flat.BLOCK];
    protected final double[] g = new double[Flat.BLOCK];
    private final float[] spare = new float[Flat.BLOCK];
    private Flat thetaFlat, gradFlat, bufferFlat;

    GradientTransform(Optimizer inner) {
        if (inner == null) throw new IllegalArgumentException("inner optimizer must not be null, got null");
        this.inner = inner;
    }

    /** Called once per step before the blocks, e.g. to compute a norm over all of grad. */
    protected void begin(Flat theta, Flat grad) {}

    /** Rewrites g[0..n) (θ's block is in theta[0..n)). */
    protected abstract void transform(int n);

    /** Called after the inner step succeeded. */
    protected void end() {}

    @Override
    public void step(INDArray theta, INDArray grad) {
        Flat.checkPair(theta, grad);
        thetaFlat = Flat.of(theta, thetaFlat);
        gradFlat = Flat.of(grad, gradFlat);
        INDArray buffer = bufferFlat == null ? null : bufferFlat.array;
        if (buffer == null || buffer.dataType() != grad.dataType() || !Arrays.equals(buffer.shape(), grad.shape())) {
            bufferFlat = new Flat(Nd4j.create(grad.dataType(), grad.shape()));
        }
        begin(thetaFlat, gradFlat);
        readTransformWrite();
        inner.step(theta, bufferFlat.array);
        end();
    }

    private void readTransformWrite() {
        for (int from = 0; from < gradFlat.length(); from += Flat.BLOCK) {
            int n = Math.min(Flat.BLOCK, gradFlat.length() - from);
            thetaFlat.read(from, theta, n, spare);
            gradFlat.read(from, g, n, spare);
            transform(n);
            bufferFlat.write(from, g, n, spare);
        }
    }

    /** Σ over all of {@code a} of its squared elements, in double. */
    final double sumOfSquares(Flat a) {
        double sum = 0;
        for (int from = 0; from < a.length(); from += Flat.BLOCK) {
            int n = Math.min(Flat.BLOCK, a.length() - from);
            a.read(from, g, n, spare);
            for (int i = 0; i < n; i++) sum += g[i] * g[i];
        }
        return sum;
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public void setLearningRate(double lr) {
        inner.setLearningRate(lr);
    }

    @Override
    public void reset() {
        inner.reset();
    }
}
