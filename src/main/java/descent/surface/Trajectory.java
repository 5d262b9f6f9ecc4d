package descent.surface;

import descent.optim.NesterovTextbook;
import descent.optim.Optimizer;
import descent.schedule.Schedule;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The walk of an optimizer over a {@link Surface}: the point θ = (x, y), the loss f(θ), the
 * gradient ∇f(θ) and the learning rate at every step.
 *
 * <p>The label (legend name) is the optimizer's toString, e.g. "Adam(η=0.05)", unless
 * {@link #named(String)} gives one. Row k holds θ after k updates, the loss and gradient there, and the learning rate of the
 * update that leaves it; row 0 is the start. θ is a 2-element DOUBLE INDArray updated in place by
 * {@link Optimizer#step}, with the surface's analytic gradient. A walk whose loss or gradient stops
 * being finite is {@link #diverged()}: recording stops at the last finite point, nothing throws.
 * Sutskever's {@link NesterovTextbook} walks too, asking the surface for ∇f at its look-ahead point.
 */
public final class Trajectory {

    /** The longest walk recorded: six columns of a million doubles are 48 MB. */
    public static final int MAX_STEPS = 1_000_000;

    private final String label;
    private final Surface surface;
    private final int length;
    private final boolean diverged;
    private final double[] x;
    private final double[] y;
    private final double[] loss;
    private final double[] gradX;
    private final double[] gradY;
    private final double[] lr;

    private Trajectory(String label, Surface surface, int length, boolean diverged, double[] x,
            double[] y, double[] loss, double[] gradX, double[] gradY, double[] lr) {
        this.label = label;
        this.surface = surface;
        this.length = length;
        this.diverged = diverged;
        this.x = x;
        this.y = y;
        this.loss = loss;
        this.gradX = gradX;
        this.gradY = gradY;
        this.lr = lr;
    }

    /** Resets {@code optimizer} and runs it {@code steps} updates from {@code start} at its own rate. */
    public static Trajectory of(Optimizer optimizer, Surface surface, double[] start, int steps) {
        return run(Walker.of(optimizer), surface, start, steps, null);
    }

    /** As {@link #of(Optimizer, Surface, double[], int)}, setting η = schedule(k) before update k. */
    public static Trajectory of(Optimizer optimizer, Surface surface, double[] start, int steps,
            Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        return run(Walker.of(optimizer), surface, start, steps, schedule);
    }

    /**
     * Resets {@code nesterov} and runs Sutskever's walk {@code steps} updates from {@code start}: each
     * update takes ∇f at the look-ahead point θ + μv. Rows hold θ and ∇f(θ), as for every walk; the
     * walk also stops, diverged, where ∇f is not finite at the look-ahead point.
     */
    public static Trajectory of(NesterovTextbook nesterov, Surface surface, double[] start, int steps) {
        return run(Walker.of(nesterov, surface), surface, start, steps, null);
    }

    /** As {@link #of(NesterovTextbook, Surface, double[], int)}, setting η = schedule(k) before update k. */
    public static Trajectory of(NesterovTextbook nesterov, Surface surface, double[] start, int steps,
            Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        return run(Walker.of(nesterov, surface), surface, start, steps, schedule);
    }

    /** What a walk steps: an optimizer given ∇f(θ), or Sutskever's Nesterov, which asks for ∇f where it looks. */
    private interface Walker {
        /** One update of θ in place, given ∇f(θ); false if a gradient it needs is not finite. */
        boolean step(INDArray theta, INDArray gradAtTheta);

        double learningRate();

        void setLearningRate(double lr);

        void reset();

        String label();

        static Walker of(Optimizer optimizer) {
            Objects.requireNonNull(optimizer, "optimizer");
            return new Walker() {
                public boolean step(INDArray theta, INDArray gradAtTheta) {
                    optimizer.step(theta, gradAtTheta);
                    return true;
                }
                public double learningRate() { return optimizer.learningRate(); }
                public void setLearningRate(double lr) { optimizer.setLearningRate(lr); }
                public void reset() { optimizer.reset(); }
                public String label() { return optimizer.toString(); }
            };
        }

        static Walker of(NesterovTextbook nesterov, Surface surface) {
            Objects.requireNonNull(nesterov, "nesterov");
            Objects.requireNonNull(surface, "surface");
            return new Walker() {
                public boolean step(INDArray theta, INDArray gradAtTheta) {
                    INDArray ahead = nesterov.lookAhead(theta);
                    double[] g = surface.gradient(ahead.getDouble(0), ahead.getDouble(1));
                    if (!Double.isFinite(g[0]) || !Double.isFinite(g[1])) return false;
                    nesterov.step(theta, lookAhead -> Nd4j.createFromArray(g));   // ∇f at θ + μv, asked for once
                    return true;
                }
                public double learningRate() { return nesterov.learningRate(); }
                public void setLearningRate(double lr) { nesterov.setLearningRate(lr); }
                public void reset() { nesterov.reset(); }
                public String label() { return nesterov.toString(); }
            };
        }
    }

    private static Trajectory run(Walker walker, Surface surface, double[] start, int steps,
            Schedule schedule) {
        Objects.requireNonNull(surface, "surface");
        if (start == null || start.length != 2 || !Double.isFinite(start[0]) || !Double.isFinite(start[1])) {
            throw new IllegalArgumentException("start must be two finite numbers {x, y}, got "
                    + Arrays.toString(start));
        }
        if (steps < 0 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be in [0, " + MAX_STEPS + "], got " + steps);
        }
        for (int k = 0; schedule != null && k <= steps; k++) {
            double eta = schedule.valueAt(k);
            if (!(Double.isFinite(eta) && eta >= 0)) {
                throw new IllegalArgumentException("schedule " + schedule + " gives " + eta + " at step " + k
                        + "; a learning rate must be a finite number >= 0");
            }
        }
        double[] x = new double[steps + 1];
        double[] y = new double[steps + 1];
        double[] loss = new double[steps + 1];
        double[] gradX = new double[steps + 1];
        double[] gradY = new double[steps + 1];
        double[] lr = new double[steps + 1];
        INDArray theta = Nd4j.createFromArray(start[0], start[1]);
        INDArray grad = Nd4j.createFromArray(0.0, 0.0);
        walker.reset();
        int k = 0;
        boolean diverged = false;
        for (; k <= steps; k++) {
            double tx = theta.getDouble(0);
            double ty = theta.getDouble(1);
            double f = surface.value(tx, ty);
            double[] g = surface.gradient(tx, ty);
            if (!Double.isFinite(f) || !Double.isFinite(g[0]) || !Double.isFinite(g[1])) {
                diverged = true;
                break;
            }
            double eta = schedule == null ? walker.learningRate() : schedule.valueAt(k);
            x[k] = tx;
            y[k] = ty;
            loss[k] = f;
            gradX[k] = g[0];
            gradY[k] = g[1];
            lr[k] = eta;
            if (k < steps) {
                if (schedule != null) {
                    walker.setLearningRate(eta);
                }
                grad.putScalar(0, g[0]);
                grad.putScalar(1, g[1]);
                if (!walker.step(theta, grad)) {
                    diverged = true;
                    k++;
                    break;
                }
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("start must be a point where " + surface.name()
                    + " and its gradient are finite, got " + Arrays.toString(start));
        }
        int n = k;
        return new Trajectory(walker.label(), surface, n, diverged, Arrays.copyOf(x, n),
                Arrays.copyOf(y, n), Arrays.copyOf(loss, n), Arrays.copyOf(gradX, n),
                Arrays.copyOf(gradY, n), Arrays.copyOf(lr, n));
    }

    /** The same walk under another label, e.g. {@code .named("Adam")}. */
    public Trajectory named(String newLabel) {
        if (newLabel == null || newLabel.isBlank()) {
            throw new IllegalArgumentException("label must be a non-blank string, got \"" + newLabel + "\"");
        }
        return new Trajectory(newLabel, surface, length, diverged, x, y, loss, gradX, gradY, lr);
    }

    /** The walk's first {@code n} points (1..size()), diverged only if it is the whole diverged walk. */
    public Trajectory first(int n) {
        if (n < 1 || n > length) {
            throw new IllegalArgumentException("n must be between 1 and " + length + ", got " + n);
        }
        return new Trajectory(label, surface, n, diverged && n == length, Arrays.copyOf(x, n),
                Arrays.copyOf(y, n), Arrays.copyOf(loss, n), Arrays.copyOf(gradX, n),
                Arrays.copyOf(gradY, n), Arrays.copyOf(lr, n));
    }

    /** The legend's name: the optimizer's toString unless {@link #named(String) named}. */
    public String label() {
        return label;
    }

    public Surface surface() {
        return surface;
    }

    /** Number of recorded points: steps + 1 for a finished walk, fewer for a diverged one. */
    public int size() {
        return length;
    }

    /** True when the loss or gradient became infinite or NaN; the walk stopped before that point. */
    public boolean diverged() {
        return diverged;
    }

    /** The step number of every point: 0, 1, 2, ... */
    public double[] stepNumbers() {
        double[] s = new double[length];
        Arrays.setAll(s, i -> i);
        return s;
    }

    public double[] xs() {
        return x.clone();
    }

    public double[] ys() {
        return y.clone();
    }

    public double[] losses() {
        return loss.clone();
    }

    public double[] gradXs() {
        return gradX.clone();
    }

    public double[] gradYs() {
        return gradY.clone();
    }

    /** |∇f| at every point. */
    public double[] gradNorms() {
        double[] n = new double[length];
        Arrays.setAll(n, i -> Math.hypot(gradX[i], gradY[i]));
        return n;
    }

    /** The learning rate of the update leaving each point. */
    public double[] learningRates() {
        return lr.clone();
    }

    /** The last recorded point {x, y}. */
    public double[] end() {
        return new double[] {x[length - 1], y[length - 1]};
    }

    /** The loss at the last recorded point. */
    public double finalLoss() {
        return loss[length - 1];
    }

    /** Columns step, x, y, loss, grad_x, grad_y, lr; the table is named by the label. */
    public Table toTable() {
        int[] steps = new int[length];
        Arrays.setAll(steps, i -> i);
        return Table.create(label,
                IntColumn.create("step", steps),
                DoubleColumn.create("x", x),
                DoubleColumn.create("y", y),
                DoubleColumn.create("loss", loss),
                DoubleColumn.create("grad_x", gradX),
                DoubleColumn.create("grad_y", gradY),
                DoubleColumn.create("lr", lr));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s on %s: %d steps%s, end (%.6g, %.6g), loss %.6g",
                label, surface.name(), length - 1, diverged ? " (diverged)" : "", x[length - 1],
                y[length - 1], loss[length - 1]);
    }
}
