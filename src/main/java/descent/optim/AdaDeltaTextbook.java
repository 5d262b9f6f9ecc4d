package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.sqrt;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AdaDelta accumulating the step it actually takes, η·Δ, as the paper's Δx.
 *
 * <pre>
 *   E[g²]  ← ρ·E[g²] + (1 − ρ)·g²
 *   Δx = η · √(E[Δx²] + ε) / √(E[g²] + ε) · g
 *   E[Δx²] ← ρ·E[Δx²] + (1 − ρ)·Δx²
 *   θ ← θ − Δx
 * </pre>
 *
 * <p>Zeiler, "ADADELTA: An Adaptive Learning Rate Method" (2012), Algorithm 1, where Δx is the
 * update applied to θ; the paper has no η (η = 1). <b>When it agrees with {@link AdaDelta}</b>
 * (torch: E[Δ²] accumulates the update before η scales it): exactly when η = 1, the paper's
 * method. With η ≠ 1 the accumulated steps are η² times torch's, so the RMS of past steps, and
 * with it every later step, carries η once more: the units argument of the paper holds for this
 * form (Δx has θ's units whatever η), not for torch's.
 */
public final class AdaDeltaTextbook extends ElementwiseOptimizer {
    private final double rho, eps;
    private final State Eg2 = state(), Edx2 = state();   // E[g²] and E[Δx²]

    /** The paper's method: η = 1, ρ = 0.9 (torch's default; the paper uses 0.95), ε = 1e-6. */
    public AdaDeltaTextbook() {
        this(1.0, 0.9, 1e-6);
    }

    /**
     * @param lr  η, a finite number ≥ 0 (1 is the paper's method)
     * @param rho ρ in [0, 1), decay of both running averages
     * @param eps ε &gt; 0
     */
    public AdaDeltaTextbook(double lr, double rho, double eps) {
        super(lr);
        this.rho = Check.rate("rho", rho);
        this.eps = Check.positive("eps", eps);
    }

    /** The rule on n parameters; {@code FloatRules.adaDeltaTextbook} is this text in float. */
    static void rule(double[] theta, double[] g, double[] Eg2, double[] Edx2, int n, double lr, double rho, double eps) {
        for (int i = 0; i < n; i++) {
            Eg2[i] = fma((1 - rho) * g[i], g[i], rho * Eg2[i]);                  // ρ·E[g²] + (1 − ρ)·g²
            double dx = lr * sqrt((Edx2[i] + eps) / (Eg2[i] + eps)) * g[i];     // η·RMS[Δx]/RMS[g]·g
            Edx2[i] = fma((1 - rho) * dx, dx, rho * Edx2[i]);                  // ρ·E[Δx²] + (1 − ρ)·Δx²
            theta[i] -= dx;                                                    // θ − Δx
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, Eg2.in(b), Edx2.in(b), b.n, lr, rho, eps);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.adaDeltaTextbook(b.theta, b.g, Eg2.in(b), Edx2.in(b), b.n, (float) lr, (float) rho, (float) eps);
    }

    /** A copy of E[Δx²], the mean square of the steps taken, or null before the first step. */
    public INDArray meanSquareStep() {
        return copy(Edx2);
    }
}
