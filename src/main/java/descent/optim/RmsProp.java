package descent.optim;

import static java.lang.Math.fma;

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

    /** RMSprop with torch's defaults: α = 0.99, ε = 1e-8, plain, no momentum. */
    public RmsProp(double lr) {
        this(lr, 0.99, 1e-8, 0, false);
    }

    /**
     * @param lr       η, a finite number ≥ 0
     * @param alpha    α in [0, 1), decay of the running averages
     * @param eps      ε &gt; 0, added to the root
     * @param momentum μ, a finite number ≥ 0; 0 keeps no momentum buffer
     * @param centered whether to subtract the squared mean gradient ḡ² under the root
     */
    public RmsProp(double lr, double alpha, double eps, double momentum, boolean centered) {
        super(lr, stateNames(momentum, centered));
        this.alpha = Check.rate("alpha", alpha);
        this.eps = Check.positive("eps", eps);
        this.mu = Check.atLeast("momentum", momentum, 0);
        this.centered = centered;
    }

    private static String[] stateNames(double momentum, boolean centered) {
        if (centered) return momentum > 0 ? new String[] {"v", "gMean", "b"} : new String[] {"v", "gMean"};
        return momentum > 0 ? new String[] {"v", "b"} : new String[] {"v"};
    }

    /** The same RMSprop, centered; a new optimizer with fresh state. */
    public RmsProp centered() {
        return new RmsProp(lr, alpha, eps, mu, true);
    }

    /** The same RMSprop with momentum μ; a new optimizer with fresh state. */
    public RmsProp withMomentum(double momentum) {
        return new RmsProp(lr, alpha, eps, momentum, centered);
    }

    @Override
    protected void update(double[] theta, double[] g, double[][] state, int n) {
        double lr = this.lr, alpha = this.alpha, eps = this.eps, mu = this.mu;
        double[] v = state[0], gMean = centered ? state[1] : null, b = mu > 0 ? state[state.length - 1] : null;
        for (int i = 0; i < n; i++) {
            v[i] = fma((1 - alpha) * g[i], g[i], alpha * v[i]);              // α·v + (1 − α)·g²
            double s;
            if (centered) {
                gMean[i] = fma(1 - alpha, g[i], alpha * gMean[i]);          // α·ḡ + (1 − α)·g
                s = sqrt(fma(-gMean[i], gMean[i], v[i])) + eps;             // √(v − ḡ²) + ε
            } else {
                s = sqrt(v[i]) + eps;
            }
            if (mu > 0) {
                b[i] = mu * b[i] + g[i] / s;
                theta[i] = fma(-lr, b[i], theta[i]);
            } else {
                theta[i] -= lr * g[i] / s;
            }
        }
    }

    @Override
    protected void update(float[] theta, float[] g, float[][] state, int n) {
        float lr = (float) this.lr, alpha = (float) this.alpha, eps = (float) this.eps, mu = (float) this.mu;
        float[] v = state[0], gMean = centered ? state[1] : null, b = mu > 0 ? state[state.length - 1] : null;
        for (int i = 0; i < n; i++) {
            v[i] = fma((1 - alpha) * g[i], g[i], alpha * v[i]);
            float s;
            if (centered) {
                gMean[i] = fma(1 - alpha, g[i], alpha * gMean[i]);
                s = sqrt(fma(-gMean[i], gMean[i], v[i])) + eps;
            } else {
                s = sqrt(v[i]) + eps;
            }
            if (mu > 0) {
                b[i] = mu * b[i] + g[i] / s;
                theta[i] = fma(-lr, b[i], theta[i]);
            } else {
                theta[i] -= lr * g[i] / s;
            }
        }
    }

    /** A copy of the running mean square v (torch's square_avg), or null before the first step. */
    public INDArray v() {
        return stateCopy("v");
    }

    /** A copy of the running mean gradient ḡ (centered only; torch's grad_avg), else null. */
    public INDArray gMean() {
        return centered ? stateCopy("gMean") : null;
    }

    /** A copy of the momentum buffer b (momentum &gt; 0 only), else null. */
    public INDArray b() {
        return mu > 0 ? stateCopy("b") : null;
    }
}
