package descent.optim;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every optimizer here shares, so that each subclass is just its update rule.
 *
 * <p>A step checks θ and g (shapes, types, a finite g), creates the state on the first call (the
 * {@link State} vectors the subclass declared with {@link #state()}, of θ's length and type),
 * increments t, lets the subclass compute its per-step scalars in {@link #begin(long)}, then
 * walks θ and g in blocks on the cores ({@link Walk}) and gives each block to the subclass's
 * {@code update}. That method calls the rule: a static method of the subclass that reads no
 * fields, with the block's arrays and the step's scalars as its parameters, written once in
 * double; its float twin in {@code FloatRules} is generated from that text at build time
 * (tools/FloatRules.java).
 *
 * <p>Where torch rounds {@code a + α·b} once (its {@code add_(b, alpha=α)} and {@code addcmul_}
 * are fused multiply-adds on this build) the rules write {@code fma(α, b, a)} = α·b + a in one
 * rounding; elsewhere they write torch's operations in torch's order, so that in double the
 * results equal torch's to the last bit.
 */
public abstract class ElementwiseOptimizer implements Optimizer {
    double lr;
    /** The number of steps taken, t; the first step runs with t = 1. */
    long t;

    private final List<State> states = new ArrayList<>();
    private final Walk walk = new Walk(this::update, this::update);
    /** θ's type and shape when the state was created; null before the first step. */
    private DataType stateType;
    private long[] stateShape;

    ElementwiseOptimizer(double lr) {
        this.lr = Check.nonNegative("lr", lr);
    }

    /** Declares a state vector starting at 0 (call from a field initialiser). */
    final State state() {
        return state(0);
    }

    /** Declares a state vector whose elements start at {@code initial}. */
    final State state(double initial) {
        State s = new State(initial);
        states.add(s);
        return s;
    }

    /** Per-step scalars (bias corrections, decayed rates), computed once before the blocks. */
    void begin(long t) {}

    /** Calls the rule on one block of doubles. */
    abstract void update(DoubleBlock b);

    /** Calls the rule's float twin on one block of floats. */
    abstract void update(FloatBlock b);

    /**
     * One step of the method's rule, θ ← θ − (its step from grad), in place: t grows by one, the
     * state (created on the first call, θ's shape and type) is updated, and θ with it, block by
     * block on the cores. Refused before anything changes when θ and grad differ in shape or type,
     * θ is empty or changed shape since the state was built, or grad holds a NaN or an infinity.
     */
    @Override
    public final void step(INDArray theta, INDArray grad) {
        Flat.checkPair(theta, grad);
        if (stateShape != null && (!Flat.hasShape(theta, stateShape) || theta.dataType() != stateType)) {
            throw new IllegalArgumentException("theta must keep the shape " + Arrays.toString(stateShape)
                    + " and type " + stateType + " of the state built on the first step, got "
                    + Arrays.toString(theta.shape()) + " " + theta.dataType() + "; call reset() first");
        }
        walk.requireFinite("grad", grad);
        if (stateShape == null) {
            for (State s : states) s.create(theta.dataType(), (int) theta.length());
            stateType = theta.dataType();
            stateShape = theta.shape();
        }
        t++;
        begin(t);
        walk.updateTheta(theta, grad);
    }

    /** A copy of state vector s (a fresh array of θ's shape and type), or null before the first step. */
    final INDArray copy(State s) {
        return stateShape == null ? null : s.copy(stateType, stateShape);
    }

    /** The step count t: 0 before the first step, 1 after it. */
    public long t() {
        return t;
    }

    /** η, the learning rate the next step uses. */
    @Override
    public double learningRate() {
        return lr;
    }

    /** Sets η for the next steps (a schedule does this before every step); refused if NaN or &lt; 0. */
    @Override
    public void setLearningRate(double lr) {
        this.lr = Check.nonNegative("lr", lr);
    }

    /** Forgets the state and the step count: the next step is a first step again. */
    @Override
    public void reset() {
        for (State s : states) s.clear();
        stateType = null;
        stateShape = null;
        t = 0;
    }

    /** The class and its rate, e.g. "Adam(η=0.001)": short enough for a chart's legend. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(η=" + lr + ")";
    }
}
