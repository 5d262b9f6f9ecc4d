package descent.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optimizer around another one: the learning rate and the reset are the
 * wrapped optimizer's, so a subclass writes only its rule in {@code step}.
 */
public abstract class Wrapper implements Optimizer {
    protected final Optimizer inner;
    private final Walk check = new Walk(b -> {}, b -> {});

    protected Wrapper(Optimizer inner) {
        if (inner == null) throw new IllegalArgumentException("inner optimizer must not be null, got null");
        this.inner = inner;
    }

    /** Refuses θ and g as a step would (shapes, types, a NaN or ∞ in g) before anything changes. */
    final void checkStep(INDArray theta, INDArray grad) {
        Flat.checkPair(theta, grad);
        check.requireFinite("grad", grad);
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

    /** The wrapper around the wrapped optimizer, e.g. "ClipByGlobalNorm(Sgd(η=0.2))". */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + inner + ")";
    }
}
