package descent.init;

import descent.check.Check;

/**
 * The recommended gain for a nonlinearity: the factor that restores unit variance after it.
 *
 * <pre>
 *   linear, conv1d/2d/3d, conv_transpose1d/2d/3d, sigmoid   1
 *   tanh                                                     5/3
 *   relu                                                     √2
 *   leaky_relu with negative slope a (default 0.01)          √(2 / (1 + a²))
 *   selu                                                     3/4
 * </pre>
 *
 * <p>Source: PyTorch {@code torch.nn.init.calculate_gain}, value for value. ReLU zeroes half of a
 * symmetric input, halving its second moment, hence √2 (He et al. 2015).
 */
public final class Gain {

    private Gain() {}

    /** The gain of {@code nonlinearity} with its default parameter. */
    public static double of(String nonlinearity) {
        if ("leaky_relu".equals(nonlinearity)) return leakyRelu(0.01);
        return of(nonlinearity, Double.NaN);
    }

    /** The gain of {@code nonlinearity}; {@code param} is leaky_relu's negative slope, ignored by the others. */
    public static double of(String nonlinearity, double param) {
        if (nonlinearity == null) throw new IllegalArgumentException("nonlinearity must not be null");
        return switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                    "conv_transpose3d", "sigmoid" -> 1.0;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> leakyRelu(param);
            case "selu" -> 3.0 / 4;
            default -> throw new IllegalArgumentException("nonlinearity must be one of linear, conv1d, conv2d, conv3d, "
                    + "conv_transpose1d, conv_transpose2d, conv_transpose3d, sigmoid, tanh, relu, leaky_relu, selu; got "
                    + nonlinearity);
        };
    }

    /** √(2 / (1 + slope²)). */
    public static double leakyRelu(double slope) {
        Check.finite("slope", slope);
        return Math.sqrt(2.0 / (1 + slope * slope));
    }
}
