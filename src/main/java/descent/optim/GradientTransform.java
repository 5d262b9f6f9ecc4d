package descent.optim;

import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A wrapper that rewrites the gradient and hands it to the optimizer it wraps (Optax's chain of
 * gradient transformations). The caller's grad is never written: the rewritten gradient goes
 * into a buffer of grad's shape and type, allocated on the first step and reused. Subclasses
 * write {@code transform} for a block (see {@link Walk}), reading θ's block and rewriting g's in
 * place; as an optimizer's {@code update}, it calls a static rule written once in double.
 */
public abstract class GradientTransform extends Wrapper {
    private final Walk walk = new Walk(this::transform, this::transform);
    private INDArray buffer;

    GradientTransform(Optimizer inner) {
        super(inner);
    }

    /** Called once per step before the blocks, e.g. to compute a norm over all of grad. */
    void begin(INDArray theta, INDArray grad) {}

    /** Rewrites block b's g; θ's block is b.theta. */
    abstract void transform(DoubleBlock b);

    /** The same for floats, with the rule's float twin. */
    abstract void transform(FloatBlock b);

    /** Called after the wrapped step succeeded. */
    void end() {}

    @Override
    public void step(INDArray theta, INDArray grad) {
        checkStep(theta, grad);
        buffer = Flat.like(grad, buffer);
        begin(theta, grad);
        walk.rewriteGradient(theta, grad, buffer);
        inner.step(theta, buffer);
        end();
    }
}
