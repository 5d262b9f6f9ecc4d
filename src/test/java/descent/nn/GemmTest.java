package descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.cores.Cores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GemmTest {
    private final int defaultCount = Cores.count();

    @AfterEach
    void restore() {
        Cores.set(defaultCount);
    }

    /** Every transpose, both types, small (one band) and large (split), into views of a bigger array. */
    @Test
    void equalsNd4jsProductForEveryTransposeAndSize() {
        Cores.set(3);
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (int[] mnk : new int[][] {{3, 4, 5}, {64, 200, 784}, {784, 200, 64}, {7, 300, 1000}}) {
                for (boolean ta : new boolean[] {false, true}) {
                    for (boolean tb : new boolean[] {false, true}) {
                        int m = mnk[0], n = mnk[1], k = mnk[2];
                        INDArray a = view(type, ta ? k : m, ta ? m : k), b = view(type, tb ? n : k, tb ? k : n);
                        INDArray c = view(type, m, n), c0 = c.dup();
                        INDArray expected = (ta ? a.transpose() : a).mmul(tb ? b.transpose() : b).addi(c0.mul(0.5));
                        new Gemm(ta, tb).multiply(a, b, c, 0.5);
                        double tolerance = type == DataType.DOUBLE ? 1e-10 : 1e-3;
                        assertArrayEquals(expected.reshape(m * n).toDoubleVector(),
                                c.reshape(m * n).toDoubleVector(), tolerance * Math.sqrt(k),
                                type + " " + m + "×" + n + "×" + k + " ta=" + ta + " tb=" + tb);
                    }
                }
            }
        }
    }

    /** Which thread runs a band varies from call to call; the numbers must not. */
    @Test
    void aSplitProductIsReproducible() {
        INDArray a = Nd4j.randn(DataType.FLOAT, 64, 784), b = Nd4j.randn(DataType.FLOAT, 784, 200);
        INDArray first = Nd4j.create(DataType.FLOAT, 64, 200), again = Nd4j.create(DataType.FLOAT, 64, 200);
        Cores.set(3);
        Gemm gemm = new Gemm(false, false);
        gemm.multiply(a, b, first, 0);
        for (int repeat = 0; repeat < 200; repeat++) {
            gemm.multiply(a, b, again, 0);
            assertArrayEquals(first.reshape(-1).toFloatVector(), again.reshape(-1).toFloatVector(), 0f);
        }
    }

    @Test
    void refusesMixedTypesColumnMajorArraysAndWrongShapes() {
        INDArray f = Nd4j.create(DataType.FLOAT, 2, 3), d = Nd4j.create(DataType.DOUBLE, 3, 4);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Gemm(false, false).multiply(f, d, Nd4j.create(DataType.FLOAT, 2, 4), 0));
        assertEquals("a, b and c must have one data type, got FLOAT, DOUBLE, FLOAT", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Gemm(false, false)
                .multiply(Nd4j.create(DataType.FLOAT, new long[] {2, 3}, 'f'), f.reshape(3, 2), Nd4j.create(DataType.FLOAT, 2, 2), 0));
        assertEquals(true, e.getMessage().startsWith("a must be a row-major matrix with unit column stride"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Gemm(false, false).multiply(f, f, Nd4j.create(DataType.FLOAT, 2, 3), 0));
        assertEquals("shapes do not multiply: op(a) 2×3 · op(b) 2×3 → c 2×3", e.getMessage());
    }

    /** A rows×cols row-major view that starts 11 elements into a bigger array, filled with N(0, 1). */
    private static INDArray view(DataType type, int rows, int cols) {
        INDArray all = Nd4j.randn(type, 11L + (long) rows * cols + 5);
        return all.get(NDArrayIndex.interval(11, 11 + rows * cols)).reshape('c', rows, cols);
    }
}
