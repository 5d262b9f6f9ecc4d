package descent.optim;

/** Argument checks shared by the optimizers; each message names the argument and its value. */
final class Check {
    private Check() {}

    /** η: a finite number ≥ 0 (torch accepts lr = 0). */
    static double learningRate(double lr) {
        return atLeast("lr", lr, 0);
    }

    /** A finite number ≥ min. */
    static double atLeast(String name, double value, double min) {
        if (!(Double.isFinite(value) && value >= min)) {
            throw new IllegalArgumentException(name + " must be a finite number >= " + min + ", got " + value);
        }
        return value;
    }

    /** A finite number > 0 (ε, norms). */
    static double positive(String name, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** A decay rate β, ρ, α or a dampening in [0, 1). */
    static double rate(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }
}
