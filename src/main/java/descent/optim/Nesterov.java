package descent.optim;

import static java.lang.Math.fma;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Nesterov's accelerated gradient in torch's form: momentum, then a step along the look-ahead
 * direction g + μ·v instead of v.
 *
 * <pre>
 *   v ← g             on the first step
 *   v ← μ·v + g       afterwards
 *   θ ← θ − η·(g + μ·v)
 * </pre>
 *
 * <p>Nesterov (1983); Sutskever, Martens, Dahl &amp; Hinton, "On the importance of initialization
 * and momentum in deep learning" (ICML 2013). This is
 * {@code torch.optim.SGD(lr=η, momentum=μ, nesterov=True)}; like torch it needs μ &gt; 0 and no
 * dampening.
 *
 * <p><b>The lesson's form</b> evaluates the gradient at the look-ahead point θ − γv. Writing the
 * iteration in the shifted variable θ' = θ − ηγv gives exactly the update above (Bengio et al.,
 * "Advances in optimizing recurrent networks", 2013), so for a constant η both visit the same
 * look-ahead points; this form needs only the gradient at the current θ. {@link NesterovTextbook}
 * is the lesson's form, given a gradient function; its javadoc derives the correspondence. This
 * form differs from {@link Momentum} only by stepping along g + μ·v rather than v.
 */
public final class Nesterov extends ElementwiseOptimizer {
    private final double mu;
    private final State v = state();   // the velocity, torch's momentum_buffer

    /**
     * @param lr       η, a finite number ≥ 0
     * @param momentum μ in (0, 1); at μ ≥ 1 the velocity grows without bound, as in {@link Momentum}
     */
    public Nesterov(double lr, double momentum) {
        this(lr, momentum, 0);
    }

    /** As torch's signature: any dampening other than 0 is refused, as torch refuses it. */
    public Nesterov(double lr, double momentum, double dampening) {
        super(lr);
        this.mu = Check.rate("momentum", momentum);
        if (mu == 0) throw new IllegalArgumentException("momentum must be > 0 for Nesterov momentum, got 0.0");
        if (dampening != 0) {
            throw new IllegalArgumentException("dampening must be 0 for Nesterov momentum, got " + dampening);
        }
    }

    /** The rule on n parameters; {@code FloatRules.nesterov} is this text in float. */
    static void rule(double[] theta, double[] g, double[] v, int n, double lr, double mu, boolean first) {
        for (int i = 0; i < n; i++) {
            v[i] = first ? g[i] : mu * v[i] + g[i];               // μ·v + g
            theta[i] = fma(-lr, fma(mu, v[i], g[i]), theta[i]);   // θ − η·(g + μ·v)
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, v.in(b), b.n, lr, mu, t == 1);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.nesterov(b.theta, b.g, v.in(b), b.n, (float) lr, (float) mu, t == 1);
    }

    /** A copy of the velocity v (torch's momentum_buffer), or null before the first step. */
    public INDArray v() {
        return copy(v);
    }
}
