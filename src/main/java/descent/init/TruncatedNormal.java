package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * A normal N(μ, σ²) cut to [a, b]: values outside are drawn again until every one lies inside.
 * The bounds are absolute values, not multiples of σ, and the result's standard deviation is
 * smaller than σ (by about 12% for the default ±2σ).
 *
 * <p>Source: torch {@code nn.init.trunc_normal_(w, mean=0, std=1, a=-2, b=2)}, same parameters and
 * defaults. Torch samples by inverting the normal CDF; redrawing the rejects gives the same
 * distribution and reads more simply. It is meant for intervals holding a fair share of the
 * normal's mass: after 1000 rounds with values still outside, it gives up with an exception and
 * leaves w as it was.
 */
public final class TruncatedNormal implements Initializer {

    private static final int MAX_ROUNDS = 1000;

    private final double mean;
    private final double std;
    private final double a;
    private final double b;

    /** torch's defaults: N(0, 1) cut to [−2, 2]. */
    public TruncatedNormal() {
        this(0, 1, -2, 2);
    }

    public TruncatedNormal(double mean, double std, double a, double b) {
        this.mean = Check.finite("mean", mean);
        this.std = Check.nonNegative("std", std);
        this.a = Check.finite("a", a);
        this.b = Check.finite("b", b);
        if (!(a < b)) throw new IllegalArgumentException("a must be < b, got a = " + a + ", b = " + b);
        if (std == 0 && (mean < a || mean > b))
            throw new IllegalArgumentException("mean must lie in [a, b] when std = 0, got " + mean);
    }

    public double mean() {
        return mean;
    }

    public double std() {
        return std;
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        INDArray draw = w.ulike();                 // w is written only once every value is inside
        Draw.normal(draw, mean, std, rng);
        INDArray redraw = null;
        for (int round = 0; draw.minNumber().doubleValue() < a || draw.maxNumber().doubleValue() > b; round++) {
            if (round == MAX_ROUNDS)
                throw new IllegalArgumentException("[a, b] = [" + a + ", " + b + "] holds too little of N("
                        + mean + ", " + std + "²) to sample by rejection");
            if (redraw == null) redraw = w.ulike();
            Draw.normal(redraw, mean, std, rng);
            BooleanIndexing.replaceWhere(draw, redraw, Conditions.lessThan(a));
            BooleanIndexing.replaceWhere(draw, redraw, Conditions.greaterThan(b));
        }
        w.assign(draw);
    }

    @Override
    public String toString() {
        return "TruncatedNormal N(" + Check.number(mean) + ", " + Check.number(std) + "²) on [" + Check.number(a) + ", " + Check.number(b) + "]";
    }
}
