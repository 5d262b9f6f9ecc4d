package descent.init;

import descent.check.Check;
import java.util.Arrays;

/**
 * The fans of a layer: {@code fanIn} inputs feed each output unit, each input feeds
 * {@code fanOut} outputs.
 *
 * <p><b>Layout convention.</b> Descent's dense layer stores its weight as <b>(in, out)</b>, so that a
 * batch {@code x} of shape (batch, in) maps to {@code y = x·W} of shape (batch, out):
 * {@link #dense(long, long)} / {@link #ofDense(long...)}. PyTorch stores {@code nn.Linear}'s weight
 * the other way round, <b>(out, in)</b>, and computes {@code y = x·Wᵀ}: {@link #ofTorchLinear(long...)}.
 * Convolution kernels follow torch's <b>(out, in, k₁, k₂, …)</b>, and each input and output
 * channel counts once per kernel position: fanIn = in·k₁·k₂…, fanOut = out·k₁·k₂… ({@link #conv}).
 * These are the rules of torch's {@code nn.init._calculate_fan_in_and_fan_out}.
 */
public record Fans(long fanIn, long fanOut) {

    public Fans {
        Check.positive("fanIn", fanIn);
        Check.positive("fanOut", fanOut);
    }

    /** A dense layer from {@code in} inputs to {@code out} outputs. */
    public static Fans dense(long in, long out) {
        return new Fans(in, out);
    }

    /** A Descent dense weight of shape (in, out). */
    public static Fans ofDense(long... shape) {
        requireRank("shape", shape, 2, 2);
        return new Fans(shape[0], shape[1]);
    }

    /** A torch {@code nn.Linear} weight of shape (out, in). */
    public static Fans ofTorchLinear(long... shape) {
        requireRank("shape", shape, 2, 2);
        return new Fans(shape[1], shape[0]);
    }

    /** A convolution kernel of shape (out, in, k₁, k₂, …): fans times the receptive field k₁·k₂…. */
    public static Fans conv(long... shape) {
        requireRank("shape", shape, 3, Integer.MAX_VALUE);
        try {
            long receptiveField = 1;
            for (int i = 2; i < shape.length; i++) receptiveField = Math.multiplyExact(receptiveField, shape[i]);
            return new Fans(Math.multiplyExact(shape[1], receptiveField), Math.multiplyExact(shape[0], receptiveField));
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape)
                    + " gives a fan above 2^63 - 1 (channels times kernel positions)");
        }
    }

    private static void requireRank(String name, long[] shape, int min, int max) {
        if (shape == null || shape.length < min || shape.length > max)
            throw new IllegalArgumentException(name + " must have " + (min == max ? min : "at least " + min)
                    + " dimensions, got " + (shape == null ? "null" : Arrays.toString(shape)));
        for (long d : shape)
            if (d <= 0) throw new IllegalArgumentException(name + " must have positive sizes, got " + Arrays.toString(shape));
    }
}
