package descent.optim;

import static java.lang.Math.fma;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Momentum with dampening and a velocity that starts at 0, as the textbooks write it.
 *
 * <pre>
 *   v ← μ·v + (1 − d)·g        (v starts at 0)
 *   θ ← θ − η·v
 * </pre>
 *
 * <p>With d = μ the velocity is an exponential moving average of the gradients (the "EMA" form
 * of momentum, e.g. Goodfellow, Bengio &amp; Courville, <i>Deep Learning</i>, 2016, §8.3.2, and
 * Adam's m). <b>When it agrees with {@link Momentum}</b> (torch: the same rule, but the first
 * step sets v ← g, undampened): exactly when d = 0, where μ·0 + g = g. With d &gt; 0 this first
 * velocity is (1 − d)·g instead of g, and since every later v is μ·v plus the same terms, the
 * two velocities differ by μ^(t−1)·d·g₁ at step t: torch's first step is 1/(1 − d) times larger
 * and the gap fades as μᵗ.
 */
public final class DampenedMomentum extends ElementwiseOptimizer {
    private final double mu, dampening;
    private final State v = state();   // the velocity

    /**
     * @param lr        η, a finite number ≥ 0
     * @param momentum  μ in [0, 1)
     * @param dampening d in [0, 1): the share of each gradient left out of v
     */
    public DampenedMomentum(double lr, double momentum, double dampening) {
        super(lr);
        this.mu = Check.rate("momentum", momentum);
        this.dampening = Check.rate("dampening", dampening);
    }

    /** The rule on n parameters; {@code FloatRules.dampenedMomentum} is this text in float. */
    static void rule(double[] theta, double[] g, double[] v, int n, double lr, double mu, double keep) {
        for (int i = 0; i < n; i++) {
            v[i] = fma(keep, g[i], mu * v[i]);                       // μ·v + (1 − d)·g
            theta[i] = fma(-lr, v[i], theta[i]);                     // θ − η·v
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, v.in(b), b.n, lr, mu, 1 - dampening);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.dampenedMomentum(b.theta, b.g, v.in(b), b.n, (float) lr, (float) mu, (float) (1 - dampening));
    }

    /** A copy of the velocity v, or null before the first step. */
    public INDArray v() {
        return copy(v);
    }
}
