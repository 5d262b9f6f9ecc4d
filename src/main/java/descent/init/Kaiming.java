package descent.init;

import descent.check.Check;

/**
 * What {@link HeNormal} and {@link HeUniform} share: the fan mode, the negative slope a and
 * He et al.'s (2015) scaling gain = √(2 / (1 + a²)), std = gain / √fan.
 */
abstract class Kaiming implements Initializer {

    private final FanMode mode;
    private final double slope;

    Kaiming(FanMode mode, double slope) {
        if (mode == null) throw new IllegalArgumentException("mode must not be null");
        this.mode = mode;
        this.slope = Check.finite("slope", slope);
    }

    public FanMode mode() {
        return mode;
    }

    public double gain() {
        return Gain.leakyRelu(slope);
    }

    public double std(long fanIn, long fanOut) {
        return gain() / Math.sqrt(mode.of(Check.positive("fanIn", fanIn), Check.positive("fanOut", fanOut)));
    }

    /** The settings for toString, e.g. "(fan_in, slope=0)". */
    String settings() {
        return "(" + mode.name().toLowerCase() + ", slope=" + Check.number(slope) + ")";
    }
}
