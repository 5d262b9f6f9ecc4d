package descent.optim;

import static java.lang.Math.fma;

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
        super(lr, "Eg2", "Edelta2");
        this.rho = Check.rate("rho", rho);
        this.eps = Check.positive("eps", eps);
    }

    @Override
    protected void update(double[] theta, double[] g, double[][] state, int n) {
        double lr = this.lr, rho = this.rho, eps = this.eps;
        double[] Eg2 = state[0], Edelta2 = state[1];
        for (int i = 0; i < n; i++) {
            Eg2[i] = fma((1 - rho) * g[i], g[i], rho * Eg2[i]);
            double delta = sqrt((Edelta2[i] + eps) / (Eg2[i] + eps)) * g[i];   // RMS[Δ]/RMS[g]·g
            Edelta2[i] = fma((1 - rho) * delta, delta, rho * Edelta2[i]);
            theta[i] = fma(-lr, delta, theta[i]);
        }
    }

    @Override
    protected void update(float[] theta, float[] g, float[][] state, int n) {
        float lr = (float) this.lr, rho = (float) this.rho, eps = (float) this.eps;
        float[] Eg2 = state[0], Edelta2 = state[1];
        for (int i = 0; i < n; i++) {
            Eg2[i] = fma((1 - rho) * g[i], g[i], rho * Eg2[i]);
            float delta = sqrt((Edelta2[i] + eps) / (Eg2[i] + eps)) * g[i];
            Edelta2[i] = fma((1 - rho) * delta, delta, rho * Edelta2[i]);
            theta[i] = fma(-lr, delta, theta[i]);
        }
    }

    /** A copy of E[g²] (torch's square_avg), or null before the first step. */
    public INDArray meanSquareGradient() {
        return stateCopy("Eg2");
    }

    /** A copy of E[Δ²] (torch's acc_delta), or null before the first step. */
    public INDArray meanSquareDelta() {
        return stateCopy("Edelta2");
    }
}
