package descent.schedule;

import descent.check.Check;

/**
 * Cosine annealing from η₀ down to η_min over T_max steps.
 *
 * <pre>  η_t = η_min + (η₀ − η_min) · (1 + cos(π·t / T_max)) / 2  </pre>
 *
 * <p>Source: Loshchilov &amp; Hutter, "SGDR" (2017), eq. 5 without restarts; PyTorch
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}. Torch updates the rate recursively,
 * η_t = η_min + (η_{t−1} − η_min)·(1 + cos(πt/T))/(1 + cos(π(t−1)/T)), with a special case just
 * after each trough. As long as nothing else changes the rate, the recursion reproduces this
 * closed form for every t, including past T_max, where both rise again along the cosine
 * (period 2·T_max); they differ only by rounding, which is largest near the trough.
 */
public final class CosineAnnealing implements Schedule {

    private final double lr0;
    private final int tMax;
    private final double etaMin;

    /** @param tMax T_max > 0, steps from η₀ to η_min; @param etaMin η_min >= 0 */
    public CosineAnnealing(double lr0, int tMax, double etaMin) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        this.tMax = Check.positive("tMax", tMax);
        this.etaMin = Check.nonNegative("etaMin", etaMin);
    }

    public CosineAnnealing(double lr0, int tMax) {
        this(lr0, tMax, 0);
    }

    @Override
    public double valueAt(int step) {
        return etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * Check.step(step) / tMax)) / 2;
    }

    /** T_max, the steps from η₀ down to η_min. */
    int tMax() {
        return tMax;
    }

    @Override
    public String toString() {
        return "Cosine η_min+(η₀−η_min)(1+cos(πt/T))/2 (η₀=" + Check.number(lr0) + ", T=" + tMax
                + ", η_min=" + Check.number(etaMin) + ")";
    }
}
