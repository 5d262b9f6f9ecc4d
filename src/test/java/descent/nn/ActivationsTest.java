package descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.init.Constant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationsTest {

    /** x·W with W all 0.5 and bias 0: every hidden unit sees 0.5·(x1 + x2). */
    private static Network net(DataType type) {
        return Network.of(new Dense(2, 3, new Constant(0.5)), new Tanh(), new Dense(3, 3, new Constant(0.5)), new Relu(),
                new Dense(3, 1, new Constant(1))).dtype(type).build();
    }

    @Test
    void keepsEachActivationOutputInOrderForFloatAndDouble() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Network net = net(type);
            INDArray x = Nd4j.create(new double[][] {{1, 1}, {-2, 0}}).castTo(type);
            Activations a = Activations.of(net, x);
            assertEquals(2, a.count());
            assertEquals(List.of("layer 1", "layer 2"), a.labels());
            assertArrayEquals(new double[] {1, 2}, a.layerNumbers());
            double h1 = Math.tanh(1), h2 = Math.tanh(-1);
            double[][] first = a.values().get(0).toDoubleMatrix();
            assertArrayEquals(new double[] {h1, h1, h1}, first[0], 1e-6, type.toString());
            assertArrayEquals(new double[] {h2, h2, h2}, first[1], 1e-6, type.toString());
            double[][] second = a.values().get(1).toDoubleMatrix();
            assertArrayEquals(new double[] {1.5 * h1, 1.5 * h1, 1.5 * h1}, second[0], 1e-6);
            assertArrayEquals(new double[] {0, 0, 0}, second[1], 0.0);
            assertEquals(type, a.values().get(0).dataType());
            // Population std: half the entries at tanh(1), half at tanh(−1) = −tanh(1).
            assertEquals(h1, a.stds()[0], 1e-6);
            assertEquals(1.5 * h1 / 2, a.stds()[1], 1e-6);
        }
    }

    @Test
    void valuesAreCopiesThatSurviveTheNextForward() {
        Network net = net(DataType.DOUBLE);
        Activations a = Activations.of(net, Nd4j.create(new double[][] {{1, 1}}));
        double before = a.values().get(0).getDouble(0, 0);
        assertNotSame(net.layer(1).output(), a.values().get(0));
        net.forward(Nd4j.create(new double[][] {{-3, -3}}), false);
        assertEquals(before, a.values().get(0).getDouble(0, 0), 0.0);
    }

    @Test
    void refusesANetworkWithoutActivations() {
        Network linear = Network.of(new Dense(2, 1, new Constant(1))).dtype(DataType.DOUBLE).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activations.of(linear, Nd4j.create(new double[][] {{1, 1}})));
        assertEquals(true, e.getMessage().startsWith("net must have at least one activation layer"));
    }
}
