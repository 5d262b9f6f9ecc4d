package descent.optim;

import static java.lang.Math.fma;

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

    /** Momentum with μ = momentum and no dampening. */
    public Momentum(double lr, double momentum) {
        this(lr, momentum, 0);
    }

    /**
     * @param lr        η, a finite number ≥ 0
     * @param momentum  μ, a finite number ≥ 0 (μ = 0 is plain {@link Sgd})
     * @param dampening d in [0, 1): the share of the new gradient removed after the first step
     */
    public Momentum(double lr, double momentum, double dampening) {
        super(lr, "v");
        this.mu = Check.atLeast("momentum", momentum, 0);
        this.dampening = Check.rate("dampening", dampening);
    }

    @Override
    protected void update(double[] theta, double[] g, double[][] state, int n) {
        double lr = this.lr, mu = this.mu, keep = 1 - dampening;
        boolean first = t == 1;
        double[] v = state[0];
        for (int i = 0; i < n; i++) {
            v[i] = first ? g[i] : fma(keep, g[i], mu * v[i]);   // μ·v + (1 − d)·g
            theta[i] = fma(-lr, v[i], theta[i]);                 // θ − η·v
        }
    }

    @Override
    protected void update(float[] theta, float[] g, float[][] state, int n) {
        float lr = (float) this.lr, mu = (float) this.mu, keep = (float) (1 - dampening);
        boolean first = t == 1;
        float[] v = state[0];
        for (int i = 0; i < n; i++) {
            v[i] = first ? g[i] : fma(keep, g[i], mu * v[i]);
            theta[i] = fma(-lr, v[i], theta[i]);
        }
    }

    /** A copy of the velocity v (torch's momentum_buffer), or null before the first step. */
    public org.nd4j.linalg.api.ndarray.INDArray v() {
        return stateCopy("v");
    }
}
