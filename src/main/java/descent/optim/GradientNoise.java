package descent.optim;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Annealed Gaussian gradient noise, added before the wrapped step.
 *
 * <pre>
 *   g ← g + N(0, σ_t²),   σ_t² = η / (1 + t)^γ,   t = 0, 1, 2, … the steps taken so far
 * </pre>
 *
 * <p>Neelakantan et al., "Adding Gradient Noise Improves Learning for Very Deep Networks" (2015),
 * with their defaults η = 0.01, γ = 0.55. Here η is the noise scale, not the learning rate. The
 * noise of step t is drawn block by block (see {@link Walk}), each block's from a generator
 * seeded with (seed, t, block), so a run is reproducible on any number of cores and a refused
 * step draws nothing that the next step would miss.
 */
public final class GradientNoise extends GradientTransform {
    private final double eta, gamma;
    private final long seed;
    private long t;
    private double sigma;

    /** Noise with the paper's η = 0.01, γ = 0.55. */
    public GradientNoise(long seed, Optimizer inner) {
        this(0.01, 0.55, seed, inner);
    }

    /**
     * @param eta   η &gt; 0, the noise variance at t = 0
     * @param gamma γ ≥ 0, how fast the variance anneals
     * @param seed  seed of the Gaussian draws
     * @param inner the optimizer that takes the noisy gradient
     */
    public GradientNoise(double eta, double gamma, long seed, Optimizer inner) {
        super(inner);
        this.eta = Check.positive("eta", eta);
        this.gamma = Check.atLeast("gamma", gamma, 0);
        this.seed = seed;
    }

    /** σ_t, the standard deviation of the noise at step t. */
    public double sigma(long t) {
        return Math.sqrt(eta / Math.pow(1 + t, gamma));
    }

    @Override
    void begin(INDArray theta, INDArray grad) {
        sigma = sigma(t);
    }

    /** The rule on n coordinates; {@code FloatRules.gradientNoise} is this text in float. */
    static void rule(double[] g, int n, double sigma, SplittableRandom random) {
        for (int i = 0; i < n; i++) {
            g[i] += sigma * random.nextGaussian();                 // g + N(0, σ_t²)
        }
    }

    /** The draws of block b at step t come from a generator seeded with (seed, t, b). */
    private SplittableRandom random(int block) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (t + 1)) ^ (0xBF58476D1CE4E5B9L * block));
    }

    @Override
    void transform(DoubleBlock b) {
        rule(b.g, b.n, sigma, random(b.index));
    }

    @Override
    void transform(FloatBlock b) {
        FloatRules.gradientNoise(b.g, b.n, (float) sigma, random(b.index));
    }

    @Override
    void end() {
        t++;
    }

    @Override
    public void reset() {
        super.reset();
        t = 0;
    }
}
