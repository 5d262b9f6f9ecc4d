package descent.optim;

import static java.lang.Math.fma;

import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;

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

    /** The rule on n parameters; {@code FloatRules.sgd} is this text in float. */
    static void rule(double[] theta, double[] g, int n, double lr) {
        for (int i = 0; i < n; i++) {
            theta[i] = fma(-lr, g[i], theta[i]);                  // θ − η·g, one rounding as torch
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, b.n, lr);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.sgd(b.theta, b.g, b.n, (float) lr);
    }
}
