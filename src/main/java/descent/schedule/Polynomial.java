package descent.schedule;

import descent.check.Check;

/**
 * Polynomial decay from η₀ to η_end over {@code decaySteps} steps, optionally restarting.
 *
 * <pre>
 *   without cycle:  t' = min(t, T)
 *                   η_t = (η₀ − η_end)·(1 − t'/T)^p + η_end
 *   with cycle:     T'  = T·⌈t/T⌉  (T' = T at t = 0)
 *                   η_t = (η₀ − η_end)·(1 − t/T')^p + η_end
 * </pre>
 *
 * <p>Source: PaddlePaddle {@code paddle.optimizer.lr.PolynomialDecay} (and the Keras schedule of
 * the same name). With η_end = 0 and no cycle it is PyTorch's {@code PolynomialLR}. With cycle the
 * period lengthens: each restart decays over the next multiple of T, from a lower peak.
 */
public final class Polynomial implements Schedule {

    private final double lr0;
    private final int decaySteps;
    private final double endLr;
    private final double power;
    private final boolean cycle;

    /** @param decaySteps T > 0; @param endLr η_end >= 0; @param power p > 0 */
    public Polynomial(double lr0, int decaySteps, double endLr, double power, boolean cycle) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        this.decaySteps = Check.positive("decaySteps", decaySteps);
        this.endLr = Check.nonNegative("endLr", endLr);
        this.power = Check.positive("power", power);
        this.cycle = cycle;
    }

    /** Linear decay to 0 over {@code decaySteps}, then 0, no cycle. */
    public Polynomial(double lr0, int decaySteps) {
        this(lr0, decaySteps, 0, 1, false);
    }

    @Override
    public double valueAt(int step) {
        double t = Check.step(step);
        double period = decaySteps;
        if (cycle) period = decaySteps * Math.max(1, Math.ceil(t / decaySteps));
        else t = Math.min(t, decaySteps);
        return (lr0 - endLr) * Math.pow(1 - t / period, power) + endLr;
    }

    @Override
    public String toString() {
        return "Polynomial (η₀−η_end)(1−t/T)^p+η_end (η₀=" + Check.number(lr0) + ", T=" + decaySteps
                + ", η_end=" + Check.number(endLr) + ", p=" + Check.number(power) + (cycle ? ", cycle" : "") + ")";
    }
}
