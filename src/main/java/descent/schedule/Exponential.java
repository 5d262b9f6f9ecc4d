package descent.schedule;

import descent.check.Check;

/**
 * Exponential decay: the rate is multiplied by γ after every step.
 *
 * <pre>  η_t = η₀ · γ^t  </pre>
 *
 * <p>Source: PyTorch {@code torch.optim.lr_scheduler.ExponentialLR} (which multiplies by γ once per
 * step; the product and the power agree to rounding), PaddlePaddle {@code ExponentialDecay}.
 * With γ > 1 the rate grows; a step at which it overflows is refused, naming the step.
 */
public final class Exponential implements Schedule {

    private final double lr0;
    private final double gamma;

    /** @param lr0 η₀, the rate at step 0; @param gamma γ, the factor per step, in (0, 1] to decay */
    public Exponential(double lr0, double gamma) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        this.gamma = Check.positive("gamma", gamma);
    }

    @Override
    public double valueAt(int step) {
        return Check.learningRate(this, step, lr0 * Math.pow(gamma, Check.step(step)));
    }

    @Override
    public String toString() {
        return "Exponential η₀·γ^t (η₀=" + Check.number(lr0) + ", γ=" + Check.number(gamma) + ")";
    }
}
