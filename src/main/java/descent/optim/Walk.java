package descent.optim;

import descent.cores.Cores;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The one block walk under every optimizer and wrapper: θ and g are cut into blocks of
 * {@link Flat#BLOCK} elements, the blocks are shared among the cores ({@link Cores}), and each
 * block is copied from the arrays' native memory into this thread's {@link DoubleBlock} or
 * {@link FloatBlock}, given to the rule, and copied back: θ's block for an optimizer (the rule
 * wrote θ), g's block into a buffer for a gradient transform (the rule rewrote g).
 *
 * <p>The rule then reads and writes plain arrays at indices [0, n), a loop the JIT vectorises.
 * The blocks are independent and a block computes the same numbers on whichever core runs it,
 * so a step's result does not depend on the number of cores.
 *
 * <p>A step first checks g ({@link #requireFinite}), its blocks shared among the cores the same
 * way but read in place ({@link Flat#finite}), so that a NaN or an infinity is refused before θ or
 * any state changes. That is one more read of g: 4 bytes per FLOAT parameter on top of Adam's 28.
 */
final class Walk implements Cores.Pieces {

    /**
     * One block of θ and g copied to the heap: elements [index·BLOCK, index·BLOCK + n) of each,
     * in arrays A, double[] or float[].
     */
    static class Block<A> {
        final A theta, g;
        int index, n;

        private Block(A theta, A g) {
            this.theta = theta;
            this.g = g;
        }
    }

    /** A block of a DOUBLE θ. */
    static final class DoubleBlock extends Block<double[]> {
        DoubleBlock() {
            super(new double[Flat.BLOCK], new double[Flat.BLOCK]);
        }
    }

    /** A block of a FLOAT θ. */
    static final class FloatBlock extends Block<float[]> {
        FloatBlock() {
            super(new float[Flat.BLOCK], new float[Flat.BLOCK]);
        }
    }

    private static final ThreadLocal<DoubleBlock> DOUBLES = ThreadLocal.withInitial(DoubleBlock::new);
    private static final ThreadLocal<FloatBlock> FLOATS = ThreadLocal.withInitial(FloatBlock::new);

    private final Consumer<DoubleBlock> doubleRule;
    private final Consumer<FloatBlock> floatRule;
    private Flat theta, g, out;
    private boolean doubles;
    private Mode mode;
    /** The first block holding a non-finite value, found by {@link #requireFinite}. */
    private final AtomicInteger firstBadBlock = new AtomicInteger();

    private enum Mode { UPDATE_THETA, REWRITE_GRADIENT, CHECK_GRADIENT }

    /** A walk that runs {@code doubleRule} on DOUBLE blocks and {@code floatRule} on FLOAT ones. */
    Walk(Consumer<DoubleBlock> doubleRule, Consumer<FloatBlock> floatRule) {
        this.doubleRule = doubleRule;
        this.floatRule = floatRule;
    }

    /** θ ← the rule's θ, block by block. */
    void updateTheta(INDArray theta, INDArray g) {
        this.theta = Flat.of(theta, this.theta);
        this.out = this.theta;
        run(g, Mode.UPDATE_THETA);
    }

    /** out ← the rule's g, block by block; θ and g are only read. */
    void rewriteGradient(INDArray theta, INDArray g, INDArray out) {
        this.theta = Flat.of(theta, this.theta);
        this.out = Flat.of(out, this.out);
        run(g, Mode.REWRITE_GRADIENT);
    }

    /**
     * Refuses g if it holds a NaN or an infinity, naming it {@code name}, the first such index and
     * its value. Reads g block by block on the cores, in place; writes nothing.
     */
    void requireFinite(String name, INDArray g) {
        firstBadBlock.set(Integer.MAX_VALUE);
        run(g, Mode.CHECK_GRADIENT);
        int bad = firstBadBlock.get();
        if (bad == Integer.MAX_VALUE) return;
        for (long i = (long) bad * Flat.BLOCK; ; i++) {
            double value = g.getDouble(i);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be finite, got " + value + " at index " + i
                        + " (of " + g.length() + "); the step was refused before θ or the state changed");
            }
        }
    }

    private void run(INDArray g, Mode mode) {
        this.g = Flat.of(g, this.g);
        this.doubles = g.dataType() == DataType.DOUBLE;
        this.mode = mode;
        Cores.run(this, Flat.blocks(this.g.length()));
    }

    /** Block {@code index}: checked in place, or copied in, given to the rule and copied out. */
    @Override
    public void run(int index) {
        if (mode == Mode.CHECK_GRADIENT) {
            if (!g.finite(index)) firstBadBlock.accumulateAndGet(index, Math::min);
            return;
        }
        Block<?> b = doubles ? DOUBLES.get() : FLOATS.get();
        int from = index * Flat.BLOCK;
        b.index = index;
        b.n = Flat.blockLength(index, g.length());
        g.read(from, b.g, b.n);
        theta.read(from, b.theta, b.n);
        if (doubles) doubleRule.accept((DoubleBlock) b); else floatRule.accept((FloatBlock) b);
        out.write(from, mode == Mode.UPDATE_THETA ? b.theta : b.g, b.n);
    }
}
