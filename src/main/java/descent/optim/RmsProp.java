package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RMSprop: divide the gradient by a running root-mean-square of recent gradients.
 *
 * <pre>
 *   v ← α·v + (1 − α)·g²
 *   ḡ ← α·ḡ + (1 − α)·g,   s = √(v − ḡ²) + ε    (centered)
 *                          s = √v + ε            (plain)
 *   θ ← θ − η·g/s                               (momentum μ = 0)
 *   b ← μ·b + g/s,  θ ← θ − η·b                 (momentum μ &gt; 0, b starts at 0)
 * </pre>
 *
 * <p>Tieleman &amp; Hinton, COURSERA "Neural Networks for Machine Learning", lecture 6.5 (2012);
 * the centered form and momentum from Graves, "Generating Sequences With Recurrent Neural
 * Networks" (2013), eq. 38–41. Equals {@code torch.optim.RMSprop} (lr 1e-2, alpha 0.99, eps 1e-8,
 * momentum 0, centered False): ε is added to the root, not under it. The centered form divides by
 * an estimate of the gradient's standard deviation instead of its RMS.
 *
 * <p>Options give new optimizers: {@code new RmsProp(0.01).centered().withMomentum(0.9)}.
 */
public final class RmsProp extends ElementwiseOptimizer {
    private final double alpha, eps, mu;
    private final boolean centered;
    /** The mean square v; the mean gradient ḡ if centered; the momentum buffer b if μ &gt; 0. */
    private final State v = state(), gMean, b;

    /** RMSprop with torch's defaults: α = 0.99, ε = 1e-8, plain, no momentum. */
    public RmsProp(double lr) {
        this(lr, 0.99, 1e-8, 0, false);
    }

    /**
     * @param lr       η, a finite number ≥ 0
     * @param alpha    α in [0, 1), decay of the running averages
     * @param eps      ε &gt; 0, added to the root
     * @param momentum μ in [0, 1); 0 keeps no momentum buffer
     * @param centered whether to subtract the squared mean gradient ḡ² under the root
     */
    public RmsProp(double lr, double alpha, double eps, double momentum, boolean centered) {
        super(lr);
        this.alpha = Check.rate("alpha", alpha);
        this.eps = Check.positive("eps", eps);
        this.mu = Check.rate("momentum", momentum);
        this.centered = centered;
        this.gMean = centered ? state() : null;
        this.b = mu > 0 ? state() : null;
    }

    /** The same RMSprop, centered; a new optimizer with fresh state. */
    public RmsProp centered() {
        return new RmsProp(lr, alpha, eps, mu, true);
    }

    /** The same RMSprop with momentum μ; a new optimizer with fresh state. */
    public RmsProp withMomentum(double momentum) {
        return new RmsProp(lr, alpha, eps, momentum, centered);
    }

    /**
     * The rule on n parameters; gMean is read only if centered, b only if μ &gt; 0.
     * {@code FloatRules.rmsProp} is this text in float.
     */
    static void rule(double[] theta, double[] g, double[] v, double[] gMean, double[] b, int n,
                     double lr, double alpha, double eps, double mu, boolean centered) {
        for (int i = 0; i < n; i++) {
            v[i] = fma((1 - alpha) * g[i], g[i], alpha * v[i]);              // α·v + (1 − α)·g²
            double s;
            if (centered) {
                gMean[i] = fma(1 - alpha, g[i], alpha * gMean[i]);          // α·ḡ + (1 − α)·g
                s = sqrt(fma(-gMean[i], gMean[i], v[i])) + eps;             // √(v − ḡ²) + ε
            } else {
                s = sqrt(v[i]) + eps;                                       // √v + ε
            }
            if (mu > 0) {
                b[i] = mu * b[i] + g[i] / s;                                // μ·b + g/s
                theta[i] = fma(-lr, b[i], theta[i]);                        // θ − η·b
            } else {
                theta[i] -= lr * g[i] / s;                                  // θ − η·g/s
            }
        }
    }

    @Override
    void update(DoubleBlock block) {
        rule(block.theta, block.g, v.in(block), centered ? gMean.in(block) : null, mu > 0 ? b.in(block) : null, block.n,
                lr, alpha, eps, mu, centered);
    }

    @Override
    void update(FloatBlock block) {
        FloatRules.rmsProp(block.theta, block.g, v.in(block), centered ? gMean.in(block) : null, mu > 0 ? b.in(block) : null,
                block.n, (float) lr, (float) alpha, (float) eps, (float) mu, centered);
    }

    /** A copy of the running mean square v (torch's square_avg), or null before the first step. */
    public INDArray v() {
        return copy(v);
    }

    /** A copy of the running mean gradient ḡ (centered only; torch's grad_avg), else null. */
    public INDArray gMean() {
        return centered ? copy(gMean) : null;
    }

    /** A copy of the momentum buffer b (momentum &gt; 0 only), else null. */
    public INDArray b() {
        return mu > 0 ? copy(b) : null;
    }
}
