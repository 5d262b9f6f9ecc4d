package descent.schedule;

import descent.check.Check;

/**
 * The one-cycle policy: warm up from η_max/div to η_max, then anneal down to far below the start.
 *
 * <pre>
 *   η_init = η_max / divFactor,   η_min = η_init / finalDivFactor,   N = totalSteps, p = pctStart
 *   two phases:   η_init → η_max over steps [0, pN−1],   η_max → η_min over [pN−1, N−1]
 *   three phases: η_init → η_max over [0, pN−1],  η_max → η_init over [pN−1, 2pN−2],
 *                 η_init → η_min over [2pN−2, N−1]
 *   within a phase from a to b at fraction f ∈ [0, 1]:
 *     cos:    b + (a − b)·(1 + cos(πf))/2        linear: a + (b − a)·f
 * </pre>
 *
 * <p>Source: Smith &amp; Topin, "Super-Convergence" (2017); PyTorch
 * {@code torch.optim.lr_scheduler.OneCycleLR} (its phase ends, fractions and defaults:
 * pctStart 0.3, cos, divFactor 25, finalDivFactor 1e4). Steps 0 … N are defined (the last phase
 * extrapolates one step, as torch does); a later step is an error, as in torch.
 * The options read as a sentence: {@code new OneCycle(0.1, 300).pctStart(0.25).linear()}.
 */
public final class OneCycle implements Schedule {

    private final double maxLr;
    private final int totalSteps;
    private final double pctStart;
    private final boolean cosine;
    private final double divFactor;
    private final double finalDivFactor;
    private final boolean threePhase;

    /** With torch's defaults: pctStart 0.3, cosine annealing, divFactor 25, finalDivFactor 1e4, two phases. */
    public OneCycle(double maxLr, int totalSteps) {
        this(maxLr, totalSteps, 0.3, true, 25, 1e4, false);
    }

    private OneCycle(double maxLr, int totalSteps, double pctStart, boolean cosine,
                     double divFactor, double finalDivFactor, boolean threePhase) {
        this.maxLr = Check.nonNegative("maxLr", maxLr);
        this.totalSteps = Check.positive("totalSteps", totalSteps);
        if (!(pctStart >= 0 && pctStart <= 1))
            throw new IllegalArgumentException("pctStart must be in [0, 1], got " + pctStart);
        this.pctStart = pctStart;
        this.cosine = cosine;
        this.divFactor = Check.positive("divFactor", divFactor);
        this.finalDivFactor = Check.positive("finalDivFactor", finalDivFactor);
        this.threePhase = threePhase;
        double peak = pctStart * totalSteps - 1, back = 2 * pctStart * totalSteps - 2, last = totalSteps - 1;
        if (!(peak > 0 && (threePhase ? back > peak && last > back : last > peak)))
            throw new IllegalArgumentException("pctStart = " + pctStart + " with totalSteps = " + totalSteps
                    + " leaves a phase without steps (the climb ends at step pctStart·totalSteps − 1 = " + peak + ")");
    }

    /** The fraction of the steps spent climbing. */
    public OneCycle pctStart(double p) {
        return new OneCycle(maxLr, totalSteps, p, cosine, divFactor, finalDivFactor, threePhase);
    }

    /** Anneal along straight lines instead of half-cosines. */
    public OneCycle linear() {
        return new OneCycle(maxLr, totalSteps, pctStart, false, divFactor, finalDivFactor, threePhase);
    }

    /** η_init = η_max / divFactor. */
    public OneCycle divFactor(double d) {
        return new OneCycle(maxLr, totalSteps, pctStart, cosine, d, finalDivFactor, threePhase);
    }

    /** η_min = η_init / finalDivFactor. */
    public OneCycle finalDivFactor(double d) {
        return new OneCycle(maxLr, totalSteps, pctStart, cosine, divFactor, d, threePhase);
    }

    /** Climb, come back down to η_init symmetrically, then anneal to η_min (fast.ai's original). */
    public OneCycle threePhase() {
        return new OneCycle(maxLr, totalSteps, pctStart, cosine, divFactor, finalDivFactor, true);
    }

    @Override
    public double valueAt(int step) {
        if (Check.step(step) > totalSteps)
            throw new IllegalArgumentException("step must be <= totalSteps = " + totalSteps + ", got " + step);
        double initialLr = maxLr / divFactor;
        double minLr = initialLr / finalDivFactor;
        double peak = pctStart * totalSteps - 1;
        double last = totalSteps - 1;
        if (!threePhase) {
            if (step <= peak) return anneal(initialLr, maxLr, step / peak);
            return anneal(maxLr, minLr, (step - peak) / (last - peak));
        }
        double back = 2 * pctStart * totalSteps - 2;
        if (step <= peak) return anneal(initialLr, maxLr, step / peak);
        if (step <= back) return anneal(maxLr, initialLr, (step - peak) / (back - peak));
        return anneal(initialLr, minLr, (step - back) / (last - back));
    }

    private double anneal(double from, double to, double f) {
        return cosine ? to + (from - to) * (1 + Math.cos(Math.PI * f)) / 2 : from + (to - from) * f;
    }

    @Override
    public String toString() {
        return "OneCycle (η_max=" + Check.number(maxLr) + ", N=" + totalSteps + ", p=" + Check.number(pctStart)
                + ", " + (cosine ? "cos" : "linear") + ", div=" + Check.number(divFactor) + ", final div="
                + Check.number(finalDivFactor) + (threePhase ? ", three phases" : "") + ")";
    }
}
