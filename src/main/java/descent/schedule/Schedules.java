package descent.schedule;

import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Short names for the schedules, for notebook cells: {@code Schedules.cosine(0.1, 100)}.
 * Each is the constructor of the class named in its javadoc, nothing more.
 */
public final class Schedules {

    private Schedules() {}

    /** {@link Piecewise}: {@code values[i]} before {@code boundaries[i]}. */
    public static Schedule piecewise(int[] boundaries, double... values) {
        return new Piecewise(boundaries, values);
    }

    /** {@link Exponential}: η₀·γ^t. */
    public static Schedule exponential(double lr0, double gamma) {
        return new Exponential(lr0, gamma);
    }

    /** {@link NaturalExp}: η₀·e^(−γt). */
    public static Schedule naturalExp(double lr0, double gamma) {
        return new NaturalExp(lr0, gamma);
    }

    /** {@link Polynomial} without cycle: (η₀ − η_end)(1 − min(t,T)/T)^p + η_end. */
    public static Schedule polynomial(double lr0, int decaySteps, double endLr, double power) {
        return new Polynomial(lr0, decaySteps, endLr, power, false);
    }

    /** {@link Polynomial} with cycle: restarts over the next multiple of T. */
    public static Schedule polynomialCycle(double lr0, int decaySteps, double endLr, double power) {
        return new Polynomial(lr0, decaySteps, endLr, power, true);
    }

    /** {@link Step}: η₀·γ^⌊t/stepSize⌋. */
    public static Schedule step(double lr0, int stepSize, double gamma) {
        return new Step(lr0, stepSize, gamma);
    }

    /** {@link MultiStep}: η₀·γ^(milestones passed). */
    public static Schedule multiStep(double lr0, double gamma, int... milestones) {
        return new MultiStep(lr0, gamma, milestones);
    }

    /** {@link InverseTime}: η₀/(1 + γt). */
    public static Schedule inverseTime(double lr0, double gamma) {
        return new InverseTime(lr0, gamma);
    }

    /** {@link Lambda}: η₀·f(t), {@code description} shows f in titles. */
    public static Schedule lambda(double lr0, IntToDoubleFunction factor, String description) {
        return new Lambda(lr0, factor, description);
    }

    /** {@link CosineAnnealing} down to 0. */
    public static Schedule cosine(double lr0, int tMax) {
        return new CosineAnnealing(lr0, tMax);
    }

    /** {@link CosineAnnealing} down to η_min. */
    public static Schedule cosine(double lr0, int tMax, double etaMin) {
        return new CosineAnnealing(lr0, tMax, etaMin);
    }

    /** {@link CosineWarmRestarts} (SGDR). */
    public static Schedule warmRestarts(double lr0, int t0, int tMult, double etaMin) {
        return new CosineWarmRestarts(lr0, t0, tMult, etaMin);
    }

    /** {@link Noam} with η₀ = 1. */
    public static Schedule noam(double dModel, int warmup) {
        return new Noam(dModel, warmup);
    }

    /** {@link LinearWarmup} from 0 to {@code after.valueAt(0)} in {@code steps}, then {@code after}. */
    public static Schedule warmup(int steps, Schedule after) {
        return new LinearWarmup(after, steps);
    }

    /** {@link OneCycle} with torch's defaults; chain {@code .pctStart(..)}, {@code .linear()}, ... */
    public static OneCycle oneCycle(double maxLr, int totalSteps) {
        return new OneCycle(maxLr, totalSteps);
    }

    /** {@link Cyclic} triangular wave, {@code stepSize} up and as many down. */
    public static Schedule cyclic(double baseLr, double maxLr, int stepSize) {
        return Cyclic.triangular(baseLr, maxLr, stepSize);
    }

    /** {@link Sequential}: each schedule from its milestone on. */
    public static Schedule sequential(List<Schedule> schedules, int... milestones) {
        return new Sequential(schedules, milestones);
    }

    /**
     * One of each schedule over {@code steps} steps starting near η₀ = 0.1, in the order of the
     * lesson, for a grid of charts titled by their {@code toString()}. {@code steps} >= 20.
     */
    public static List<Schedule> gallery(int steps) {
        if (steps < 20) throw new IllegalArgumentException("steps must be >= 20, got " + steps);
        int quarter = steps / 4;
        return List.of(
                piecewise(new int[] {quarter, 2 * quarter}, 0.1, 0.05, 0.01),
                exponential(0.1, threeDigits(Math.pow(0.01, 1.0 / steps))),
                naturalExp(0.1, threeDigits(Math.log(100) / steps)),
                polynomial(0.1, steps, 0.001, 2),
                polynomialCycle(0.1, quarter, 0.001, 1),
                step(0.1, quarter, 0.5),
                multiStep(0.1, 0.2, 2 * quarter, 3 * quarter),
                inverseTime(0.1, threeDigits(20.0 / steps)),
                lambda(0.1, t -> 1 / Math.sqrt(1 + t), "1/√(1+t)"),
                cosine(0.1, steps),
                warmRestarts(0.1, steps / 8, 2, 0.001),
                noam(512, steps / 10),
                warmup(steps / 10, cosine(0.1, steps - steps / 10)),
                oneCycle(0.1, steps + 1),
                cyclic(0.01, 0.1, steps / 6),
                sequential(List.of(exponential(0.1, 0.97), cosine(0.1, steps - quarter)), quarter));
    }

    /** x to three significant digits, so that gallery titles read well. */
    private static double threeDigits(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).doubleValue();
    }
}
