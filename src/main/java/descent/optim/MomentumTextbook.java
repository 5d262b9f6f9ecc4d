package descent.optim;

import static java.lang.Math.fma;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Momentum as the lesson and Sutskever et al. write it: the learning rate inside the velocity.
 *
 * <pre>
 *   v ← γ·v + η·g        (v starts at 0)
 *   θ ← θ − v
 * </pre>
 *
 * <p>Sutskever, Martens, Dahl &amp; Hinton, "On the importance of initialization and momentum in
 * deep learning" (ICML 2013), eq. 1–2; Polyak (1964). <b>When it agrees with {@link Momentum}</b>
 * (torch's {@code v ← μv + g, θ ← θ − ηv}, whose v starts at the first gradient): while η stays
 * the same, this v is η times torch's at every step (γ·ηv + ηg = η(γv + g), and both start at ηg
 * = η·g), so θ walks the same path, to rounding. When η changes, they part: here the new η
 * scales only the gradients that arrive from now on; in torch it scales the whole velocity at
 * once, the past included.
 */
public final class MomentumTextbook extends ElementwiseOptimizer {
    private final double gamma;
    private final State v = state();   // the velocity, in θ's units

    /**
     * @param lr       η, a finite number ≥ 0
     * @param momentum γ in [0, 1)
     */
    public MomentumTextbook(double lr, double momentum) {
        super(lr);
        this.gamma = Check.rate("momentum", momentum);
    }

    /** The rule on n parameters; {@code FloatRules.momentumTextbook} is this text in float. */
    static void rule(double[] theta, double[] g, double[] v, int n, double lr, double gamma) {
        for (int i = 0; i < n; i++) {
            v[i] = fma(lr, g[i], gamma * v[i]);                      // γ·v + η·g
            theta[i] -= v[i];                                        // θ − v
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, v.in(b), b.n, lr, gamma);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.momentumTextbook(b.theta, b.g, v.in(b), b.n, (float) lr, (float) gamma);
    }

    /** A copy of the velocity v (η times torch's momentum_buffer), or null before the first step. */
    public INDArray v() {
        return copy(v);
    }
}
