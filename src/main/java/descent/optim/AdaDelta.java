package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AdaDelta: a step whose units match θ's, the RMS of past steps over the RMS of past gradients.
 *
 * <pre>
 *   E[g²]  ← ρ·E[g²] + (1 − ρ)·g²
 *   Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g
 *   E[Δ²] ← ρ·E[Δ²] + (1 − ρ)·Δ²
 *   θ ← θ − η·Δ
 * </pre>
 *
 * <p>Zeiler, "ADADELTA: An Adaptive Learning Rate Method" (2012), Algorithm 1. Equals
 * {@code torch.optim.Adadelta} (lr 1.0, rho 0.9, eps 1e-6). The paper has no learning rate; torch
 * multiplies Δ by η, and with the default η = 1 the two are the same. The code takes one root of
 * the quotient where torch divides two roots (one square root and division fewer per
 * parameter); the two agree to rounding.
 */
public final class AdaDelta extends ElementwiseOptimizer {
    private final double rho, eps;
    private final State Eg2 = state(), Edelta2 = state();   // E[g²] and E[Δ²]

    /** AdaDelta with torch's defaults: η = 1, ρ = 0.9, ε = 1e-6. */
    public AdaDelta() {
        this(1.0, 0.9, 1e-6);
    }

    /**
     * @param lr  η, a finite number ≥ 0 (1 is the paper's method)
     * @param rho ρ in [0, 1), decay of both running averages
     * @param eps ε &gt; 0
     */
    public AdaDelta(double lr, double rho, double eps) {
        super(lr);
        this.rho = Check.rate("rho", rho);
        this.eps = Check.positive("eps", eps);
    }

    /** The rule on n parameters; {@code FloatRules.adaDelta} is this text in float. */
    static void rule(double[] theta, double[] g, double[] Eg2, double[] Edelta2, int n, double lr, double rho, double eps) {
        for (int i = 0; i < n; i++) {
            Eg2[i] = fma((1 - rho) * g[i], g[i], rho * Eg2[i]);                 // ρ·E[g²] + (1 − ρ)·g²
            double delta = sqrt((Edelta2[i] + eps) / (Eg2[i] + eps)) * g[i];   // RMS[Δ]/RMS[g]·g
            Edelta2[i] = fma((1 - rho) * delta, delta, rho * Edelta2[i]);     // ρ·E[Δ²] + (1 − ρ)·Δ²
            theta[i] = fma(-lr, delta, theta[i]);                             // θ − η·Δ
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, Eg2.in(b), Edelta2.in(b), b.n, lr, rho, eps);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.adaDelta(b.theta, b.g, Eg2.in(b), Edelta2.in(b), b.n, (float) lr, (float) rho, (float) eps);
    }

    /** A copy of E[g²] (torch's square_avg), or null before the first step. */
    public INDArray meanSquareGradient() {
        return copy(Eg2);
    }

    /** A copy of E[Δ²] (torch's acc_delta), or null before the first step. */
    public INDArray meanSquareDelta() {
        return copy(Edelta2);
    }
}
