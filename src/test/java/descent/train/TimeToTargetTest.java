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
        TimeToTarget.Result r = TimeToTarget.of(net, new Sgd(0.1)).batchSize(32).target(1.0).maxEpochs(50).checksPerEpoch(4).seed(2).train(DATA);
        assertTrue(r.reached());
        assertTrue(r.loss() <= 1.0);
        assertEquals(r.loss(), net.loss(DATA.features(), DATA.oneHot()), 1e-6);
        assertEquals(0, r.iterations() % 5, "checked every 640/(32·4) = 5 iterations");
        assertEquals(r.iterations() * 32.0 / 640, r.epochs(), 1e-12);
        assertTrue(r.seconds() > 0);
        Network again = Network.mlp(784, 16, 10).seed(1).build();
        TimeToTarget.Result earlier = TimeToTarget.of(again, new Sgd(0.1)).batchSize(32).target(1.0).maxEpochs(50)
                .checksPerEpoch(32).seed(2).train(DATA);
        assertTrue(earlier.iterations() <= r.iterations() && earlier.iterations() > r.iterations() - 5,
                "a finer check stops within the same 5 iterations: " + earlier.iterations() + " vs " + r.iterations());
    }

    @Test
    void anUnreachableTargetRunsOutOfEpochs() {
        Network net = Network.mlp(784, 16, 10).seed(1).build();
        TimeToTarget.Result r = TimeToTarget.of(net, new Sgd(0.0)).batchSize(64).target(1e-6).maxEpochs(2).seed(2).train(DATA);
        assertFalse(r.reached());
        assertEquals(20, r.iterations());
        assertEquals(2.0, r.epochs(), 1e-12);
        Table t = TimeToTarget.table(List.of(r));
        assertEquals(List.of("batch_size", "iterations", "epochs", "seconds", "loss", "reached", "diverged"), t.columnNames());
        assertEquals(20, t.intColumn("iterations").get(0));
    }

    /** A linear net and a step size far too large: the run stops at the first non-finite loss and becomes a row, not an exception. */
    @Test
    void aDivergingRunIsARow() {
        TimeToTarget.Result r = TimeToTarget.of(Network.mlp(784, 16, 10).identity().seed(1).build(), new Sgd(100))
                .target(0.1).maxEpochs(20).seed(2).train(DATA);
        assertTrue(r.diverged());
        assertFalse(r.reached());
        assertFalse(Double.isFinite(r.loss()));
        assertTrue(r.iterations() < 20 * 20, "stopped at iteration " + r.iterations());
    }

    @Test
    void badArgumentsAreRefused() {
        Network net = Network.mlp(784, 16, 10).seed(1).build();
        TimeToTarget race = TimeToTarget.of(net, new Sgd(0.1));
        assertThrows(IllegalArgumentException.class, () -> race.target(0));
        assertThrows(IllegalArgumentException.class, () -> race.target(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> race.maxEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> race.checksPerEpoch(0));
        assertThrows(IllegalArgumentException.class, () -> race.batchSize(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> race.train(DATA));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
    }
}
