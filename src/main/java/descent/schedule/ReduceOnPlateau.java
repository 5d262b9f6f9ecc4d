package descent.schedule;

import descent.check.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the learning rate when a watched metric stops improving. Unlike a {@link Schedule} it is a
 * controller with state: feed it the metric once per epoch, use the rate it returns.
 *
 * <pre>
 *   better(a):  min/rel  a < best·(1 − threshold)     min/abs  a < best − threshold
 *               max/rel  a > best·(1 + threshold)     max/abs  a > best + threshold
 *   each step(metric):
 *     if better(metric): best ← metric, bad ← 0  else bad ← bad + 1
 *     if in cooldown:    cooldown ← cooldown − 1, bad ← 0
 *     if bad > patience: η ← max(η·factor, η_min) (only if that changes η by more than eps),
 *                        cooldown ← cooldown steps, bad ← 0
 * </pre>
 *
 * <p>Source: PyTorch {@code torch.optim.lr_scheduler.ReduceLROnPlateau} (same defaults: mode min,
 * factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0, η_min 0, eps 1e-8). Options are
 * set before the first metric and read as a sentence:
 * {@code new ReduceOnPlateau(0.1).factor(0.5).patience(3).cooldown(2)}; each returns a fresh
 * controller. {@link #reductions()} lists the epochs at which the rate dropped, for marking them
 * on a loss chart.
 */
public final class ReduceOnPlateau {

    /** Whether a smaller or a larger metric is better. */
    public enum Mode { MIN, MAX }

    /** Whether the threshold is a fraction of the best value or an amount. */
    public enum ThresholdMode { REL, ABS }

    private final double lr0;
    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minLr;
    private final double eps;

    private double lr;
    private double best;
    private int badEpochs;
    private int cooldownLeft;
    private int epoch;
    private final List<Integer> reductions = new ArrayList<>();

    /** Starts at {@code lr0}, with torch's defaults. */
    public ReduceOnPlateau(double lr0) {
        this(lr0, Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0, 1e-8);
    }

    private ReduceOnPlateau(double lr0, Mode mode, double factor, int patience, double threshold,
                            ThresholdMode thresholdMode, int cooldown, double minLr, double eps) {
        this.lr0 = Check.nonNegative("lr0", lr0);
        if (mode == null) throw new IllegalArgumentException("mode must not be null");
        this.mode = mode;
        if (!(factor >= 0 && factor < 1))
            throw new IllegalArgumentException("factor must be in [0, 1), got " + factor);
        this.factor = factor;
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        this.patience = patience;
        this.threshold = Check.nonNegative("threshold", threshold);
        if (thresholdMode == null) throw new IllegalArgumentException("thresholdMode must not be null");
        this.thresholdMode = thresholdMode;
        if (cooldown < 0) throw new IllegalArgumentException("cooldown must be >= 0, got " + cooldown);
        this.cooldown = cooldown;
        this.minLr = Check.nonNegative("minLr", minLr);
        this.eps = Check.nonNegative("eps", eps);
        this.lr = lr0;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** Larger metrics are better (accuracy). */
    public ReduceOnPlateau maximize() {
        return new ReduceOnPlateau(lr0, Mode.MAX, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** η ← η·factor at each reduction; factor in [0, 1). */
    public ReduceOnPlateau factor(double factor) {
        return new ReduceOnPlateau(lr0, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** Epochs without improvement tolerated before a reduction. */
    public ReduceOnPlateau patience(int patience) {
        return new ReduceOnPlateau(lr0, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** Relative threshold: improvement must beat best by this fraction. */
    public ReduceOnPlateau relativeThreshold(double threshold) {
        return new ReduceOnPlateau(lr0, mode, factor, patience, threshold, ThresholdMode.REL, cooldown, minLr, eps);
    }

    /** Absolute threshold: improvement must beat best by this amount. */
    public ReduceOnPlateau absoluteThreshold(double threshold) {
        return new ReduceOnPlateau(lr0, mode, factor, patience, threshold, ThresholdMode.ABS, cooldown, minLr, eps);
    }

    /** Epochs after a reduction during which bad epochs are not counted. */
    public ReduceOnPlateau cooldown(int cooldown) {
        return new ReduceOnPlateau(lr0, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** The rate never goes below η_min. */
    public ReduceOnPlateau minLr(double minLr) {
        return new ReduceOnPlateau(lr0, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** A reduction smaller than eps is skipped. */
    public ReduceOnPlateau eps(double eps) {
        return new ReduceOnPlateau(lr0, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /**
     * Records one epoch's metric and returns the learning rate to use from now on.
     *
     * @throws IllegalArgumentException if the metric is NaN or infinite (state untouched)
     */
    public double step(double metric) {
        if (!Double.isFinite(metric))
            throw new IllegalArgumentException("metric must be a finite number, got " + metric + " at epoch " + epoch);
        if (isBetter(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            double reduced = Math.max(lr * factor, minLr);
            if (lr - reduced > eps) {
                lr = reduced;
                reductions.add(epoch);
            }
            cooldownLeft = cooldown;
            badEpochs = 0;
        }
        epoch++;
        return lr;
    }

    private boolean isBetter(double a) {
        return switch (mode) {
            case MIN -> thresholdMode == ThresholdMode.REL ? a < best * (1 - threshold) : a < best - threshold;
            case MAX -> thresholdMode == ThresholdMode.REL ? a > best * (1 + threshold) : a > best + threshold;
        };
    }

    /** The current learning rate. */
    public double learningRate() {
        return lr;
    }

    /** The best metric seen so far (±∞ before the first). */
    public double best() {
        return best;
    }

    /** How many metrics have been fed. */
    public int epochs() {
        return epoch;
    }

    /** The epochs (0-based index of the metric fed) after which the rate dropped, in order. */
    public List<Integer> reductions() {
        return List.copyOf(reductions);
    }

    /** Whether the last metric fed caused a drop. */
    public boolean reducedLastStep() {
        return !reductions.isEmpty() && reductions.get(reductions.size() - 1) == epoch - 1;
    }

    @Override
    public String toString() {
        return "ReduceOnPlateau (η₀=" + Check.number(lr0) + ", " + mode.name().toLowerCase() + ", factor=" + Check.number(factor)
                + ", patience=" + patience + ", threshold=" + Check.number(threshold) + " " + thresholdMode.name().toLowerCase()
                + ", cooldown=" + cooldown + ", η_min=" + Check.number(minLr) + ")";
    }
}
