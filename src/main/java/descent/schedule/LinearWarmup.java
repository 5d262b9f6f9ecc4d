package descent.schedule;

import descent.check.Check;

/**
 * Linear warm-up in front of any schedule: the rate climbs linearly from η_start to η_end during
 * the first W steps, then the wrapped schedule runs, started from its own step 0.
 *
 * <pre>
 *   η_t = η_start + (η_end − η_start) · t / W     for t < W
 *   η_t = after(t − W)                            for t ≥ W
 * </pre>
 *
 * <p>Source: Goyal et al., "Accurate, Large Minibatch SGD" (2017), §2.2; PaddlePaddle
 * {@code paddle.optimizer.lr.LinearWarmup}, which also restarts the wrapped schedule at step W.
 * With the two-argument constructor η_start = 0 and η_end = after(0), so the climb ends exactly
 * where the wrapped schedule starts.
 */
public final class LinearWarmup implements Schedule {

    private final Schedule after;
    private final int warmup;
    private final double startLr;
    private final double endLr;

    /** @param after the schedule that follows; @param warmup W > 0 */
    public LinearWarmup(Schedule after, int warmup, double startLr, double endLr) {
        if (after == null) throw new IllegalArgumentException("after must not be null");
        this.after = after;
        this.warmup = Check.positive("warmup", warmup);
        if (after instanceof CosineAnnealing cosine && warmup > cosine.tMax())
            throw new IllegalArgumentException("warmup must be at most the T = " + cosine.tMax() + " steps of " + after
                    + " that it leads into, got " + warmup + " (past T the cosine climbs back up)");
        this.startLr = Check.nonNegative("startLr", startLr);
        this.endLr = Check.nonNegative("endLr", endLr);
    }

    /** From 0 up to {@code after.valueAt(0)} in {@code warmup} steps. */
    public LinearWarmup(Schedule after, int warmup) {
        this(after, warmup, 0, after == null ? 0 : after.valueAt(0));
    }

    @Override
    public double valueAt(int step) {
        if (Check.step(step) < warmup) return startLr + (endLr - startLr) * step / warmup;
        return after.valueAt(step - warmup);
    }

    @Override
    public String toString() {
        return "LinearWarmup " + Check.number(startLr) + "→" + Check.number(endLr) + " in " + warmup + " steps, then " + after;
    }
}
