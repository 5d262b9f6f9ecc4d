package descent.optim;

import descent.cores.Cores;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every optimizer here shares, so that each subclass is just its update rule.
 *
 * <p>A step checks θ and g, creates the state on the first call (vectors of θ's length and type,
 * named after the lesson's symbols), increments t, lets the subclass compute its per-step scalars
 * in {@link #begin(long)}, then walks θ and g in blocks (see {@link Flat}) and calls the rule on
 * each block: {@code update(theta, g, state, n)} reads and writes plain arrays at indices
 * {@code [0, n)}. The state lives on the Java heap, already cut into those blocks, so a step
 * copies only θ in and out and g in. The blocks are independent, so they are shared among the
 * cores ({@link Cores}); each block computes the same numbers on whichever core runs it.
 *
 * <p>The rule is written twice, for double[] and for float[], with the same text: Java has no
 * generics over primitives, and computing float data in double would cost the vectorisation
 * (see {@link Flat}). {@link #sqrt(float)} makes the float text read as the double one.
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
    /** The state of a DOUBLE θ, block by block: stateD[b][k] is block b of state vector k. */
    private double[][][] stateD;
    /** The same for a FLOAT θ. */
    private float[][][] stateF;
    private long[] stateShape;
    private final Cores.Pieces doubleBlock = this::stepDoubleBlock, floatBlock = this::stepFloatBlock;

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
        boolean doubles = theta.dataType() == DataType.DOUBLE;
        if (stateShape == null) {
            createState(theta);
        } else if (!Flat.hasShape(theta, stateShape) || (stateD != null) != doubles) {
            throw new IllegalArgumentException("theta must keep the shape " + Arrays.toString(stateShape)
                    + " and type " + (stateD != null ? DataType.DOUBLE : DataType.FLOAT)
                    + " of the state built on the first step, got " + Arrays.toString(theta.shape()) + " "
                    + theta.dataType() + "; call reset() first");
        }
        thetaFlat = Flat.of(theta, thetaFlat);
        gradFlat = Flat.of(grad, gradFlat);
        t++;
        begin(t);
        Cores.run(doubles ? doubleBlock : floatBlock, Flat.blocks(thetaFlat.length()));
    }

    private void createState(INDArray theta) {
        int length = (int) theta.length(), blocks = Flat.blocks(length);
        if (theta.dataType() == DataType.DOUBLE) {
            stateD = new double[blocks][stateNames.length][];
        } else {
            stateF = new float[blocks][stateNames.length][];
        }
        for (int b = 0; b < blocks; b++) {
            int n = Flat.blockLength(b, length);
            for (int k = 0; k < stateNames.length; k++) {
                if (stateD != null) {
                    stateD[b][k] = new double[n];
                    Arrays.fill(stateD[b][k], initialState(k));
                } else {
                    stateF[b][k] = new float[n];
                    Arrays.fill(stateF[b][k], (float) initialState(k));
                }
            }
        }
        stateShape = theta.shape();
    }

    private void stepDoubleBlock(int b) {
        int from = b * Flat.BLOCK, n = Flat.blockLength(b, thetaFlat.length());
        double[] theta = Flat.doubles(0), g = Flat.doubles(1);
        thetaFlat.read(from, theta, n);
        gradFlat.read(from, g, n);
        update(theta, g, stateD[b], n);
        thetaFlat.write(from, theta, n);
    }

    private void stepFloatBlock(int b) {
        int from = b * Flat.BLOCK, n = Flat.blockLength(b, thetaFlat.length());
        float[] theta = Flat.floats(0), g = Flat.floats(1);
        thetaFlat.read(from, theta, n);
        gradFlat.read(from, g, n);
        update(theta, g, stateF[b], n);
        thetaFlat.write(from, theta, n);
    }

    /**
     * A copy of the state vector called {@code name} (a fresh array of θ's shape and type, so the
     * lesson can keep one per step), or null before the first step.
     */
    protected INDArray stateCopy(String name) {
        if (stateShape == null) return null;
        int k = Arrays.asList(stateNames).indexOf(name);
        INDArray copy = Nd4j.create(stateD != null ? DataType.DOUBLE : DataType.FLOAT, stateShape);
        Flat flat = new Flat(copy);
        for (int b = 0; b < Flat.blocks(flat.length()); b++) {
            int n = Flat.blockLength(b, flat.length());
            if (stateD != null) flat.write(b * Flat.BLOCK, stateD[b][k], n); else flat.write(b * Flat.BLOCK, stateF[b][k], n);
        }
        return copy;
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
        stateD = null;
        stateF = null;
        stateShape = null;
        thetaFlat = null;
        gradFlat = null;
        t = 0;
    }

    /** The class and its rate, e.g. "Adam(η=0.001)": short enough for a chart's legend. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(η=" + lr + ")";
    }
}
