package descent.schedule;

import descent.check.Check;

/**
 * Inverse-time decay.
 *
 * <pre>  η_t = η₀ / (1 + γ·t)  </pre>
 *
 * <p>Source: PaddlePaddle {@code paddle.optimizer.lr.InverseTimeDecay} (not in torch).
 */
public final class InverseTime implements Schedule {

    private final double lr0;
    private final double gamma;

    /** @param lr0 η₀; @param gamma γ >= 0 */
    public InverseTime(double lr0, double gamma) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        this.gamma = Check.nonNegative("gamma", gamma);
    }

    @Override
    public double valueAt(int step) {
        return lr0 / (1 + gamma * Check.step(step));
    }

    @Override
    public String toString() {
        return "InverseTime η₀/(1+γt) (η₀=" + Check.number(lr0) + ", γ=" + Check.number(gamma) + ")";
    }
}
