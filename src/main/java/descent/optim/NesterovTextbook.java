package descent.optim;

import descent.check.Check;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nesterov's accelerated gradient as Sutskever et al. write it: the gradient is taken at the
 * look-ahead point θ + μ·v, where the velocity is about to carry θ.
 *
 * <pre>
 *   v ← μ·v − η·∇f(θ + μ·v)      (v starts at 0)
 *   θ ← θ + v
 * </pre>
 *
 * <p>Sutskever, Martens, Dahl &amp; Hinton, "On the importance of initialization and momentum in
 * deep learning" (ICML 2013), eq. 3–4; Nesterov (1983).
 *
 * <p><b>Why it is given a function, not a gradient.</b> An {@link Optimizer} is given g at θ; this
 * form needs ∇f at a point only it knows. So {@link #step} is given the gradient function, calls
 * it once at {@link #lookAhead θ + μ·v}, and this class is not an Optimizer: a training loop that
 * hands it ∇f(θ) would walk another method.
 *
 * <p><b>When it agrees with {@link Nesterov}</b> (torch's {@code SGD(nesterov=True)}: b ← μ·b + g,
 * φ ← φ − η·(g + μ·b), with g = ∇f(φ) at torch's own point φ): it is the same walk under the change
 * of variables φ = θ + μ·v, b = −v/η, while η stays the same (and is &gt; 0). By induction: if
 * φ = θ + μv and b = −v/η, then with g = ∇f(θ + μv) = ∇f(φ)
 * <pre>
 *   b' = −v'/η = μ·(−v/η) + g = μ·b + g
 *   φ' = θ' + μv' = (φ − μv) + v' + μv' = φ − η·g + μv' = φ − η·(g + μ·b')
 * </pre>
 * which is torch's step. At the start v = 0, so φ₀ = θ₀: both start at the same point, take the
 * first gradient there, and torch's first buffer b ← g is μ·0 + g. So after every step torch's θ is
 * this form's look-ahead point θ + μv (the two paths differ by the shift μv, which shrinks as the
 * walk settles), torch's momentum_buffer is −v/η, and both evaluate ∇f at the same points, to
 * rounding. When η changes they part: this v holds each past step made with the η of its time
 * (v = −Σ μ^(t−s)·η_s·g_s), while torch's buffer holds gradients (b = Σ μ^(t−s)·g_s) that the new η
 * scales all at once — as {@link MomentumTextbook} and {@link Momentum} part. At μ = 0 this is plain
 * gradient descent (torch refuses μ = 0 with Nesterov).
 *
 * <p>θ is a FLOAT or DOUBLE array of any shape; v has θ's shape and type, and nothing is
 * converted. Bad input is refused before θ or v change.
 */
public final class NesterovTextbook {
    private final double mu;
    private double lr;
    private INDArray v;   // the velocity, in θ's units; null before the first step
    private long t;

    /**
     * @param lr       η, a finite number ≥ 0
     * @param momentum μ in [0, 1)
     */
    public NesterovTextbook(double lr, double momentum) {
        this.lr = Check.nonNegative("lr", lr);
        this.mu = Check.rate("momentum", momentum);
    }

    /** θ + μ·v, where the next step takes the gradient: a fresh array (a copy of θ before the first step). */
    public INDArray lookAhead(INDArray theta) {
        checkTheta(theta);
        return v == null ? theta.dup() : theta.add(v.mul(mu));
    }

    /**
     * One step of the paper's rule, in place: g = gradientAt(θ + μ·v), v ← μ·v − η·g, θ ← θ + v; t
     * grows by one. {@code gradientAt} is called once, with a fresh array, and must return ∇f there.
     * Refused before θ or v change when θ is not a FLOAT or DOUBLE array with elements, θ changed
     * shape or type since the first step, or the gradient returned is null, of another shape or type
     * than θ, or holds a NaN or an infinity.
     */
    public void step(INDArray theta, UnaryOperator<INDArray> gradientAt) {
        Check.notNull("gradientAt", gradientAt);
        INDArray g = gradientAt.apply(lookAhead(theta));
        checkGradient(theta, g);
        if (v == null) v = Nd4j.zerosLike(theta);
        v.muli(mu).subi(g.mul(lr));   // μ·v − η·g
        theta.addi(v);                // θ + v
        t++;
    }

    private void checkTheta(INDArray theta) {
        Check.notNull("theta", theta);
        if (theta.dataType() != DataType.FLOAT && theta.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("theta must be FLOAT or DOUBLE, got " + theta.dataType());
        }
        if (theta.isEmpty()) {
            throw new IllegalArgumentException("theta must have at least one element, got shape " + Arrays.toString(theta.shape()));
        }
        if (v != null && (!Arrays.equals(theta.shape(), v.shape()) || theta.dataType() != v.dataType())) {
            throw new IllegalArgumentException("theta must keep the shape " + Arrays.toString(v.shape()) + " and type "
                    + v.dataType() + " of the velocity built on the first step, got " + Arrays.toString(theta.shape())
                    + " " + theta.dataType() + "; call reset() first");
        }
    }

    private static void checkGradient(INDArray theta, INDArray g) {
        String name = "gradientAt(θ + μv)";
        if (g == null) throw new IllegalArgumentException(name + " must return an array, got null");
        if (g.dataType() != theta.dataType() || !Arrays.equals(g.shape(), theta.shape())) {
            throw new IllegalArgumentException(name + " must have theta's shape " + Arrays.toString(theta.shape())
                    + " and type " + theta.dataType() + ", got " + Arrays.toString(g.shape()) + " " + g.dataType());
        }
        double[] values = g.ravel().toDoubleVector();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + " must be finite, got " + values[i] + " at index " + i
                        + "; the step was refused before θ or v changed");
            }
        }
    }

    /** A copy of the velocity v (in θ's units; torch's momentum_buffer is −v/η), or null before the first step. */
    public INDArray v() {
        return v == null ? null : v.dup();
    }

    /** The step count t: 0 before the first step, 1 after it. */
    public long t() {
        return t;
    }

    /** η, the learning rate the next step uses. */
    public double learningRate() {
        return lr;
    }

    /** Sets η for the next steps; refused if NaN or &lt; 0. The velocity keeps the steps already made. */
    public void setLearningRate(double lr) {
        this.lr = Check.nonNegative("lr", lr);
    }

    /** Forgets the velocity and the step count: the next step is a first step again. */
    public void reset() {
        v = null;
        t = 0;
    }

    /** The class and its rate, e.g. "NesterovTextbook(η=0.01)", as the optimizers name themselves. */
    @Override
    public String toString() {
        return "NesterovTextbook(η=" + lr + ")";
    }
}
