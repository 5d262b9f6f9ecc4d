package descent.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inverted dropout (Srivastava et al., 2014), as PyTorch's {@code Dropout}: in training each entry
 * is kept with probability 1 − p and scaled by 1/(1 − p), so that eval mode is the identity.
 * <pre>
 *   training:  mask_i = 1/(1 − p) with probability 1 − p, else 0;   y = mask ⊙ x;   ∂L/∂x = mask ⊙ ∂L/∂y
 *   eval:      y = x;                                                ∂L/∂x = ∂L/∂y
 * </pre>
 * The masks come from a generator seeded at construction: the same seed gives the same masks.
 * {@link #freeze()} keeps the current mask for the following batches (a gradient check needs
 * the same function on every evaluation).
 */
public final class Dropout implements Layer {

    private final double p;
    private final long seed;
    private SplittableRandom random;
    private boolean frozen;
    private INDArray x, y, dx;
    private double[] mask, vs;
    private int maskSize;
    private boolean masked;

    public Dropout(double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        this.x = x;
        masked = training;
        if (!training) {
            return x;                                                  // eval: y = x
        }
        int n = (int) x.length();
        if (!frozen || maskSize != n) {
            mask = Heap.grow(mask, n);
            maskSize = n;
            double keep = 1 - p;
            for (int i = 0; i < n; i++) {
                mask[i] = random.nextDouble() < keep ? 1 / keep : 0;
            }
        }
        y = Views.reuse(y, x, x.rows(), x.columns());
        vs = Heap.read(x, vs);
        for (int i = 0; i < n; i++) {
            vs[i] *= mask[i];                                          // y = mask ⊙ x
        }
        Heap.write(vs, y);
        return y;
    }

    @Override
    public INDArray backward(INDArray dy) {
        if (!masked) {
            return dy;                                                 // eval: ∂L/∂x = ∂L/∂y
        }
        dx = Views.reuse(dx, dy, dy.rows(), dy.columns());
        vs = Heap.read(dy, vs);
        for (int i = 0; i < maskSize; i++) {
            vs[i] *= mask[i];                                          // ∂L/∂x = mask ⊙ ∂L/∂y
        }
        Heap.write(vs, dx);
        return dx;
    }

    @Override
    public INDArray output() {
        return masked ? y : x;
    }

    @Override
    public void init(org.nd4j.linalg.api.rng.Random rng) {
        random = new SplittableRandom(seed);
        maskSize = 0;
    }

    /** Keeps the current mask (drawn at the next training forward if none yet) from now on. */
    public Dropout freeze() {
        frozen = true;
        return this;
    }

    public double p() {
        return p;
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}
