package descent.schedule;

import descent.check.Check;
import java.util.function.IntToDoubleFunction;

/**
 * A base rate times any factor of the step, as PyTorch's {@code LambdaLR}.
 *
 * <pre>  η_t = η₀ · f(t)  </pre>
 *
 * <p>Source: PyTorch {@code torch.optim.lr_scheduler.LambdaLR}. The factor form keeps η₀ visible
 * and lets one shape be reused at several rates. A lambda that gives the rate directly needs no
 * wrapper: {@code Schedule s = t -> 0.1 / (1 + t);} is already a {@link Schedule}. The schedule is
 * pure only if {@code f} is.
 */
public final class Lambda implements Schedule {

    private final double lr0;
    private final IntToDoubleFunction factor;
    private final String description;

    /** @param description how {@code f} reads, for {@link #toString()}, e.g. "0.95^t" */
    public Lambda(double lr0, IntToDoubleFunction factor, String description) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        if (factor == null) throw new IllegalArgumentException("factor must not be null");
        this.factor = factor;
        this.description = description == null ? "f(t)" : description;
    }

    public Lambda(double lr0, IntToDoubleFunction factor) {
        this(lr0, factor, "f(t)");
    }

    @Override
    public double valueAt(int step) {
        return Check.learningRate(this, step, lr0 * factor.applyAsDouble(Check.step(step)));
    }

    @Override
    public String toString() {
        return "Lambda η₀·" + description + " (η₀=" + Check.number(lr0) + ")";
    }
}
