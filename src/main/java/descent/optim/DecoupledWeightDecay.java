package descent.optim;

import static java.lang.Math.fma;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decoupled weight decay: θ shrunk by η·λ·θ beside the wrapped optimizer's step, not through its
 * gradient.
 *
 * <pre>
 *   θ ← θ − η·λ·θ − (the wrapped step from g)      η = the wrapped optimizer's learning rate
 * </pre>
 *
 * <p>Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization" (ICLR 2019); Optax's
 * {@code add_decayed_weights} placed after the scaling. Around {@link Adam} it is {@link AdamW}
 * up to rounding: the decay η·λ·θ uses θ before the step, as AdamW's θ·(1 − ηλ) does, but it is
 * subtracted after the wrapped step (so a refused wrapped step leaves θ untouched), which rounds
 * differently from AdamW's decay-then-step in the last bits. Around {@link Sgd} it is L2
 * decay ({@link WeightDecay}) up to rounding; around adaptive methods it differs, which is the point.
 */
public final class DecoupledWeightDecay extends Wrapper {
    private final double lambda;
    private final Walk walk = new Walk(this::decay, this::decay);
    private INDArray before;   // θ before the wrapped step
    private double decay;      // η·λ of this step

    /**
     * @param lambda λ, a finite number ≥ 0
     * @param inner  the optimizer whose step is taken beside the decay
     */
    public DecoupledWeightDecay(double lambda, Optimizer inner) {
        super(inner);
        this.lambda = Check.atLeast("lambda", lambda, 0);
    }

    /** The rule on n parameters; {@code FloatRules.decoupledWeightDecay} is this text in float. */
    static void rule(double[] theta, double[] before, int n, double decay) {
        for (int i = 0; i < n; i++) {
            theta[i] = fma(-decay, before[i], theta[i]);           // θ − η·λ·θ_before
        }
    }

    @Override
    public void step(INDArray theta, INDArray grad) {
        checkStep(theta, grad);
        before = Flat.like(theta, before);
        before.assign(theta);
        decay = inner.learningRate() * lambda;
        inner.step(theta, grad);
        walk.updateTheta(theta, before);   // the walk's second array is θ_before here
    }

    private void decay(DoubleBlock b) {
        rule(b.theta, b.g, b.n, decay);
    }

    private void decay(FloatBlock b) {
        FloatRules.decoupledWeightDecay(b.theta, b.g, b.n, (float) decay);
    }
}
