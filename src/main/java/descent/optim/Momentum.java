package descent.optim;

import static java.lang.Math.fma;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient descent with (heavy-ball) momentum, in torch's form.
 *
 * <pre>
 *   v ← g                         on the first step
 *   v ← μ·v + (1 − dampening)·g   afterwards
 *   θ ← θ − η·v
 * </pre>
 *
 * <p>Polyak, "Some methods of speeding up the convergence of iteration methods" (1964); this is
 * {@code torch.optim.SGD(lr=η, momentum=μ, dampening=d)}, whose buffer starts at the first
 * gradient instead of at zero.
 *
 * <p><b>The lesson's form</b> is {@code v ← γv + ηg, θ ← θ − v} (Sutskever et al. 2013). With
 * a constant η the two are the same walk: the lesson's v is η times torch's v, by induction
 * (ηv' = γ·ηv + η·g), so both move θ by the same amount. They differ only when η changes: torch's
 * buffer carries gradients and the new η scales the whole velocity at once. In steady state on a
 * constant gradient v → g/(1 − μ): the step is 1/(1 − μ) = 10× the plain step for μ = 0.9.
 */
public final class Momentum extends ElementwiseOptimizer {
    private final double mu, dampening;
    private final State v = state();   // the velocity, torch's momentum_buffer

    /** Momentum with μ = momentum and no dampening. */
    public Momentum(double lr, double momentum) {
        this(lr, momentum, 0);
    }

    /**
     * @param lr        η, a finite number ≥ 0
     * @param momentum  μ in [0, 1) (μ = 0 is plain {@link Sgd}; at μ ≥ 1 the velocity never forgets
     *                  a gradient, and on a constant one it grows without bound instead of to g/(1 − μ))
     * @param dampening d in [0, 1): the share of the new gradient removed after the first step
     */
    public Momentum(double lr, double momentum, double dampening) {
        super(lr);
        this.mu = Check.rate("momentum", momentum);
        this.dampening = Check.rate("dampening", dampening);
    }

    /** The rule on n parameters; {@code FloatRules.momentum} is this text in float. */
    static void rule(double[] theta, double[] g, double[] v, int n, double lr, double mu, double keep, boolean first) {
        for (int i = 0; i < n; i++) {
            v[i] = first ? g[i] : fma(keep, g[i], mu * v[i]);   // μ·v + (1 − d)·g
            theta[i] = fma(-lr, v[i], theta[i]);                 // θ − η·v
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, v.in(b), b.n, lr, mu, 1 - dampening, t == 1);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.momentum(b.theta, b.g, v.in(b), b.n, (float) lr, (float) mu, (float) (1 - dampening), t == 1);
    }

    /** A copy of the velocity v (torch's momentum_buffer), or null before the first step. */
    public INDArray v() {
        return copy(v);
    }
}
