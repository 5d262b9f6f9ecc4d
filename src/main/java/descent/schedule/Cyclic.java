package descent.schedule;

import descent.check.Check;

/**
 * Cyclical learning rate: a triangle wave between η_base and η_max, its height scaled per cycle.
 *
 * <pre>
 *   L = up + down,  r = up / L
 *   c = ⌊1 + t/L⌋                      (the cycle, from 1)
 *   x = 1 + t/L − c                    (position in the cycle, in [0, 1))
 *   s = x/r if x ≤ r, else (x − 1)/(r − 1)      (0 → 1 → 0)
 *   η_t = η_base + (η_max − η_base) · s · scale
 *   scale = 1 (triangular),  1/2^(c−1) (triangular2),  γ^t (exp_range)
 * </pre>
 *
 * <p>Source: Smith, "Cyclical Learning Rates for Training Neural Networks" (2017); PyTorch
 * {@code torch.optim.lr_scheduler.CyclicLR}.
 */
public final class Cyclic implements Schedule {

    /** How the height of the triangle changes from cycle to cycle. */
    public enum Mode { TRIANGULAR, TRIANGULAR2, EXP_RANGE }

    private final double baseLr;
    private final double maxLr;
    private final int stepSizeUp;
    private final int stepSizeDown;
    private final Mode mode;
    private final double gamma;

    /**
     * @param stepSizeUp steps from η_base up to η_max, > 0
     * @param stepSizeDown steps back down, > 0
     * @param gamma γ for {@link Mode#EXP_RANGE} (ignored by the other modes), in (0, 1]; with γ > 1
     *              the height grows, and a step at which it overflows is refused
     */
    public Cyclic(double baseLr, double maxLr, int stepSizeUp, int stepSizeDown, Mode mode, double gamma) {
        this.baseLr = Check.nonNegative("baseLr", baseLr);
        this.maxLr = Check.nonNegative("maxLr", maxLr);
        this.stepSizeUp = Check.positive("stepSizeUp", stepSizeUp);
        this.stepSizeDown = Check.positive("stepSizeDown", stepSizeDown);
        if (mode == null) throw new IllegalArgumentException("mode must not be null");
        this.mode = mode;
        this.gamma = Check.positive("gamma", gamma);
    }

    /** The same height every cycle, as many steps down as up. */
    public static Cyclic triangular(double baseLr, double maxLr, int stepSize) {
        return new Cyclic(baseLr, maxLr, stepSize, stepSize, Mode.TRIANGULAR, 1);
    }

    /** The height halves every cycle. */
    public static Cyclic triangular2(double baseLr, double maxLr, int stepSize) {
        return new Cyclic(baseLr, maxLr, stepSize, stepSize, Mode.TRIANGULAR2, 1);
    }

    /** The height shrinks as γ^t. */
    public static Cyclic expRange(double baseLr, double maxLr, int stepSize, double gamma) {
        return new Cyclic(baseLr, maxLr, stepSize, stepSize, Mode.EXP_RANGE, gamma);
    }

    @Override
    public double valueAt(int step) {
        double t = Check.step(step);
        double length = (double) stepSizeUp + stepSizeDown;
        double ratio = stepSizeUp / length;
        double cycle = Math.floor(1 + t / length);
        double x = 1 + t / length - cycle;
        double s = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
        double scale = switch (mode) {
            case TRIANGULAR -> 1;
            case TRIANGULAR2 -> 1 / Math.pow(2, cycle - 1);
            case EXP_RANGE -> Math.pow(gamma, t);
        };
        return Check.learningRate(this, step, baseLr + (maxLr - baseLr) * s * scale);
    }

    @Override
    public String toString() {
        return "Cyclic " + mode.name().toLowerCase() + " (η_base=" + Check.number(baseLr) + ", η_max=" + Check.number(maxLr)
                + ", up=" + stepSizeUp + ", down=" + stepSizeDown
                + (mode == Mode.EXP_RANGE ? ", γ=" + Check.number(gamma) : "") + ")";
    }
}
