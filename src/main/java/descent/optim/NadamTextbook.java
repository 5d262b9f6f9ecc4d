package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.pow;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Nadam in its simplified form: a constant momentum μ = β1 instead of a schedule μ_t.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
 *   m̂ = β1·m/(1 − β1ᵗ⁺¹) + (1 − β1)·g/(1 − β1ᵗ)     (the look-ahead momentum, bias-corrected)
 *   θ ← θ − η·m̂ / (√(v/(1 − β2ᵗ)) + ε)
 * </pre>
 *
 * <p>Dozat, "Incorporating Nesterov Momentum into Adam" (ICLR 2016 workshop), Algorithm 2 with
 * μ_t = β1 at every step, the form most courses teach. <b>When it agrees with {@link Nadam}</b>
 * (torch: μ_t = β1·(1 − ½·0.96^(tψ)), which warms up from β1/2 toward β1): exactly when μ_t
 * is β1 from the first step, i.e. ψ so large that 0.96^(tψ) is 0 (ψ = 1e5 in double); with
 * torch's ψ = 4e-3 the first hundreds of steps take about half the momentum this form takes,
 * and the two meet only after μ_t has warmed up (tψ in the hundreds).
 */
public final class NadamTextbook extends ElementwiseOptimizer {
    private final double beta1, beta2, eps;
    private final State m = state(), v = state();   // the first and second moments
    private double gradStep, momentumStep, correction2;

    /** Nadam with torch's β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public NadamTextbook(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /** @see Adam#Adam(double, double, double, double) */
    public NadamTextbook(double lr, double beta1, double beta2, double eps) {
        super(lr);
        this.beta1 = Check.rate("beta1", beta1);
        this.beta2 = Check.rate("beta2", beta2);
        this.eps = Check.positive("eps", eps);
    }

    @Override
    void begin(long t) {
        momentumStep = lr * beta1 / (1 - pow(beta1, t + 1));        // η·β1/(1 − β1ᵗ⁺¹)
        gradStep = lr * (1 - beta1) / (1 - pow(beta1, t));          // η·(1 − β1)/(1 − β1ᵗ)
        correction2 = 1 - pow(beta2, t);                            // 1 − β2ᵗ
    }

    /** The rule on n parameters; {@code FloatRules.nadamTextbook} is this text in float. */
    static void rule(double[] theta, double[] g, double[] m, double[] v, int n, double beta1, double beta2,
                     double momentumStep, double gradStep, double correction2, double eps) {
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);                      // β1·m + (1 − β1)·g
            v[i] = fma((1 - beta2) * g[i], g[i], beta2 * v[i]);             // β2·v + (1 − β2)·g²
            theta[i] -= (momentumStep * m[i] + gradStep * g[i]) / (sqrt(v[i] / correction2) + eps);   // η·m̂/(√v̂ + ε)
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, m.in(b), v.in(b), b.n, beta1, beta2, momentumStep, gradStep, correction2, eps);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.nadamTextbook(b.theta, b.g, m.in(b), v.in(b), b.n, (float) beta1, (float) beta2,
                (float) momentumStep, (float) gradStep, (float) correction2, (float) eps);
    }

    /** A copy of the first moment m, or null before the first step. */
    public INDArray m() {
        return copy(m);
    }

    /** A copy of the second moment v, or null before the first step. */
    public INDArray v() {
        return copy(v);
    }
}
