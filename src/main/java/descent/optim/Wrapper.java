package descent.optim;

/**
 * An optimizer around another one: the learning rate and the reset are the
 * wrapped optimizer's, so a subclass writes only its rule in {@code step}.
 */
abstract class Wrapper implements Optimizer {
    final Optimizer inner;

    Wrapper(Optimizer inner) {
        if (inner == null) throw new IllegalArgumentException("inner optimizer must not be null, got null");
        this.inner = inner;
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
