package descent.optim;

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

    @Override
    protected void transform(double[] theta, double[] g, int n) {
        double c = this.c;
        for (int i = 0; i < n; i++) {
            g[i] = Math.max(-c, Math.min(c, g[i]));
        }
    }

    @Override
    protected void transform(float[] theta, float[] g, int n) {
        float c = (float) this.c;
        for (int i = 0; i < n; i++) {
            g[i] = Math.max(-c, Math.min(c, g[i]));
        }
    }
}
