package descent.init;

/**
 * Which fan a variance-scaling initializer divides by: fan-in keeps the variance of the forward
 * activations, fan-out that of the backward gradients (He et al. 2015, §2.2; torch's {@code mode}).
 */
public enum FanMode {
    FAN_IN, FAN_OUT;

    /** The fan this mode uses. */
    public long of(long fanIn, long fanOut) {
        return this == FAN_IN ? fanIn : fanOut;
    }
}
