package descent.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient clipping by global norm: g scaled down when ‖g‖ exceeds c, keeping its direction.
 *
 * <pre>
 *   g ← g · min(1, c / (‖g‖₂ + 10⁻⁶))
 * </pre>
 *
 * <p>Pascanu, Mikolov &amp; Bengio, "On the difficulty of training recurrent neural networks"
 * (ICML 2013). The 10⁻⁶ is {@code torch.nn.utils.clip_grad_norm_}'s; θ is one flat vector, so
 * its norm is the global norm over all parameters.
 */
public final class ClipByGlobalNorm extends GradientTransform {
    private final double maxNorm;
    private double scale;

    /**
     * @param maxNorm c &gt; 0
     * @param inner   the optimizer that takes the clipped gradient
     */
    public ClipByGlobalNorm(double maxNorm, Optimizer inner) {
        super(inner);
        this.maxNorm = Check.positive("maxNorm", maxNorm);
    }

    @Override
    protected void begin(INDArray theta, INDArray grad) {
        double norm = grad.norm2Number().doubleValue();
        scale = Math.min(1, maxNorm / (norm + 1e-6));
    }

    @Override
    protected void transform(double[] theta, double[] g, int n) {
        double scale = this.scale;
        for (int i = 0; i < n; i++) {
            g[i] *= scale;
        }
    }

    @Override
    protected void transform(float[] theta, float[] g, int n) {
        float scale = (float) this.scale;
        for (int i = 0; i < n; i++) {
            g[i] *= scale;
        }
    }
}
