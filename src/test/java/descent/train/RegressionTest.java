package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.DataSet;
import descent.init.Zeros;
import descent.nn.MeanSquaredError;
import descent.nn.Network;
import descent.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RegressionTest {

    /** 30 samples, one feature x = 1, label y ∈ {0, 1, 2}: the best constant is ȳ = 1. */
    private static DataSet constantData(DataType type) {
        int[] labels = new int[30];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        return DataSet.of(Nd4j.ones(type, 30, 1), labels, 3);
    }

    @Test
    void fullBatchGradientDescentOnABiasFollowsTheClosedForm() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            // One linear unit ŷ = w·1 + b from zero: full batch, L = mean((ŷ − y)²), so
            // ŷ_t = ŷ_{t−1} − η·2·2(ŷ_{t−1} − ȳ) (w and b move alike), ŷ_0 = 0, ȳ = 1, Var(y) = 2/3.
            Network net = Network.mlp(1, 1).identity().init(new Zeros()).loss(new MeanSquaredError()).dtype(type).build();
            double eta = 0.1;
            double[] losses = Regression.losses(net, new Sgd(eta), constantData(type), 30, 7, 40);
            assertEquals(40, losses.length);
            double yHat = 0;
            for (int t = 0; t < losses.length; t++) {
                assertEquals((yHat - 1) * (yHat - 1) + 2.0 / 3, losses[t], 1e-5, type + " update " + (t + 1));
                yHat -= eta * 4 * (yHat - 1);
            }
        }
    }

    @Test
    void miniBatchesWrapAroundTheEpoch() {
        Network net = Network.mlp(1, 4, 1).loss(new MeanSquaredError()).seed(2).dtype(DataType.DOUBLE).build();
        double[] losses = Regression.losses(net, new Sgd(0.01), constantData(DataType.DOUBLE), 8, 3, 25);
        assertEquals(25, losses.length);
        for (double l : losses) {
            assertTrue(Double.isFinite(l) && l > 0);
        }
    }

    @Test
    void refusesAClassifierWrongDataAndNoUpdates() {
        DataSet data = constantData(DataType.DOUBLE);
        Network ten = Network.mlp(1, 10).loss(new MeanSquaredError()).dtype(DataType.DOUBLE).build();
        assertEquals("net must have 1 output for a regression on the labels, got 10", assertThrows(
                IllegalArgumentException.class, () -> Regression.losses(ten, new Sgd(0.1), data, 8, 1, 5)).getMessage());
        Network one = Network.mlp(1, 1).loss(new MeanSquaredError()).dtype(DataType.DOUBLE).build();
        assertThrows(IllegalArgumentException.class,
                () -> Regression.losses(one, new Sgd(0.1), constantData(DataType.FLOAT), 8, 1, 5));
        INDArray before = one.theta().dup();
        assertEquals("updates must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> Regression.losses(one, new Sgd(0.1), data, 8, 1, 0)).getMessage());
        assertEquals(before, one.theta());
    }

    @Test
    void aDivergingRunStopsWithTheStepAndTheRate() {
        Network net = Network.mlp(1, 1).identity().loss(new MeanSquaredError()).dtype(DataType.DOUBLE).build();
        DivergedException e = assertThrows(DivergedException.class,
                () -> Regression.losses(net, new Sgd(100), constantData(DataType.DOUBLE), 30, 1, 500));
        assertEquals(100.0, e.learningRate());
        assertTrue(e.getMessage().contains("at step " + e.step()), e.getMessage());
    }
}
