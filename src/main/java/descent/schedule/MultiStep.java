package descent.schedule;

import descent.check.Check;
import java.util.Arrays;

/**
 * Multi-step decay: the rate is multiplied by γ at each milestone.
 *
 * <pre>  η_t = η₀ · γ^(number of milestones m with m ≤ t)  </pre>
 *
 * <p>Source: PyTorch {@code torch.optim.lr_scheduler.MultiStepLR}.
 */
public final class MultiStep implements Schedule {

    private final double lr0;
    private final double gamma;
    private final int[] milestones;

    /**
     * @param milestones steps >= 1 at which the rate drops, in increasing order; a milestone given
     *                   twice drops the rate by γ² at once (as PyTorch's {@code MultiStepLR})
     */
    public MultiStep(double lr0, double gamma, int... milestones) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        this.gamma = Check.positive("gamma", gamma);
        this.milestones = Check.sorted("milestones", milestones, 1);
    }

    @Override
    public double valueAt(int step) {
        return lr0 * Math.pow(gamma, Bisect.right(milestones, Check.step(step)));
    }

    @Override
    public String toString() {
        return "MultiStep η₀·γ^#{m≤t} (η₀=" + Check.number(lr0) + ", γ=" + Check.number(gamma)
                + ", m=" + Arrays.toString(milestones) + ")";
    }
}
