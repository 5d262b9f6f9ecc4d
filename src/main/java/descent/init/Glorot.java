package descent.init;

/**
 * What {@link XavierNormal} and {@link XavierUniform} share: the gain and Glorot &amp; Bengio's
 * (2010) scaling std = gain·√(2 / (n_in + n_out)).
 */
abstract class Glorot implements Initializer {

    private final double gain;

    Glorot(double gain) {
        this.gain = Args.nonNegative("gain", gain);
    }

    public double gain() {
        return gain;
    }

    public double std(long fanIn, long fanOut) {
        return gain * Math.sqrt(2.0 / (Args.fan("fanIn", fanIn) + Args.fan("fanOut", fanOut)));
    }
}
