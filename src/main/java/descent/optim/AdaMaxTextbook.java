package descent.optim;

import static java.lang.Math.abs;
import static java.lang.Math.fma;
import static java.lang.Math.max;
import static java.lang.Math.pow;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AdaMax exactly as the paper's Algorithm 2 writes it: no ε.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   u ← max(β2·u, |g|)
 *   θ ← θ − η/(1 − β1ᵗ) · m / u
 * </pre>
 *
 * <p>Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015), section 7.1,
 * Algorithm 2 (α = 0.002, β1 = 0.9, β2 = 0.999). <b>When it agrees with {@link AdaMax}</b>
 * (torch: u ← max(β2·u, |g| + ε)): exactly with ε = 0 there. With ε &gt; 0 torch's u is larger
 * by at most ε, so the two differ only where |g| has been as small as ε. A coordinate whose
 * gradient has been 0 at every step has m = u = 0 here, and m/u = 0/0: this form steps NaN, which
 * is why torch adds ε; the step refuses nothing, so give it gradients that are not 0 from the
 * start, as the paper assumes.
 */
public final class AdaMaxTextbook extends ElementwiseOptimizer {
    private final double beta1, beta2;
    private final State m = state(), u = state();   // the first moment and the infinity norm
    private double stepSize;

    /** AdaMax with the paper's β1 = 0.9, β2 = 0.999. */
    public AdaMaxTextbook(double lr) {
        this(lr, 0.9, 0.999);
    }

    /**
     * @param lr    α, a finite number ≥ 0
     * @param beta1 β1 in [0, 1), decay of the first moment m
     * @param beta2 β2 in [0, 1), decay of the infinity norm u
     */
    public AdaMaxTextbook(double lr, double beta1, double beta2) {
        super(lr);
        this.beta1 = Check.rate("beta1", beta1);
        this.beta2 = Check.rate("beta2", beta2);
    }

    @Override
    void begin(long t) {
        stepSize = lr / (1 - pow(beta1, t));                         // η/(1 − β1ᵗ)
    }

    /** The rule on n parameters; {@code FloatRules.adaMaxTextbook} is this text in float. */
    static void rule(double[] theta, double[] g, double[] m, double[] u, int n, double beta1, double beta2, double stepSize) {
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);               // β1·m + (1 − β1)·g
            u[i] = max(beta2 * u[i], abs(g[i]));                     // max(β2·u, |g|)
            theta[i] -= stepSize * m[i] / u[i];                      // θ − η/(1 − β1ᵗ)·m/u
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, m.in(b), u.in(b), b.n, beta1, beta2, stepSize);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.adaMaxTextbook(b.theta, b.g, m.in(b), u.in(b), b.n, (float) beta1, (float) beta2, (float) stepSize);
    }

    /** A copy of the first moment m, or null before the first step. */
    public INDArray m() {
        return copy(m);
    }

    /** A copy of the infinity norm u, or null before the first step. */
    public INDArray u() {
        return copy(u);
    }
}
