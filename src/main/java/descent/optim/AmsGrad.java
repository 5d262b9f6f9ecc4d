package descent.optim;

import static java.lang.Math.fma;
import static java.lang.Math.max;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AMSGrad: Adam whose scale never shrinks, normalising by the running maximum of v.
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   v_max ← max(v_max, v)
 *   θ ← θ − η/(1 − β1ᵗ) · m / (√v_max/√(1 − β2ᵗ) + ε)
 *     = θ − α_t · m / (√v_max + ε̂)          (α_t, ε̂ as in {@link Adam})
 * </pre>
 *
 * <p>Reddi, Kale &amp; Kumar, "On the Convergence of Adam and Beyond" (ICLR 2018). Equals
 * {@code torch.optim.Adam(amsgrad=True)}: the maximum is taken over the raw v (torch's
 * max_exp_avg_sqs) and bias-corrected afterwards. (The paper has no bias correction; with it,
 * as in torch, dividing v_max by the same 1 − β2ᵗ as v̂ keeps the first steps ≈ η.)
 */
public final class AmsGrad extends Adam {

    /** AMSGrad with torch's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public AmsGrad(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /** @see Adam#Adam(double, double, double, double) */
    public AmsGrad(double lr, double beta1, double beta2, double eps) {
        super(lr, beta1, beta2, eps, "m", "v", "vMax");
    }

    @Override
    protected void update(double[] theta, double[] g, double[][] state, int n) {
        double beta1 = this.beta1, beta2 = this.beta2, stepSize = this.stepSize, epsHat = this.epsHat;
        double[] m = state[0], v = state[1], vMax = state[2];
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);
            v[i] = fma((1 - beta2) * g[i], g[i], beta2 * v[i]);
            vMax[i] = max(vMax[i], v[i]);
            theta[i] -= stepSize * m[i] / (sqrt(vMax[i]) + epsHat);
        }
    }

    @Override
    protected void update(float[] theta, float[] g, float[][] state, int n) {
        float beta1 = (float) this.beta1, beta2 = (float) this.beta2,
                stepSize = (float) this.stepSize, epsHat = (float) this.epsHat;
        float[] m = state[0], v = state[1], vMax = state[2];
        for (int i = 0; i < n; i++) {
            m[i] = fma(1 - beta1, g[i], beta1 * m[i]);
            v[i] = fma((1 - beta2) * g[i], g[i], beta2 * v[i]);
            vMax[i] = max(vMax[i], v[i]);
            theta[i] -= stepSize * m[i] / (sqrt(vMax[i]) + epsHat);
        }
    }

    /** A copy of v_max, the running maximum of v, or null before the first step. */
    public INDArray vMax() {
        return stateCopy("vMax");
    }
}
