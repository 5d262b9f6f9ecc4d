package descent.surface;

import descent.optim.Optimizer;
import java.util.Arrays;
import java.util.function.DoubleFunction;

/**
 * A fair race: every optimizer at its own best learning rate. Each rate η of a grid gets a walk
 * of the same length from the same start; the winner is the walk with the lowest final loss
 * among those that did not diverge (the first such rate on a tie).
 *
 * <pre>
 *   Trajectory adam = RateSearch.best(Adam::new, Surfaces.beale(), start, 500, 1e-3, 1e-2, 0.1, 1);
 * </pre>
 */
public final class RateSearch {

    private RateSearch() {
    }

    /**
     * The best walk of {@code optimizer.apply(η)} over the {@code rates}; its label names the
     * optimizer and its rate, e.g. "Adam(η=0.3)".
     *
     * @throws IllegalArgumentException if {@code rates} is empty or holds a value that is not a
     *         finite number &gt; 0, or if every walk diverges
     */
    public static Trajectory best(DoubleFunction<? extends Optimizer> optimizer, Surface surface, double[] start,
            int steps, double... rates) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        if (rates == null || rates.length == 0) {
            throw new IllegalArgumentException("rates must hold at least one learning rate, got none");
        }
        for (double lr : rates) {
            if (!(lr > 0) || !Double.isFinite(lr)) {
                throw new IllegalArgumentException("rates must be finite numbers > 0, got " + lr);
            }
        }
        Trajectory best = null;
        for (double lr : rates) {
            Trajectory walk = Trajectory.of(optimizer.apply(lr), surface, start, steps);
            if (!walk.diverged() && (best == null || walk.finalLoss() < best.finalLoss())) {
                best = walk;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("every walk diverged on " + surface.name() + " from "
                    + Arrays.toString(start) + " with rates " + Arrays.toString(rates));
        }
        return best;
    }
}
