package descent.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Forgets the state of the optimizer it wraps every {@code period} steps: the "reset AdaGrad's
 * sum" trick.
 *
 * <pre>
 *   before steps period+1, 2·period+1, …:   inner.reset()     (AdaGrad: G ← 0, t ← 0)
 *   every step:                              inner.step(θ, g)
 * </pre>
 *
 * <p>AdaGrad's sum G = Σ g² only grows, so its effective rate η/(√G + ε) only falls; after a
 * long walk (or early, very large gradients) the rate is too small to make progress. Restarting
 * the sum gives the method back a rate matched to the gradients it sees now. It wraps any
 * optimizer: for Adam a reset restarts the moments and the bias correction.
 */
public final class PeriodicReset extends Wrapper {
    private final int period;
    private long t;

    /**
     * @param period the number of steps between resets, ≥ 1
     * @param inner  the optimizer whose state is forgotten
     */
    public PeriodicReset(int period, Optimizer inner) {
        super(inner);
        if (period < 1) throw new IllegalArgumentException("period must be >= 1, got " + period);
        this.period = period;
    }

    @Override
    public void step(INDArray theta, INDArray grad) {
        checkStep(theta, grad);
        if (t > 0 && t % period == 0) inner.reset();
        inner.step(theta, grad);
        t++;
    }

    /** Forgets the inner state and the step count. */
    @Override
    public void reset() {
        inner.reset();
        t = 0;
    }

    /** E.g. "AdaGrad(η=0.5), reset every 100 steps". */
    @Override
    public String toString() {
        return inner + ", reset every " + period + " steps";
    }
}
