package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * AdaGrad: a per-coordinate rate that shrinks with the sum of all past squared gradients.
 *
 * <pre>
 *   η_t = η / (1 + (t − 1)·lr_decay)
 *   G ← G + g²                       (G starts at initial_accumulator_value)
 *   θ ← θ − η_t · g / (√G + ε)
 * </pre>
 *
 * <p>Duchi, Hazan &amp; Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic
 * Optimization" (JMLR 2011). Equals {@code torch.optim.Adagrad} (lr 1e-2, lr_decay 0,
 * initial_accumulator_value 0, eps 1e-10). Because G only grows, the effective rate
 * η_t/(√G + ε) only falls, often too fast; {@link #reset()} forgets G (and t), the lesson's
 * "reset AdaGrad's sum" trick.
 */
public final class AdaGrad extends ElementwiseOptimizer {
    private final double lrDecay, eps;
    private final State G;   // the sum of squared gradients
    private double rate;

    /** AdaGrad with torch's defaults: no rate decay, G starting at 0, ε = 1e-10. */
    public AdaGrad(double lr) {
        this(lr, 0, 0, 1e-10);
    }

    /**
     * @param lr                      η, a finite number ≥ 0
     * @param lrDecay                 a finite number ≥ 0
     * @param initialAccumulatorValue G's value before the first step, a finite number ≥ 0
     * @param eps                     ε &gt; 0, added to √G
     */
    public AdaGrad(double lr, double lrDecay, double initialAccumulatorValue, double eps) {
        super(lr);
        this.lrDecay = Check.atLeast("lrDecay", lrDecay, 0);
        this.G = state(Check.atLeast("initialAccumulatorValue", initialAccumulatorValue, 0));
        this.eps = Check.positive("eps", eps);
    }

    @Override
    void begin(long t) {
        rate = lr / (1 + (t - 1) * lrDecay);
    }

    /** The rule on n parameters; {@code FloatRules.adaGrad} is this text in float. */
    static void rule(double[] theta, double[] g, double[] G, int n, double rate, double eps) {
        for (int i = 0; i < n; i++) {
            G[i] = fma(g[i], g[i], G[i]);                          // G + g²
            theta[i] -= rate * g[i] / (sqrt(G[i]) + eps);          // θ − η_t·g/(√G + ε)
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, G.in(b), b.n, rate, eps);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.adaGrad(b.theta, b.g, G.in(b), b.n, (float) rate, (float) eps);
    }

    /** A copy of the sum of squared gradients G, or null before the first step. */
    public INDArray sumOfSquares() {
        return copy(G);
    }

    /**
     * The per-coordinate rate the next step will use, η_{t+1}/(√G + ε), as a new array; null
     * before the first step.
     */
    public INDArray effectiveRate() {
        INDArray G = sumOfSquares();
        if (G == null) return null;
        double next = lr / (1 + t * lrDecay);
        return Transforms.sqrt(G, false).addi(eps).rdivi(next);
    }
}
