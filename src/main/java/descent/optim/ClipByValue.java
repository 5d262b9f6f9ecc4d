package descent.optim;

import static java.lang.Math.max;
import static java.lang.Math.min;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;

/**
 * Gradient clipping by value: every coordinate of g limited to [−c, c] before the wrapped step.
 *
 * <pre>
 *   g ← max(−c, min(c, g))
 * </pre>
 *
 * <p>As {@code torch.nn.utils.clip_grad_value_} and Optax's {@code clip}. It changes the
 * gradient's direction; {@link ClipByGlobalNorm} keeps it.
 */
public final class ClipByValue extends GradientTransform {
    private final double c;

    /**
     * @param clipValue c &gt; 0
     * @param inner     the optimizer that takes the clipped gradient
     */
    public ClipByValue(double clipValue, Optimizer inner) {
        super(inner);
        this.c = Check.positive("clipValue", clipValue);
    }

    /** The rule on n coordinates; {@code FloatRules.clipByValue} is this text in float. */
    static void rule(double[] g, int n, double c) {
        for (int i = 0; i < n; i++) {
            g[i] = max(-c, min(c, g[i]));                          // g limited to [−c, c]
        }
    }

    @Override
    void transform(DoubleBlock b) {
        rule(b.g, b.n, c);
    }

    @Override
    void transform(FloatBlock b) {
        FloatRules.clipByValue(b.g, b.n, (float) c);
    }
}
