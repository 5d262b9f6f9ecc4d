package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RMSprop with ε inside the root, as Keras and TensorFlow write it.
 *
 * <pre>
 *   v ← ρ·v + (1 − ρ)·g²
 *   θ ← θ − η·g / √(v + ε)
 * </pre>
 *
 * <p>Tieleman &amp; Hinton, COURSERA "Neural Networks for Machine Learning", lecture 6.5 (2012),
 * which divides by √v and names no ε; {@code tf.keras.optimizers.RMSprop} (rho 0.9, epsilon
 * 1e-7) adds ε under the root. <b>When it agrees with {@link RmsProp}</b> (torch: ε added to the
 * root, g/(√v + ε)): exactly only with ε = 0; otherwise ε matters only where v is as small as ε
 * (under the root) or ε² (outside it): with ε = 1e-8 torch's ε counts once |g| falls near 1e-8,
 * this one's near 1e-4. A coordinate whose gradient is 0 from the start steps 0 in both.
 */
public final class RmsPropTextbook extends ElementwiseOptimizer {
    private final double rho, eps;
    private final State v = state();   // the mean square of g

    /** RMSprop with Keras's defaults: ρ = 0.9, ε = 1e-7. */
    public RmsPropTextbook(double lr) {
        this(lr, 0.9, 1e-7);
    }

    /**
     * @param lr  η, a finite number ≥ 0
     * @param rho ρ in [0, 1), decay of the mean square
     * @param eps ε &gt; 0, added to v under the root
     */
    public RmsPropTextbook(double lr, double rho, double eps) {
        super(lr);
        this.rho = Check.rate("rho", rho);
        this.eps = Check.positive("eps", eps);
    }

    /** The rule on n parameters; {@code FloatRules.rmsPropTextbook} is this text in float. */
    static void rule(double[] theta, double[] g, double[] v, int n, double lr, double rho, double eps) {
        for (int i = 0; i < n; i++) {
            v[i] = fma((1 - rho) * g[i], g[i], rho * v[i]);         // ρ·v + (1 − ρ)·g²
            theta[i] -= lr * g[i] / sqrt(v[i] + eps);                // θ − η·g/√(v + ε)
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, v.in(b), b.n, lr, rho, eps);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.rmsPropTextbook(b.theta, b.g, v.in(b), b.n, (float) lr, (float) rho, (float) eps);
    }

    /** A copy of the mean square v, or null before the first step. */
    public INDArray v() {
        return copy(v);
    }
}
