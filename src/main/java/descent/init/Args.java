package descent.init;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/** Argument checks shared by the initializers: each names the argument and the value it refused. */
final class Args {

    private Args() {}

    static double finite(String name, double value) {
        if (!Double.isFinite(value))
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        return value;
    }

    static double nonNegative(String name, double value) {
        if (!(Double.isFinite(value) && value >= 0))
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        return value;
    }

    static long fan(String name, long value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + value);
        return value;
    }

    /** The checks of {@link Initializer#init}: a floating-point array, positive fans, a generator. */
    static void init(INDArray w, long fanIn, long fanOut, Random rng) {
        if (w == null) throw new IllegalArgumentException("w must not be null");
        if (!w.dataType().isFPType())
            throw new IllegalArgumentException("w must hold floating-point numbers, got " + w.dataType());
        fan("fanIn", fanIn);
        fan("fanOut", fanOut);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
    }

    static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
