package descent.init;

import descent.check.Check;

/**
 * What {@link XavierNormal} and {@link XavierUniform} share: the gain and Glorot &amp; Bengio's
 * (2010) scaling std = gain·√(2 / (n_in + n_out)).
 */
abstract class Glorot implements Initializer {

    private final double gain;

    Glorot(double gain) {
        this.gain = Check.nonNegative("gain", gain);
    }

    public double gain() {
        return gain;
    }

    public double std(long fanIn, long fanOut) {
        return gain * Math.sqrt(2.0 / (Check.positive("fanIn", fanIn) + Check.positive("fanOut", fanOut)));
    }
}
