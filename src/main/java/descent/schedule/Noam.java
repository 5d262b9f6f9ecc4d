package descent.schedule;

import descent.check.Check;

/**
 * The Transformer's schedule: linear warm-up, then decay as 1/√t.
 *
 * <pre>  η_t = η₀ · d_model^(−0.5) · min(t^(−0.5), t · warmup^(−1.5))  </pre>
 *
 * <p>The two branches meet at t = warmup, where the rate peaks at η₀/√(d_model·warmup).
 * Source: Vaswani et al., "Attention Is All You Need" (2017), eq. 3; PaddlePaddle
 * {@code paddle.optimizer.lr.NoamDecay}, which like the formula gives 0 at t = 0 (so the very
 * first update does not move the weights).
 */
public final class Noam implements Schedule {

    private final double dModel;
    private final int warmup;
    private final double lr0;

    /** @param dModel d_model > 0; @param warmup warm-up steps > 0; @param lr0 η₀, a scale (Paddle's default 1) */
    public Noam(double dModel, int warmup, double lr0) {
        this.dModel = Check.positive("dModel", dModel);
        this.warmup = Check.positive("warmup", warmup);
        this.lr0 = Check.nonNegative("lr0", lr0);
    }

    public Noam(double dModel, int warmup) {
        this(dModel, warmup, 1.0);
    }

    @Override
    public double valueAt(int step) {
        double t = Check.step(step);
        double decay = t == 0 ? 1 : Math.pow(t, -0.5);   // t^(−0.5) is infinite at 0; the min is 0 there
        return lr0 * Math.pow(dModel, -0.5) * Math.min(decay, t * Math.pow(warmup, -1.5));
    }

    @Override
    public String toString() {
        return "Noam η₀·d^−½·min(t^−½, t·w^−1.5) (d=" + Check.number(dModel) + ", w=" + warmup
                + ", η₀=" + Check.number(lr0) + ")";
    }
}
