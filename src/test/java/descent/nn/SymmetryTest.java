package descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.DataSet;
import descent.init.Normal;
import descent.init.Zeros;
import descent.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SymmetryTest {

    @Test
    void largestDifferenceToTheFirstUnit() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray same = Nd4j.create(new double[][] {{1, 1, 1}, {-2, -2, -2}}).castTo(type);
            assertEquals(0.0, Symmetry.spread(same));
            INDArray apart = Nd4j.create(new double[][] {{1, 1, 1.5}, {-2, -4.25, -2}}).castTo(type);
            assertEquals(2.25, Symmetry.spread(apart));
        }
    }

    @Test
    void zeroStartStaysSymmetricUnderTrainingRandomStartDoesNot() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 40, 6);
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = i % 3;
        }
        DataSet data = DataSet.of(x, labels, 3);
        Network zero = Network.mlp(6, 5, 3).sigmoid().init(new Zeros()).dtype(DataType.DOUBLE).build();
        Network random = Network.mlp(6, 5, 3).sigmoid().init(new Normal(0.1)).seed(3).dtype(DataType.DOUBLE).build();
        for (Network net : new Network[] {zero, random}) {
            Sgd sgd = new Sgd(0.5);
            for (int step = 0; step < 20; step++) {
                net.gradient(data.features(), data.oneHot());
                sgd.step(net.theta(), net.grad());
            }
        }
        assertEquals(0.0, Symmetry.spread(zero.denseLayers().get(0)));
        assertTrue(zero.denseLayers().get(0).weights().amaxNumber().doubleValue() > 0, "the zero start moved");
        assertTrue(Symmetry.spread(random.denseLayers().get(0)) > 0.01);
    }

    @Test
    void refusesAVector() {
        assertThrows(IllegalArgumentException.class, () -> Symmetry.spread(Nd4j.zeros(DataType.FLOAT, 3)));
    }
}
