package descent.optim;

import static java.lang.Math.max;
import static java.lang.Math.min;

import descent.check.Check;
import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Rprop (resilient backpropagation): each coordinate steps by its own size Δ in the direction of
 * −sign(g), and Δ grows while the gradient keeps its sign and shrinks when it flips.
 *
 * <pre>
 *   Δ ← min(Δ·η₊, Δ_max)   if g·g_prev &gt; 0       (Δ starts at η)
 *   Δ ← max(Δ·η₋, Δ_min)   if g·g_prev &lt; 0, and then g ← 0
 *   θ ← θ − sign(g)·Δ
 *   g_prev ← g             (g_prev starts at 0)
 * </pre>
 *
 * <p>Riedmiller &amp; Braun, "A Direct Adaptive Method for Faster Backpropagation Learning: The
 * RPROP Algorithm" (ICNN 1993). Equals {@code torch.optim.Rprop} (lr 1e-2, etas (0.5, 1.2),
 * step_sizes (1e-6, 50)): after a sign flip no step is taken and the flipped gradient is
 * forgotten (g_prev ← 0), so the next step neither grows nor shrinks Δ. The size of g never
 * enters the step, only its sign: that is why Rprop is a full-batch method. A mini-batch
 * gradient's sign flips by noise, and each flip halves Δ (lesson 15).
 *
 * <p>Like torch's lr, η only sets every Δ on the first step; changing it afterwards (a schedule)
 * changes nothing.
 */
public final class Rprop extends ElementwiseOptimizer {
    private final double etaMinus, etaPlus, minStep, maxStep;
    private final State stepSize = state(), previous = state();   // Δ and g_prev

    /** Rprop with torch's defaults: η₋ = 0.5, η₊ = 1.2, Δ in [1e-6, 50]. */
    public Rprop(double lr) {
        this(lr, 0.5, 1.2, 1e-6, 50);
    }

    /**
     * @param lr       η, every Δ's first value, a finite number ≥ 0
     * @param etaMinus η₋ in (0, 1), the factor on Δ when the gradient's sign flips
     * @param etaPlus  η₊ &gt; 1, the factor on Δ when the gradient keeps its sign
     * @param minStep  Δ_min, a finite number ≥ 0
     * @param maxStep  Δ_max, a finite number ≥ Δ_min
     */
    public Rprop(double lr, double etaMinus, double etaPlus, double minStep, double maxStep) {
        super(lr);
        if (!(etaMinus > 0 && etaMinus < 1)) throw new IllegalArgumentException("etaMinus must be in (0, 1), got " + etaMinus);
        this.etaMinus = etaMinus;
        if (!(etaPlus > 1 && etaPlus < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("etaPlus must be a finite number > 1, got " + etaPlus);
        }
        this.etaPlus = etaPlus;
        this.minStep = Check.nonNegative("minStep", minStep);
        this.maxStep = Check.atLeast("maxStep", maxStep, minStep);
    }

    /** The rule on n parameters; {@code FloatRules.rprop} is this text in float. */
    static void rule(double[] theta, double[] g, double[] stepSize, double[] previous, int n, double lr,
                     double etaMinus, double etaPlus, double minStep, double maxStep, boolean first) {
        for (int i = 0; i < n; i++) {
            double agreement = g[i] * previous[i];                               // g·g_prev
            double factor = agreement > 0 ? etaPlus : agreement < 0 ? etaMinus : 1;
            stepSize[i] = min(max((first ? lr : stepSize[i]) * factor, minStep), maxStep);
            double direction = agreement < 0 ? 0 : g[i];                         // g ← 0 after a flip
            theta[i] -= direction > 0 ? stepSize[i] : direction < 0 ? -stepSize[i] : 0;   // θ − sign(g)·Δ
            previous[i] = direction;                                             // g_prev ← g
        }
    }

    @Override
    void update(DoubleBlock b) {
        rule(b.theta, b.g, stepSize.in(b), previous.in(b), b.n, lr, etaMinus, etaPlus, minStep, maxStep, t == 1);
    }

    @Override
    void update(FloatBlock b) {
        FloatRules.rprop(b.theta, b.g, stepSize.in(b), previous.in(b), b.n, (float) lr, (float) etaMinus,
                (float) etaPlus, (float) minStep, (float) maxStep, t == 1);
    }

    /** A copy of the step sizes Δ, or null before the first step. */
    public INDArray stepSizes() {
        return copy(stepSize);
    }
}
