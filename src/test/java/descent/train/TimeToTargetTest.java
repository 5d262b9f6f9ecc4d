package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.DataSet;
import descent.nn.Network;
import descent.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TimeToTargetTest {

    static final DataSet DATA = TrainerTest.SMALL;   // 640 digits

    @Test
    void stopsAtTheFirstCheckBelowTheTargetAndCountsEpochsAsExamplesSeen() {
        Network net = Network.mlp(784, 16, 10).seed(1).build();
        TimeToTarget.Result r = TimeToTarget.train(net, new Sgd(0.1), DATA, 32, 1.0, 50, 4, 2);
        assertTrue(r.reached());
        assertTrue(r.loss() <= 1.0);
        assertEquals(r.loss(), net.loss(DATA.features(), DATA.oneHot()), 1e-6);
        assertEquals(0, r.iterations() % 5, "checked every 640/(32·4) = 5 iterations");
        assertEquals(r.iterations() * 32.0 / 640, r.epochs(), 1e-12);
        assertTrue(r.seconds() > 0);
        Network again = Network.mlp(784, 16, 10).seed(1).build();
        TimeToTarget.Result earlier = TimeToTarget.train(again, new Sgd(0.1), DATA, 32, 1.0, 50, 32, 2);
        assertTrue(earlier.iterations() <= r.iterations() && earlier.iterations() > r.iterations() - 5,
                "a finer check stops within the same 5 iterations: " + earlier.iterations() + " vs " + r.iterations());
    }

    @Test
    void anUnreachableTargetRunsOutOfEpochs() {
        Network net = Network.mlp(784, 16, 10).seed(1).build();
        TimeToTarget.Result r = TimeToTarget.train(net, new Sgd(0.0), DATA, 64, 1e-6, 2, 1, 2);
        assertFalse(r.reached());
        assertEquals(20, r.iterations());
        assertEquals(2.0, r.epochs(), 1e-12);
        Table t = TimeToTarget.table(List.of(r));
        assertEquals(List.of("batch_size", "iterations", "epochs", "seconds", "loss", "reached"), t.columnNames());
        assertEquals(20, t.intColumn("iterations").get(0));
    }

    @Test
    void badArgumentsAreRefused() {
        Network net = Network.mlp(784, 16, 10).seed(1).build();
        assertThrows(IllegalArgumentException.class, () -> TimeToTarget.train(net, new Sgd(0.1), DATA, 32, 0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> TimeToTarget.train(net, new Sgd(0.1), DATA, 32, Double.NaN, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> TimeToTarget.train(net, new Sgd(0.1), DATA, 32, 0.5, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> TimeToTarget.train(net, new Sgd(0.1), DATA, 32, 0.5, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TimeToTarget.train(net, new Sgd(0.1), DATA, 0, 0.5, 1, 1, 1));
    }
}
