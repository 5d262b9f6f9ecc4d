package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import descent.data.DataSet;
import descent.nn.Network;
import descent.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Trainer.inOrder(): the stored order every epoch, so the shuffling seed no longer matters. */
class InOrderTest {

    private static DataSet data() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 40, 3);
        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 20 ? 0 : 1;   // sorted by label
        }
        return DataSet.of(x, labels, 2);
    }

    private static INDArray theta(DataSet data, long seed, boolean inOrder) {
        Network net = Network.mlp(3, 2).dtype(DataType.DOUBLE).seed(1).build();
        Trainer t = Trainer.of(net, new Sgd(0.1)).epochs(3).batchSize(8).seed(seed).quiet();
        (inOrder ? t.inOrder() : t).fit(data);
        return net.theta().dup();
    }

    @Test
    void inOrderIgnoresTheShuffleSeedWhileShufflingDoesNot() {
        Nd4j.getRandom().setSeed(5);
        DataSet data = data();
        assertEquals(theta(data, 1, true), theta(data, 2, true));
        assertNotEquals(theta(data, 1, false), theta(data, 2, false));
    }
}
