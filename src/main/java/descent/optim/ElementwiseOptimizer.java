package descent.optim;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every optimizer here shares, so that each subclass is just its update rule.
 *
 * <p>A step checks θ and g, creates the state on the first call (vectors of θ's shape and type,
 * named after the lesson's symbols), increments t, lets the subclass compute its per-step scalars
 * in {@link #begin(long)}, then walks θ, g and the state in blocks (see {@link Flat}) and calls
 * {@link #update(int)} on each block: the rule reads and writes the plain arrays {@link #theta},
 * {@link #g} and {@link #state}{@code [k]} at indices {@code [0, n)}.
 *
 * <p>Where torch rounds {@code a + α·b} once (its {@code add_(b, alpha=α)} and {@code addcmul_}
 * are fused multiply-adds on this build) the rules write {@code fma(α, b, a)}; elsewhere they
 * write the operations in torch's order, so double results agree with torch to the last bits.
 */
abstract class ElementwiseOptimizer implements Optimizer {
    /** This block of θ, of the gradient g, and of each state vector, as doubles. */
    protected final double[] theta = new double[Flat.BLOCK];
    protected final double[] g = new double[Flat.BLOCK];
    protected final double[][] state;

    protected double lr;
    /** The number of steps taken, t; the first step runs with t = 1. */
    protected long t;

    private final String[] stateNames;
    private final float[] spare = new float[Flat.BLOCK];
    private Flat thetaFlat, gradFlat;
    private Flat[] stateFlat;

    /** @param stateNames the state vectors this rule keeps, in the order of {@link #state} */
    ElementwiseOptimizer(double lr, String... stateNames) {
        this.lr = Check.learningRate(lr);
        this.stateNames = stateNames;
        this.state = new double[stateNames.length][Flat.BLOCK];
    }

    /** Per-step scalars (bias corrections, decayed rates), computed once before the blocks. */
    protected void begin(long t) {}

    /** The update rule on one block of n elements. */
    protected abstract void update(int n);

    /** The value state vector k starts from; 0 unless the method says otherwise. */
    protected double initialState(int k) {
        return 0;
    }

    @Override
    public final void step(INDArray theta, INDArray grad) {
        Flat.checkPair(theta, grad);
        if (stateFlat != null) {
            INDArray s = stateFlat.length == 0 ? null : stateFlat[0].array;
            if (s != null && (!Arrays.equals(s.shape(), theta.shape()) || s.dataType() != theta.dataType())) {
                throw new IllegalArgumentException("theta must keep the shape " + Arrays.toString(s.shape())
                        + " and type " + s.dataType() + " of the state built on the first step, got "
                        + Arrays.toString(theta.shape()) + " " + theta.dataType() + "; call reset() first");
            }
        } else {
            stateFlat = new Flat[stateNames.length];
            for (int k = 0; k < stateNames.length; k++) {
                INDArray s = Nd4j.zeros(theta.dataType(), theta.shape());
                if (initialState(k) != 0) s.assign(initialState(k));
                stateFlat[k] = new Flat(s);
            }
        }
        thetaFlat = Flat.of(theta, thetaFlat);
        gradFlat = Flat.of(grad, gradFlat);
        t++;
        begin(t);
        int length = thetaFlat.length();
        for (int from = 0; from < length; from += Flat.BLOCK) {
            int n = Math.min(Flat.BLOCK, length - from);
            thetaFlat.read(from, this.theta, n, spare);
            gradFlat.read(from, g, n, spare);
            for (int k = 0; k < stateFlat.length; k++) stateFlat[k].read(from, state[k], n, spare);
            update(n);
            thetaFlat.write(from, this.theta, n, spare);
            for (int k = 0; k < stateFlat.length; k++) stateFlat[k].write(from, state[k], n, spare);
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
        t = 0;
    }
}
