package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.data.DataSet;
import descent.nn.Network;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

class MiniBatchNoiseTest {

    @Test
    void spreadFallsLikeOneOverRootNAndThetaIsLeftAlone() {
        DataSet data = TrainerTest.SMALL.as(DataType.DOUBLE);
        Network net = Network.mlp(784, 16, 10).dtype(DataType.DOUBLE).seed(3).build();
        INDArray before = net.theta().dup();
        Table t = MiniBatchNoise.of(net, data).draws(200).seed(1).measure(1, 4, 16);
        assertEquals(before, net.theta());
        double[] spread = t.doubleColumn("spread").asDoubleArray();
        double[] sqrtN = t.doubleColumn("spread_sqrt_n").asDoubleArray();
        assertEquals(spread[1] * 2, sqrtN[1], 1e-12);
        for (int i = 1; i < 3; i++) {               // 4× the batch, half the noise (±15%, 200 draws)
            assertEquals(0.5, spread[i] / spread[i - 1], 0.5 * 0.15, "n = " + t.intColumn("batch_size").get(i));
        }
        assertEquals(200, t.intColumn("draws").get(0));
    }

    @Test
    void identicalExamplesHaveNoNoise() {
        int[] same = new int[64];
        Arrays.fill(same, 5);
        DataSet copies = TrainerTest.SMALL.as(DataType.DOUBLE).subset(same);
        Network net = Network.mlp(784, 8, 10).dtype(DataType.DOUBLE).seed(1).build();
        Table t = MiniBatchNoise.of(net, copies).draws(3).seed(1).measure(1, 8);
        assertEquals(0, t.doubleColumn("spread").getDouble(0), 1e-12);
        assertEquals(0, t.doubleColumn("spread").getDouble(1), 1e-12);
    }

    @Test
    void badArgumentsAreRefused() {
        Network net = Network.mlp(784, 8, 10).seed(1).build();
        DataSet data = TrainerTest.SMALL;
        assertThrows(IllegalArgumentException.class, () -> MiniBatchNoise.of(net, data).draws(1));
        assertThrows(IllegalArgumentException.class, () -> MiniBatchNoise.of(net, data).measure());
        assertThrows(IllegalArgumentException.class, () -> MiniBatchNoise.of(net, data).measure(0));
        assertThrows(IllegalArgumentException.class, () -> MiniBatchNoise.of(net, data).draws(8).measure(data.size()));
        assertThrows(IllegalArgumentException.class, () -> MiniBatchNoise.of(net, data.as(DataType.DOUBLE)));
    }
}
