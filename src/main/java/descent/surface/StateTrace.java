package descent.surface;

import descent.optim.Optimizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What an optimizer keeps inside while it works: after every step, θ and the pieces of its state
 * you watch (AdaGrad's effective rate, Adam's m and m̂, ...), coordinate by coordinate.
 *
 * <pre>
 *   var trace = StateTrace.of(new Adam(1e-3)).watch("m", Adam::m).watch("m̂", Adam::mHat)
 *           .feed(gradients);                 // θ one number, g_t = gradients[t − 1]
 *   trace.steps();  trace.values("m̂");  trace.stepSizes();
 *
 *   StateTrace.of(adagrad).watch("rate", AdaGrad::effectiveRate)
 *           .on(surface, start, 300);         // θ = (x, y), g_t = ∇f(θ)
 * </pre>
 *
 * <p>Each run resets the optimizer first, then steps it on a DOUBLE θ and records after step
 * t = 1, 2, …: θ and every probe's value (NaN where a probe returns null, e.g. state that a
 * {@link descent.optim.PeriodicReset} has just forgotten). A walk on a surface stops early when
 * f or ∇f stops being finite.
 */
public final class StateTrace<O extends Optimizer> {
    private final O optimizer;
    private final Map<String, Function<? super O, INDArray>> probes = new LinkedHashMap<>();
    private final Map<String, double[][]> values = new LinkedHashMap<>();
    private double[] start = new double[1];
    private double[][] theta = new double[1][0];
    private int steps;

    private StateTrace(O optimizer) {
        this.optimizer = optimizer;
    }

    /** A trace of {@code optimizer}; add probes with {@link #watch}, then run it. */
    public static <O extends Optimizer> StateTrace<O> of(O optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        return new StateTrace<>(optimizer);
    }

    /** Records {@code probe(optimizer)} under {@code name} after every step, e.g. {@code watch("m̂", Adam::mHat)}. */
    public StateTrace<O> watch(String name, Function<? super O, INDArray> probe) {
        if (name == null || name.isBlank() || probes.containsKey(name)) {
            throw new IllegalArgumentException("name must be non-blank and new in this trace, got \"" + name + "\"");
        }
        if (probe == null) {
            throw new IllegalArgumentException("probe must not be null");
        }
        probes.put(name, probe);
        return this;
    }

    /** Runs the optimizer on one number θ (starting at 0) fed the gradients g_1, g_2, … in order. */
    public StateTrace<O> feed(double... gradients) {
        if (gradients == null || gradients.length == 0) {
            throw new IllegalArgumentException("gradients must hold at least one value");
        }
        for (double g : gradients) {
            if (!Double.isFinite(g)) {
                throw new IllegalArgumentException("gradients must be finite, got " + g);
            }
        }
        begin(new double[] {0}, gradients.length);
        INDArray th = Nd4j.zeros(DataType.DOUBLE, 1);
        INDArray g = Nd4j.zeros(DataType.DOUBLE, 1);
        for (double gt : gradients) {
            g.putScalar(0, gt);
            optimizer.step(th, g);
            record(th);
        }
        return this;
    }

    /** Runs the optimizer from {@code start} on {@code surface} for {@code steps} steps, g = ∇f(θ). */
    public StateTrace<O> on(Surface surface, double[] start, int steps) {
        if (surface == null) {
            throw new IllegalArgumentException("surface must not be null");
        }
        if (start == null || start.length != 2 || !Double.isFinite(start[0]) || !Double.isFinite(start[1])) {
            throw new IllegalArgumentException("start must be two finite numbers {x, y}, got " + Arrays.toString(start));
        }
        if (steps < 1 || steps > Trajectory.MAX_STEPS) {
            throw new IllegalArgumentException("steps must be in [1, " + Trajectory.MAX_STEPS + "], got " + steps);
        }
        begin(start, steps);
        INDArray th = Nd4j.createFromArray(start[0], start[1]);
        INDArray g = Nd4j.createFromArray(0.0, 0.0);
        for (int k = 0; k < steps; k++) {
            double[] grad = surface.gradient(th.getDouble(0), th.getDouble(1));
            if (!Double.isFinite(grad[0]) || !Double.isFinite(grad[1])
                    || !Double.isFinite(surface.value(th.getDouble(0), th.getDouble(1)))) {
                break;
            }
            g.putScalar(0, grad[0]);
            g.putScalar(1, grad[1]);
            optimizer.step(th, g);
            record(th);
        }
        return this;
    }

    /** The step numbers t = 1, 2, … of the recorded values. */
    public double[] steps() {
        double[] t = new double[steps];
        Arrays.setAll(t, i -> i + 1);
        return t;
    }

    /** The watched value {@code name} after every step (coordinate 0). */
    public double[] values(String name) {
        return values(name, 0);
    }

    /** The watched value {@code name}, coordinate {@code coordinate} (0 = x, 1 = y), after every step. */
    public double[] values(String name, int coordinate) {
        double[][] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("name must be a watched value " + probes.keySet() + ", got \"" + name + "\"");
        }
        return Arrays.copyOf(column(v, coordinate), steps);
    }

    /** θ after every step (coordinate 0). */
    public double[] theta() {
        return theta(0);
    }

    /** θ's coordinate {@code coordinate} after every step. */
    public double[] theta(int coordinate) {
        return Arrays.copyOf(column(theta, coordinate), steps);
    }

    /** |θ_t − θ_{t−1}| for coordinate 0: the size of each step (θ_0 is the start). */
    public double[] stepSizes() {
        return stepSizes(0);
    }

    /** |θ_t − θ_{t−1}| for the given coordinate. */
    public double[] stepSizes(int coordinate) {
        double[] th = column(theta, coordinate);
        double[] d = new double[steps];
        double previous = start[coordinate];
        for (int t = 0; t < steps; t++) {
            d[t] = Math.abs(th[t] - previous);
            previous = th[t];
        }
        return d;
    }

    private void begin(double[] from, int capacity) {
        int coordinates = from.length;
        optimizer.reset();
        steps = 0;
        start = from.clone();
        theta = new double[coordinates][capacity];
        values.clear();
        for (String name : probes.keySet()) {
            values.put(name, new double[coordinates][capacity]);
        }
    }

    private void record(INDArray th) {
        for (int c = 0; c < theta.length; c++) {
            theta[c][steps] = th.getDouble(c);
        }
        for (Map.Entry<String, Function<? super O, INDArray>> p : probes.entrySet()) {
            INDArray v = p.getValue().apply(optimizer);
            double[][] row = values.get(p.getKey());
            for (int c = 0; c < row.length; c++) {
                row[c][steps] = v == null ? Double.NaN : v.getDouble(c);
            }
        }
        steps++;
    }

    private double[] column(double[][] v, int coordinate) {
        if (coordinate < 0 || coordinate >= v.length) {
            throw new IllegalArgumentException("coordinate must be between 0 and " + (v.length - 1) + ", got " + coordinate);
        }
        return v[coordinate];
    }
}
