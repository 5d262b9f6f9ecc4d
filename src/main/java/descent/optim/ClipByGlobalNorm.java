package descent.optim;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
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
    void begin(INDArray theta, INDArray grad) {
        double norm = grad.norm2Number().doubleValue();   // g is finite (checked), but its norm may overflow
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException("grad's norm must be finite, got " + norm + " (its squares overflow "
                    + grad.dataType() + "); the step was refused before θ or the state changed");
        }
        scale = Math.min(1, maxNorm / (norm + 1e-6));
    }

    /** The rule on n coordinates; {@code FloatRules.clipByGlobalNorm} is this text in float. */
    static void rule(double[] g, int n, double scale) {
        for (int i = 0; i < n; i++) {
            g[i] *= scale;                                         // g·min(1, c/(‖g‖ + 10⁻⁶))
        }
    }

    @Override
    void transform(DoubleBlock b) {
        rule(b.g, b.n, scale);
    }

    @Override
    void transform(FloatBlock b) {
        FloatRules.clipByGlobalNorm(b.g, b.n, (float) scale);
    }
}
