package descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DeadUnitsTest {

    /** Biases of −100 keep 3 of 5 first-layer and 2 of 4 second-layer units ≤ 0 for inputs in [0, 1); +100 keeps the others firing. */
    @Test
    void countsUnitsThatNeverFire() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Network net = Network.mlp(3, 5, 4, 2).relu().dtype(type).seed(1).build();
            INDArray x = Nd4j.rand(type, 50, 3);
            net.denseLayers().get(0).bias().assign(Nd4j.createFromArray(-100.0, 0, -100, 0, -100).castTo(type));
            net.denseLayers().get(1).bias().assign(Nd4j.createFromArray(100.0, -100, 100, -100).castTo(type));
            assertArrayEquals(new int[] {3, 2}, DeadUnits.perLayer(net, x), type.toString());
            assertEquals(5, DeadUnits.count(net, x));
            assertEquals(9, DeadUnits.hiddenUnits(net));
        }
    }

    @Test
    void aLeakyUnitWithNegativeInputNeverFiresButHasAGradient() {
        Network net = Network.mlp(2, 1, 2).leakyRelu(0.1).dtype(DataType.DOUBLE).seed(1).build();
        net.denseLayers().get(0).bias().assign(-100);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 10, 2);
        assertEquals(1, DeadUnits.count(net, x));
        net.gradient(x, Nd4j.createFromArray(new double[][] {{1, 0}}).repeat(0, 10));
        assertEquals(true, net.denseLayers().get(0).biasGradient().getDouble(0) != 0);
    }
}
