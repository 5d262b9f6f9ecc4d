package descent.schedule;

import descent.check.Check;

/**
 * Step decay: the rate is multiplied by γ every {@code stepSize} steps.
 *
 * <pre>  η_t = η₀ · γ^⌊t / stepSize⌋  </pre>
 *
 * <p>Source: PyTorch {@code torch.optim.lr_scheduler.StepLR}.
 */
public final class Step implements Schedule {

    private final double lr0;
    private final int stepSize;
    private final double gamma;

    /** @param lr0 η₀; @param stepSize steps between drops, > 0; @param gamma γ, the drop factor */
    public Step(double lr0, int stepSize, double gamma) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        this.stepSize = Check.positive("stepSize", stepSize);
        this.gamma = Check.positive("gamma", gamma);
    }

    @Override
    public double valueAt(int step) {
        return lr0 * Math.pow(gamma, Check.step(step) / stepSize);
    }

    @Override
    public String toString() {
        return "Step η₀·γ^⌊t/" + stepSize + "⌋ (η₀=" + Check.number(lr0) + ", γ=" + Check.number(gamma) + ")";
    }
}
