package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.nn.Network;
import descent.optim.Adam;
import descent.optim.Sgd;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ComparisonTest {

    private static Trainer trainer(descent.optim.Optimizer optimizer) {
        return Trainer.of(Network.mlp(784, 32, 10).seed(1).build(), optimizer).epochs(2).seed(1).logEvery(5).quiet();
    }

    @Test
    void keepsEachHistoryAndMeasuresEveryNetworkOnTheSameTestSet() {
        var runs = new Comparison(TrainerTest.SMALL, TrainerTest.SMALL_VAL);
        Trainer adam = trainer(new Adam(1e-3));
        Trainer sgd = trainer(new Sgd(0.1));
        runs.fit(adam).fit("plain SGD", sgd);

        Table[] h = runs.histories();
        assertEquals(2, h.length);
        assertEquals("Adam(η=0.001)", h[0].name());
        assertEquals("plain SGD", h[1].name());
        assertEquals(4, h[0].rowCount());                       // 2 epochs of 640/64 = 10 steps, a row every 5

        Table r = runs.results();
        assertEquals(java.util.List.of("run", "steps", "epochs", "loss", "accuracy", "seconds", "test loss", "test accuracy"),
                r.columnNames());
        assertArrayEquals(new String[] {"Adam(η=0.001)", "plain SGD"}, r.stringColumn("run").asObjectArray());
        assertEquals(h[1].doubleColumn("loss").getDouble(3), r.doubleColumn("loss").getDouble(1), 0);
        var onTest = sgd.network().evaluate(TrainerTest.SMALL_VAL.features(), TrainerTest.SMALL_VAL.oneHot());
        assertEquals(onTest.accuracy(), r.doubleColumn("test accuracy").getDouble(1), 0);
        assertEquals(onTest.loss(), r.doubleColumn("test loss").getDouble(1), 0);
        assertTrue(r.doubleColumn("test accuracy").getDouble(0) > 0.2, "Adam beats chance (0.1)");
        assertEquals(h[0].doubleColumn("seconds").getDouble(3), r.doubleColumn("seconds").getDouble(0), 0);
    }

    @Test
    void refusesARepeatedOrBlankNameAndMissingData() {
        var runs = new Comparison(TrainerTest.SMALL, TrainerTest.SMALL_VAL);
        runs.fit("a", trainer(new Sgd(0.1)));
        assertThrows(IllegalArgumentException.class, () -> runs.fit("a", trainer(new Sgd(0.1))));
        assertThrows(IllegalArgumentException.class, () -> runs.fit(" ", trainer(new Sgd(0.1))));
        assertEquals(1, runs.results().rowCount());
        assertThrows(IllegalStateException.class, () -> new Comparison(TrainerTest.SMALL, TrainerTest.SMALL_VAL).results());
        assertThrows(IllegalArgumentException.class, () -> new Comparison(null, TrainerTest.SMALL_VAL));
    }
}
