package descent.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Batch normalisation (Ioffe and Szegedy, 2015) of each feature over the batch, as PyTorch's
 * {@code BatchNorm1d}:
 * <pre>
 *   training:  μ = mean(x), σ² = mean((x − μ)²)         (over the batch, per feature)
 *              running μ ← (1 − m)·μ_run + m·μ,  σ²_run ← (1 − m)·σ²_run + m·σ²·n/(n − 1)
 *   eval:      μ = μ_run, σ² = σ²_run
 *   x̂ = (x − μ) / √(σ² + ε)        y = γ·x̂ + β          (γ, β are parameters in θ)
 * </pre>
 * Backward in training mode, where μ and σ² depend on x:
 * <pre>
 *   ∂L/∂β = Σ ∂L/∂y      ∂L/∂γ = Σ ∂L/∂y·x̂      ∂L/∂x = γ/(n√(σ²+ε)) · (n·∂L/∂y − ∂L/∂β − x̂·∂L/∂γ)
 * </pre>
 * In eval mode μ and σ² are constants and ∂L/∂x = γ/√(σ²+ε) · ∂L/∂y. Because y does not change when
 * the incoming weights are scaled, weight decay on those weights only changes their scale: the
 * λα flat direction of the hyper-parameter lesson. Defaults: m = 0.1, ε = 1e-5; γ starts at 1, β at 0.
 * Training needs batches of at least 2 rows, as in PyTorch ("Expected more than 1 value per channel
 * when training"): with one row σ² = 0, x̂ = 0 and y = β whatever the input, and no gradient
 * reaches the layers below; {@code Trainer} checks this before its first step.
 */
public final class BatchNorm implements Layer {

    private final int features;
    private final double momentum;
    private final double eps;
    private INDArray gamma, beta, dGamma, dBeta;
    private final double[] runningMean, runningVar;
    private INDArray y, dx;
    private double[] xHat, gs, g, bt, dg, dbt, invStd;
    private boolean trained;

    public BatchNorm(int features) {
        this(features, 0.1, 1e-5);
    }

    public BatchNorm(int features, double momentum, double eps) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], got " + momentum);
        }
        if (!(eps > 0 && Double.isFinite(eps))) {
            throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps);
        }
        this.features = features;
        this.momentum = momentum;
        this.eps = eps;
        this.runningMean = new double[features];
        this.runningVar = new double[features];
        java.util.Arrays.fill(runningVar, 1.0);
        this.invStd = new double[features];
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.columns() != features) {
            throw new IllegalArgumentException("x must have " + features + " columns, got "
                    + java.util.Arrays.toString(x.shape()));
        }
        int n = (int) x.rows();
        int k = features;
        if (training && n < 2) {
            throw new IllegalArgumentException("batch norm needs a batch of >= 2 rows in training (the variance of one"
                    + " example is 0), got " + n + "; use a batch size that leaves no batch of one row, or eval mode for one example");
        }
        trained = training;
        y = Views.reuse(y, x, n, k);
        xHat = Heap.read(x, xHat);
        g = Heap.read(gamma, g);
        bt = Heap.read(beta, bt);
        for (int j = 0; j < k; j++) {
            double mean = runningMean[j];
            double var = runningVar[j];
            if (training) {
                mean = 0;
                for (int r = 0; r < n; r++) {
                    mean += xHat[r * k + j];
                }
                mean /= n;
                var = 0;
                for (int r = 0; r < n; r++) {
                    double c = xHat[r * k + j] - mean;
                    var += c * c;
                }
                var /= n;
                runningMean[j] = (1 - momentum) * runningMean[j] + momentum * mean;
                runningVar[j] = (1 - momentum) * runningVar[j] + momentum * var * n / (n - 1);
            }
            invStd[j] = 1 / Math.sqrt(var + eps);
            for (int r = 0; r < n; r++) {
                xHat[r * k + j] = (xHat[r * k + j] - mean) * invStd[j];    // x̂ = (x − μ)/√(σ²+ε)
            }
        }
        gs = Heap.grow(gs, n * k);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                gs[r * k + j] = g[j] * xHat[r * k + j] + bt[j];           // y = γx̂ + β
            }
        }
        Heap.write(gs, y);
        return y;
    }

    @Override
    public INDArray backward(INDArray dy) {
        int n = (int) dy.rows();
        int k = features;
        dx = Views.reuse(dx, dy, n, k);
        gs = Heap.read(dy, gs);
        dg = Heap.grow(dg, k);
        dbt = Heap.grow(dbt, k);
        for (int j = 0; j < k; j++) {
            double sumDy = 0;
            double sumDyXHat = 0;
            for (int r = 0; r < n; r++) {
                sumDy += gs[r * k + j];
                sumDyXHat += gs[r * k + j] * xHat[r * k + j];
            }
            dbt[j] = sumDy;                                                // ∂L/∂β = Σ ∂L/∂y
            dg[j] = sumDyXHat;                                             // ∂L/∂γ = Σ ∂L/∂y·x̂
            double scale = g[j] * invStd[j];
            for (int r = 0; r < n; r++) {
                int i = r * k + j;
                gs[i] = trained
                        ? scale / n * (n * gs[i] - sumDy - xHat[i] * sumDyXHat)
                        : scale * gs[i];
            }
        }
        Heap.write(dg, dGamma);
        Heap.write(dbt, dBeta);
        Heap.write(gs, dx);
        return dx;
    }

    @Override
    public INDArray output() {
        return y;
    }

    @Override
    public long parameterCount() {
        return 2L * features;
    }

    @Override
    public void bind(INDArray theta, INDArray grad, long offset) {
        gamma = Views.row(theta, offset, features);
        dGamma = Views.row(grad, offset, features);
        beta = Views.row(theta, offset + features, features);
        dBeta = Views.row(grad, offset + features, features);
    }

    @Override
    public void init(Random rng) {
        gamma.assign(1);
        beta.assign(0);
        java.util.Arrays.fill(runningMean, 0.0);
        java.util.Arrays.fill(runningVar, 1.0);
    }

    /** The scale γ (1, features), a view into θ. */
    public INDArray gamma() {
        return gamma;
    }

    /** The shift β (1, features), a view into θ. */
    public INDArray beta() {
        return beta;
    }

    /** A copy of the running mean used in eval mode. */
    public double[] runningMean() {
        return runningMean.clone();
    }

    /** A copy of the running (unbiased) variance used in eval mode. */
    public double[] runningVariance() {
        return runningVar.clone();
    }

    @Override
    public String toString() {
        return "BatchNorm(" + features + ")";
    }
}
