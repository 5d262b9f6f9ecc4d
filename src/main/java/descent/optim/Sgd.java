package descent.optim;

import static java.lang.Math.fma;

/**
 * Plain (stochastic) gradient descent: step against the gradient.
 *
 * <pre>
 *   θ ← θ − η·g
 * </pre>
 *
 * <p>Cauchy (1847); Robbins &amp; Monro, "A Stochastic Approximation Method" (1951) for the
 * stochastic form. Equals {@code torch.optim.SGD(lr=η)} with momentum 0; torch's weight_decay is
 * {@link WeightDecay}.
 */
public final class Sgd extends ElementwiseOptimizer {

    /** @param lr η, a finite number ≥ 0 */
    public Sgd(double lr) {
        super(lr);
    }

    @Override
    protected void update(double[] theta, double[] g, double[][] state, int n) {
        double lr = this.lr;
        for (int i = 0; i < n; i++) {
            theta[i] = fma(-lr, g[i], theta[i]);                  // θ − η·g, one rounding as torch
        }
    }

    @Override
    protected void update(float[] theta, float[] g, float[][] state, int n) {
        float lr = (float) this.lr;
        for (int i = 0; i < n; i++) {
            theta[i] = fma(-lr, g[i], theta[i]);
        }
    }
}
