package descent.optim;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every optimizer here shares, so that each subclass is just its update rule.
 *
 * <p>A step checks θ and g, creates the state on the first call (vectors of θ's shape and type,
 * named after the lesson's symbols), increments t, lets the subclass compute its per-step scalars
 * in {@link #begin(long)}, then walks θ, g and the state in blocks (see {@link Flat}) and calls
 * the rule on each block: {@code update(theta, g, state, n)} reads and writes plain arrays at
 * indices {@code [0, n)}. The rule is written twice, for double[] and for float[], with the same
 * text: Java has no generics over primitives, and computing float data in double would cost
 * the vectorisation (see {@link Flat}). {@link #sqrt(float)} makes the float text read as the
 * double one.
 *
 * <p>Where torch rounds {@code a + α·b} once (its {@code add_(b, alpha=α)} and {@code addcmul_}
 * are fused multiply-adds on this build) the rules write {@code fma(α, b, a)} = α·b + a in one
 * rounding; elsewhere they write torch's operations in torch's order, so that in double the
 * results equal torch's to the last bit. A non-finite gradient is not checked (that would cost a
 * pass over g): like torch, the step propagates it into θ, and the training loop reports the
 * diverged loss.
 */
abstract class ElementwiseOptimizer implements Optimizer {
    protected double lr;
    /** The number of steps taken, t; the first step runs with t = 1. */
    protected long t;

    private final String[] stateNames;
    private Flat thetaFlat, gradFlat;
    private Flat[] stateFlat;
    private double[] thetaD, gD;
    private double[][] stateD;
    private float[] thetaF, gF;
    private float[][] stateF;

    /** @param stateNames the state vectors this rule keeps, in the order the rule receives them */
    ElementwiseOptimizer(double lr, String... stateNames) {
        this.lr = Check.learningRate(lr);
        this.stateNames = stateNames;
    }

    /** Per-step scalars (bias corrections, decayed rates), computed once before the blocks. */
    protected void begin(long t) {}

    /** The update rule on one block of n doubles. */
    protected abstract void update(double[] theta, double[] g, double[][] state, int n);

    /** The same rule on one block of n floats. */
    protected abstract void update(float[] theta, float[] g, float[][] state, int n);

    /** The value state vector k starts from; 0 unless the method says otherwise. */
    protected double initialState(int k) {
        return 0;
    }

    /** √x in float, so a float rule reads like the double one. */
    protected static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    /** √x. */
    protected static double sqrt(double x) {
        return Math.sqrt(x);
    }

    @Override
    public final void step(INDArray theta, INDArray grad) {
        Flat.checkPair(theta, grad);
        if (stateFlat == null) {
            createState(theta);
        } else if (stateFlat.length > 0) {
            INDArray s = stateFlat[0].array;
            if (!Flat.sameShape(s, theta) || s.dataType() != theta.dataType()) {
                throw new IllegalArgumentException("theta must keep the shape " + Arrays.toString(s.shape())
                        + " and type " + s.dataType() + " of the state built on the first step, got "
                        + Arrays.toString(theta.shape()) + " " + theta.dataType() + "; call reset() first");
            }
        }
        ensureScratch(theta);
        thetaFlat = Flat.of(theta, thetaFlat);
        gradFlat = Flat.of(grad, gradFlat);
        t++;
        begin(t);
        if (theta.dataType() == DataType.DOUBLE) stepDoubles(); else stepFloats();
    }

    private void createState(INDArray theta) {
        stateFlat = new Flat[stateNames.length];
        for (int k = 0; k < stateNames.length; k++) {
            INDArray s = Nd4j.zeros(theta.dataType(), theta.shape());
            if (initialState(k) != 0) s.assign(initialState(k));
            stateFlat[k] = new Flat(s);
        }
    }

    /** Block buffers as long as one block of θ (so a 2-element θ costs 2-element buffers). */
    private void ensureScratch(INDArray theta) {
        int block = (int) Math.min(Flat.BLOCK, Math.max(1, theta.length()));
        if (theta.dataType() == DataType.DOUBLE && (thetaD == null || thetaD.length < block)) {
            thetaD = new double[block];
            gD = new double[block];
            stateD = new double[stateNames.length][block];
        } else if (theta.dataType() == DataType.FLOAT && (thetaF == null || thetaF.length < block)) {
            thetaF = new float[block];
            gF = new float[block];
            stateF = new float[stateNames.length][block];
        }
    }

    private void stepDoubles() {
        int length = thetaFlat.length();
        for (int from = 0; from < length; from += Flat.BLOCK) {
            int n = Math.min(Flat.BLOCK, length - from);
            thetaFlat.read(from, thetaD, n);
            gradFlat.read(from, gD, n);
            for (int k = 0; k < stateFlat.length; k++) stateFlat[k].read(from, stateD[k], n);
            update(thetaD, gD, stateD, n);
            thetaFlat.write(from, thetaD, n);
            for (int k = 0; k < stateFlat.length; k++) stateFlat[k].write(from, stateD[k], n);
        }
    }

    private void stepFloats() {
        int length = thetaFlat.length();
        for (int from = 0; from < length; from += Flat.BLOCK) {
            int n = Math.min(Flat.BLOCK, length - from);
            thetaFlat.read(from, thetaF, n);
            gradFlat.read(from, gF, n);
            for (int k = 0; k < stateFlat.length; k++) stateFlat[k].read(from, stateF[k], n);
            update(thetaF, gF, stateF, n);
            thetaFlat.write(from, thetaF, n);
            for (int k = 0; k < stateFlat.length; k++) stateFlat[k].write(from, stateF[k], n);
        }
    }

    /**
     * A copy of the state vector called {@code name} (a fresh array of θ's shape and type, so the
     * lesson can keep one per step), or null before the first step.
     */
    protected INDArray stateCopy(String name) {
        if (stateFlat == null) return null;
        return stateFlat[Arrays.asList(stateNames).indexOf(name)].array.dup();
    }

    /** The step count t: 0 before the first step, 1 after it. */
    public long t() {
        return t;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Check.learningRate(lr);
    }

    @Override
    public void reset() {
        stateFlat = null;
        thetaFlat = null;
        gradFlat = null;
        thetaD = gD = null;
        stateD = null;
        thetaF = gF = null;
        stateF = null;
        t = 0;
    }

    /** The class and its rate, e.g. "Adam(η=0.001)": short enough for a chart's legend. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(η=" + lr + ")";
    }
}
