package descent.schedule;

import descent.check.Check;

/**
 * Cosine annealing with warm restarts (SGDR): a cosine from η₀ to η_min over T_i steps, then a
 * jump back to η₀, with each period T_mult times longer than the last.
 *
 * <pre>
 *   T_0 = T0,  T_{i+1} = T_mult · T_i
 *   T_cur = steps since the last restart
 *   η_t = η_min + (η₀ − η_min) · (1 + cos(π·T_cur / T_i)) / 2
 * </pre>
 *
 * <p>Source: Loshchilov &amp; Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts"
 * (2017), eq. 5; PyTorch {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts}.
 */
public final class CosineWarmRestarts implements Schedule {

    private final double lr0;
    private final int t0;
    private final int tMult;
    private final double etaMin;

    /** @param t0 T_0 >= 1, the first period; @param tMult T_mult >= 1; @param etaMin η_min >= 0 */
    public CosineWarmRestarts(double lr0, int t0, int tMult, double etaMin) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        this.t0 = Check.positive("t0", t0);
        this.tMult = Check.positive("tMult", tMult);
        this.etaMin = Check.nonNegative("etaMin", etaMin);
    }

    @Override
    public double valueAt(int step) {
        long tCur = Check.step(step);
        long tI = t0;
        if (tMult == 1) tCur %= t0;          // equal periods
        else while (tCur >= tI) {           // walk through the finished, growing periods
            tCur -= tI;
            tI *= tMult;
        }
        return etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
    }

    @Override
    public String toString() {
        return "SGDR η_min+(η₀−η_min)(1+cos(πT_cur/T_i))/2 (η₀=" + Check.number(lr0) + ", T0=" + t0
                + ", T_mult=" + tMult + ", η_min=" + Check.number(etaMin) + ")";
    }
}
