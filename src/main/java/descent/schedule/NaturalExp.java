package descent.schedule;

import descent.check.Check;

/**
 * Natural-exponential decay.
 *
 * <pre>  η_t = η₀ · e^(−γ·t)  </pre>
 *
 * <p>Source: PaddlePaddle {@code paddle.optimizer.lr.NaturalExpDecay} (torch has no equivalent; it
 * is {@link Exponential} with factor e^(−γ)).
 */
public final class NaturalExp implements Schedule {

    private final double lr0;
    private final double gamma;

    /** @param lr0 η₀; @param gamma γ >= 0, the decay rate per step */
    public NaturalExp(double lr0, double gamma) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        this.gamma = Check.nonNegative("gamma", gamma);
    }

    @Override
    public double valueAt(int step) {
        return lr0 * Math.exp(-gamma * Check.step(step));
    }

    @Override
    public String toString() {
        return "NaturalExp η₀·e^(−γt) (η₀=" + Check.number(lr0) + ", γ=" + Check.number(gamma) + ")";
    }
}
