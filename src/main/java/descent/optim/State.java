package descent.optim;

import descent.optim.Walk.DoubleBlock;
import descent.optim.Walk.FloatBlock;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One state vector of an optimizer (m, v, G, …): θ's length and type, created on the first step
 * and kept on the Java heap already cut into θ's blocks, so a step copies only θ and g.
 */
final class State {
    private final double initial;
    private double[][] doubles;
    private float[][] floats;

    /** @param initial the value every element starts from (0 for most methods) */
    State(double initial) {
        this.initial = initial;
    }

    /** Allocates the blocks of a θ of this type and length, every element at the initial value. */
    void create(DataType type, int length) {
        int blocks = Flat.blocks(length);
        doubles = null;
        floats = null;
        if (type == DataType.DOUBLE) doubles = new double[blocks][];
        else floats = new float[blocks][];
        for (int b = 0; b < blocks; b++) {
            int n = Flat.blockLength(b, length);
            if (type == DataType.DOUBLE) {
                doubles[b] = new double[n];
                Arrays.fill(doubles[b], initial);
            } else {
                floats[b] = new float[n];
                Arrays.fill(floats[b], (float) initial);
            }
        }
    }

    /** This vector's part of block b. */
    double[] in(DoubleBlock b) {
        return doubles[b.index];
    }

    /** This vector's part of block b. */
    float[] in(FloatBlock b) {
        return floats[b.index];
    }

    /** A fresh array of θ's type and shape holding this vector. */
    INDArray copy(DataType type, long[] shape) {
        INDArray copy = Nd4j.create(type, shape);
        Flat flat = new Flat(copy);
        for (int b = 0; b < Flat.blocks(flat.length()); b++) {
            int n = Flat.blockLength(b, flat.length());
            flat.write(b * Flat.BLOCK, type == DataType.DOUBLE ? doubles[b] : floats[b], n);
        }
        return copy;
    }

    /** Forgets the blocks. */
    void clear() {
        doubles = null;
        floats = null;
    }
}
