package descent.data;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The mini-batches of one epoch, each time this is iterated: batch gradient descent (one batch
 * of all n samples), stochastic (batches of 1) or mini-batch (batches of b).
 *
 * <pre>{@code
 * Batches batches = train.batches(64, 42);
 * for (int epoch = 0; epoch < 10; epoch++)
 *     for (Batch batch : batches)            // a new shuffle every epoch
 *         model.step(batch.features(), batch.labels());
 * }</pre>
 *
 * <p><b>Order.</b> Each new epoch shuffles the sample order (Fisher–Yates with a
 * {@link SplittableRandom} seeded once, so the sequence of epochs is reproducible from the seed),
 * then cuts it into ⌈n/b⌉ batches. Every sample is in exactly one batch per epoch; when b does not
 * divide n the <b>last batch is smaller</b>, holding the n mod b samples left over (nothing is
 * dropped or repeated).
 *
 * <p><b>No allocation per batch.</b> The feature, label and one-hot arrays of a batch are made
 * once and refilled for every batch (rows are copied from the data set's memory with bulk byte
 * copies); the smaller last batch uses views of their first rows. So a {@link Batch} is valid only
 * until the next one is taken: copy it ({@code dup()}) to keep it, and do not iterate the same
 * {@code Batches} twice at once.
 */
public final class Batches implements Iterable<Batches.Batch> {

    private final DataSet data;
    private final int batchSize;
    private final SplittableRandom random;
    private final int[] order;
    private final Batch full;
    private final Batch last;
    private final ByteBuffer source;
    private final ByteBuffer featuresOut;
    private final ByteBuffer labelsOut;
    private final ByteBuffer oneHotOut;

    Batches(DataSet data, int batchSize, SplittableRandom random) {
        if (batchSize < 1 || batchSize > data.size()) {
            throw new IllegalArgumentException("batchSize must be in [1, " + data.size() + "], got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.random = random;
        this.order = permutation(data.size(), null);
        this.full = new Batch(batchSize);
        int rest = data.size() % batchSize;
        this.last = rest == 0 ? full : full.firstRows(rest);
        this.source = DataSet.buffer(data.features());
        this.featuresOut = DataSet.buffer(full.features);
        this.labelsOut = DataSet.buffer(full.labels);
        this.oneHotOut = DataSet.buffer(full.oneHot);
    }

    /** b, the number of samples in a full batch. */
    public int batchSize() {
        return batchSize;
    }

    /** ⌈n/b⌉, the number of batches (steps) in one epoch. */
    public int count() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** Starts a new epoch: reshuffles (unless in order) and returns its batches. */
    @Override
    public Iterator<Batch> iterator() {
        if (random != null) {
            shuffle(order, random);
        }
        return new Iterator<>() {
            private int start;

            @Override
            public boolean hasNext() {
                return start < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the epoch has " + count() + " batches");
                }
                Batch batch = order.length - start < batchSize ? last : full;
                batch.fill(start);
                start += batch.size;
                return batch;
            }
        };
    }

    /** 0, 1, …, n−1, shuffled by {@code random} when it is not {@code null}. */
    static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        if (random != null) {
            shuffle(p, random);
        }
        return p;
    }

    /** Fisher–Yates: for i = n−1 … 1 swap p[i] with p[j], j uniform in [0, i]. */
    private static void shuffle(int[] p, SplittableRandom random) {
        for (int i = p.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }

    /** One batch: b rows of features, their labels and one-hot labels, in the data set's type. */
    public final class Batch {
        private final int size;
        private final INDArray features;
        private final INDArray labels;
        private final INDArray oneHot;
        private final int[] y;

        private Batch(int size) {
            this(size, Nd4j.createUninitialized(data.dataType(), size, data.numFeatures()),
                    Nd4j.createUninitialized(data.dataType(), size, 1),
                    Nd4j.zeros(data.dataType(), size, data.numClasses()), new int[size]);
        }

        private Batch(int size, INDArray features, INDArray labels, INDArray oneHot, int[] y) {
            this.size = size;
            this.features = features;
            this.labels = labels;
            this.oneHot = oneHot;
            this.y = y;
        }

        /** A batch of the first {@code rows} rows of this one's arrays (views: same memory). */
        private Batch firstRows(int rows) {
            INDArrayIndex[] first = {NDArrayIndex.interval(0, rows), NDArrayIndex.all()};
            return new Batch(rows, features.get(first), labels.get(first), oneHot.get(first), y);
        }

        /** Copies samples order[start …start+size−1] in; clears the one-hot 1s of the previous batch. */
        private void fill(int start) {
            DataType type = data.dataType();
            int rowBytes = data.numFeatures() * type.width(), k = data.numClasses();
            for (int j = 0; j < size; j++) {
                int i = order[start + j];
                featuresOut.put(j * rowBytes, source, i * rowBytes, rowBytes);
                DataSet.put(oneHotOut, type, (long) j * k + y[j], 0);
                y[j] = data.label(i);
                DataSet.put(oneHotOut, type, (long) j * k + y[j], 1);
                DataSet.put(labelsOut, type, j, y[j]);
            }
        }

        /** How many samples: b, or n mod b for the last batch of an epoch. */
        public int size() {
            return size;
        }

        /** X_batch, size × d (reused: valid until the next batch). */
        public INDArray features() {
            return features;
        }

        /** y_batch, size × 1 class indices (reused: valid until the next batch). */
        public INDArray labels() {
            return labels;
        }

        /** Y_batch, size × k one-hot labels (reused: valid until the next batch). */
        public INDArray oneHot() {
            return oneHot;
        }

        /** The class index of row {@code j} of this batch. */
        public int label(int j) {
            return y[j];
        }
    }
}
