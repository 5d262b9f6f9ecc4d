package descent.schedule;

import descent.check.Check;
import java.util.Arrays;

/**
 * Piecewise-constant rate: {@code values[i]} until boundary {@code i}, the last value after the
 * last boundary.
 *
 * <pre>  η_t = values[i] for boundaries[i−1] ≤ t < boundaries[i]  </pre>
 *
 * <p>Source: PaddlePaddle {@code paddle.optimizer.lr.PiecewiseDecay}.
 */
public final class Piecewise implements Schedule {

    private final int[] boundaries;
    private final double[] values;

    /**
     * @param boundaries strictly increasing steps >= 0 where the value changes
     * @param values {@code boundaries.length + 1} rates
     */
    public Piecewise(int[] boundaries, double... values) {
        this.boundaries = Check.increasing("boundaries", boundaries, 0);
        if (values == null || values.length != boundaries.length + 1)
            throw new IllegalArgumentException("values must have boundaries.length + 1 = "
                    + (boundaries.length + 1) + " entries, got "
                    + (values == null ? "null" : values.length + " " + Arrays.toString(values)));
        for (int i = 0; i < values.length; i++) Check.nonNegative("values[" + i + "]", values[i]);
        this.values = values.clone();
    }

    @Override
    public double valueAt(int step) {
        return values[Bisect.right(boundaries, Check.step(step))];
    }

    @Override
    public String toString() {
        return "Piecewise (boundaries=" + Arrays.toString(boundaries) + ", values=" + Arrays.toString(values) + ")";
    }
}
