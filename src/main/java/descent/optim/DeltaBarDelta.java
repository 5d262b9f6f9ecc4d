package descent.optim;

import static java.lang.Math.fma;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Delta-bar-delta: a learning rate per weight, grown by a constant while the gradient agrees in
 * sign with its own recent average, cut by a fraction when it disagrees.
 *
 * <pre>
 *   ε ← ε + κ        if ḡ·g &gt; 0            (ε starts at η)
 *   ε ← (1 − φ)·ε    if ḡ·g &lt; 0
 *   θ ← θ − ε·g
 *   ḡ ← (1 − β)·g + β·ḡ                   (ḡ starts at 0)
 * </pre>
 *
 * <p>Jacobs, "Increased rates of convergence through learning rate adaptation", Neural Networks
 * 1(4), 1988, where the averaging constant β is called θ: the rates rise additively (slowly) and
 * fall multiplicatively (fast), so a rate that caused oscillation is brought down within a few
 * steps. ḡ is the average before this step's gradient joins it, so the first step, with ḡ = 0, is
 * plain gradient descent with rate η. With κ = φ = 0 every step is {@link Sgd}'s. PyTorch has no
 * delta-bar-delta; the tests check it against an independent pure-Python reference
 * (tools/golden/optim_rprop.py).
 */
public final class DeltaBarDelta extends ElementwiseOptimizer {
    private final double kappa, phi, beta;
    private final State rate = state(), average = state();   // ε and ḡ

    /**
     * @param lr    η, every weight's first rate ε, a finite number ≥ 0
     * @param kappa κ, a finite number ≥ 0, added to ε when ḡ and g agree in sign
     * @param phi   φ in [0, 1), the fraction of ε taken away when they disagree
     * @param beta  β in [0, 1), the weight of the past in the average ḡ
     */
    public DeltaBarDelta(double lr, double kappa, double phi, double beta) {
        super(lr);
        this.kappa = Check.nonNegative("kappa", kappa);
        this.phi = Check.rate("phi", phi);
        this.beta = Check.rate("beta", beta);
    }

    /** The rule on n parameters; {@code FloatRules.deltaBarDelta} is this text in float. */
    static void rule(double[] theta, double[] g, double[] rate, double[] average, int n, double lr,
                     double kappa, double phi, double beta, boolean first) {
        for (int i = 0; i < n; i++) {
            double agreement = average[i] * g[i];                                // ḡ·g
            double e = first ? lr : rate[i];
            rate[i] = agreement > 0 ? e + kappa : agreement < 0 ? e - phi * e : e;   // ε + κ, or (1 − φ)·ε
            theta[i] -= rate[i] * g[i];                                          // θ − ε·g
            average[i] = fma(1 - beta, g[i], beta * average[i]);                 // (1 − β)·g + β·ḡ
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, rate.in(b), average.in(b), b.n, lr, kappa, phi, beta, t == 1);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.deltaBarDelta(b.theta, b.g, rate.in(b), average.in(b), b.n, (float) lr, (float) kappa,
                (float) phi, (float) beta, t == 1);
    }

    /** A copy of the per-weight rates ε, or null before the first step. */
    public INDArray rates() {
        return copy(rate);
    }
}
