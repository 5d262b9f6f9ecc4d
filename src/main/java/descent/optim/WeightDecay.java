package descent.optim;

import static java.lang.Math.fma;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;

/**
 * L2 weight decay: the gradient of ½λ‖θ‖² added to the gradient before the wrapped optimizer
 * sees it.
 *
 * <pre>
 *   g ← g + λ·θ,   then the wrapped step
 * </pre>
 *
 * <p>Krogh &amp; Hertz, "A Simple Weight Decay Can Improve Generalization" (NIPS 1991). This is
 * torch's {@code weight_decay} option of SGD, Adagrad, RMSprop, Adam, Adamax, NAdam and Adadelta
 * ({@code grad.add(param, alpha=λ)}), so {@code new WeightDecay(0.1, new Momentum(0.01, 0.9))}
 * equals {@code SGD(lr=0.01, momentum=0.9, weight_decay=0.1)}. Around an adaptive method the
 * decay is rescaled like the gradient; for decay that is not, see {@link DecoupledWeightDecay}.
 */
public final class WeightDecay extends GradientTransform {
    private final double lambda;

    /**
     * @param lambda λ, a finite number ≥ 0
     * @param inner  the optimizer that takes the decayed gradient
     */
    public WeightDecay(double lambda, Optimizer inner) {
        super(inner);
        this.lambda = Check.atLeast("lambda", lambda, 0);
    }

    /** The rule on n coordinates; {@code FloatRules.weightDecay} is this text in float. */
    static void rule(double[] theta, double[] g, int n, double lambda) {
        for (int i = 0; i < n; i++) {
            g[i] = fma(lambda, theta[i], g[i]);                    // g + λ·θ, one rounding as torch
        }
    }

    @Override
    void transform(DoubleBlock b) {
        rule(b.theta, b.g, b.n, lambda);
    }

    @Override
    void transform(FloatBlock b) {
        FloatRules.weightDecay(b.theta, b.g, b.n, (float) lambda);
    }
}
