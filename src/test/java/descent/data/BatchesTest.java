package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batches cover every sample once per epoch, reproducibly, and reuse their arrays. */
class BatchesTest {

    /** n samples whose single feature is their index i and whose label is i mod 3. */
    private static DataSet numbered(int n, DataType type) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        return DataSet.of(Nd4j.arange(n).reshape(n, 1).castTo(type), labels, 3);
    }

    /** The sample indices of one epoch, in batch order, checking labels and one-hot rows on the way. */
    private static List<Integer> epoch(Iterable<Batches.Batch> batches, List<Integer> sizes) {
        List<Integer> seen = new ArrayList<>();
        for (Batches.Batch batch : batches) {
            sizes.add(batch.size());
            assertEquals(batch.size(), batch.features().rows());
            for (int j = 0; j < batch.size(); j++) {
                int i = (int) batch.features().getDouble(j, 0);
                seen.add(i);
                assertEquals(i % 3, batch.label(j));
                assertEquals(i % 3, batch.labels().getDouble(j, 0));
                double[] hot = batch.oneHot().getRow(j).toDoubleVector();
                double[] expected = new double[3];
                expected[i % 3] = 1;
                assertArrayEquals(expected, hot);
            }
        }
        return seen;
    }

    @Test
    void everySampleOncePerEpochWithASmallerLastBatch() {
        Batches batches = numbered(10, DataType.FLOAT).batches(4, 7);
        assertEquals(3, batches.count());
        for (int e = 0; e < 3; e++) {
            List<Integer> sizes = new ArrayList<>();
            List<Integer> seen = epoch(batches, sizes);
            assertEquals(List.of(4, 4, 2), sizes);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen.stream().sorted().toList());
        }
    }

    @Test
    void stochasticAndFullBatch() {
        DataSet data = numbered(5, DataType.DOUBLE);
        List<Integer> sizes = new ArrayList<>();
        assertEquals(5, epoch(data.batches(1, 1), sizes).stream().distinct().count());
        assertEquals(List.of(1, 1, 1, 1, 1), sizes);
        sizes.clear();
        assertEquals(5, epoch(data.batches(5, 1), sizes).stream().distinct().count());
        assertEquals(List.of(5), sizes);
    }

    @Test
    void sameSeedSameOrderDifferentSeedOrEpochDifferentOrder() {
        DataSet data = numbered(50, DataType.FLOAT);
        Batches a = data.batches(8, 42), b = data.batches(8, 42), c = data.batches(8, 43);
        List<Integer> a1 = epoch(a, new ArrayList<>()), a2 = epoch(a, new ArrayList<>());
        assertEquals(a1, epoch(b, new ArrayList<>()));
        assertEquals(a2, epoch(b, new ArrayList<>()), "the epoch sequence is reproducible too");
        assertNotEquals(a1, a2, "reshuffled every epoch");
        assertNotEquals(a1, epoch(c, new ArrayList<>()));
        List<Integer> ordered = epoch(data.batchesInOrder(8), new ArrayList<>());
        assertEquals(data.size(), ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            assertEquals(i, ordered.get(i));
        }
    }

    @Test
    void arraysAreReused() {
        Batches batches = numbered(20, DataType.FLOAT).batches(8, 1);
        var it = batches.iterator();
        Batches.Batch first = it.next();
        INDArray x = first.features();
        assertSame(first, it.next());
        assertSame(x, first.features());
        Batches.Batch last = it.next();
        assertEquals(4, last.size());
        assertFalse(it.hasNext());
        assertEquals(x.data().address(), last.features().data().address(), "the last batch views the same memory");
        assertSame(x, batches.iterator().next().features(), "and the next epoch too");
    }

    @Test
    void anEpochAllocatesNothingPerBatch() {
        DataSet data = DataSet.of(Nd4j.rand(DataType.FLOAT, 6000, 20), new int[6000], 1);
        Batches batches = data.batches(64, 5);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (Batches.Batch batch : batches) {
                checksum += batch.size();
            }
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (Batches.Batch batch : batches) {
            checksum += batch.size();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(4 * 6000, checksum);
        assertTrue(allocated < 1024, "an epoch of " + batches.count() + " batches allocated " + allocated + " bytes");
    }

    @Test
    void refusals() {
        DataSet data = numbered(5, DataType.FLOAT);
        assertThrows(IllegalArgumentException.class, () -> data.batches(0, 1));
        assertThrows(IllegalArgumentException.class, () -> data.batches(6, 1));
        var it = data.batches(5, 1).iterator();
        it.next();
        assertThrows(java.util.NoSuchElementException.class, it::next);
    }

    @Test
    void takeSubsetAndSplit() {
        DataSet data = numbered(10, DataType.FLOAT);
        assertArrayEquals(new double[] {0, 1, 2}, data.take(3).features().data().asDouble());
        DataSet picked = data.subset(new int[] {7, 2, 7});
        assertArrayEquals(new double[] {7, 2, 7}, picked.features().data().asDouble());
        assertEquals(1, picked.label(0));
        Split split = data.split(0.8, 3);
        assertEquals(8, split.train().size());
        assertEquals(2, split.test().size());
        List<Double> all = new ArrayList<>();
        for (double v : split.train().features().data().asDouble()) all.add(v);
        for (double v : split.test().features().data().asDouble()) all.add(v);
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), all.stream().sorted().toList());
        assertThrows(IllegalArgumentException.class, () -> data.subset(new int[] {10}));
        assertThrows(IllegalArgumentException.class, () -> data.split(1.5, 3));
    }
}
