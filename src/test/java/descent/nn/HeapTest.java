package descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HeapTest {

    @Test
    void aColumnViewIsReadWhateverItsOrderFlag() {
        INDArray column = Nd4j.create(new double[] {1, 2, 3, 4, 5}, 5, 1);
        INDArray firstThree = column.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all());
        assertArrayEquals(new double[] {1, 2, 3}, java.util.Arrays.copyOf(Heap.read(firstThree, (double[]) null), 3));
    }

    @Test
    void aColumnMajorMatrixIsRefused() {
        INDArray f = Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'f');
        assertThrows(IllegalArgumentException.class, () -> Heap.read(f, (double[]) null));
    }
}
