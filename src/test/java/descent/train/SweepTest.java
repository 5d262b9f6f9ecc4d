package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.display.Display;
import descent.display.Html;
import descent.nn.Loss;
import descent.nn.Network;
import descent.optim.Momentum;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SweepTest {

    static Table sweep() {
        return Sweep.grid()
                .axis("lr", 0.05, 3.0)
                .axis("momentum", 0.0, 0.9)
                .axis("batch", 32, 64)
                .run(p -> Trainer.of(Network.mlp(784, 16, 10).identity().loss(Loss.mse()).seed(5).build(),
                                new Momentum(p.get("lr"), p.get("momentum")))
                        .epochs(2).batchSize(p.getInt("batch")).seed(1)
                        .validation(TrainerTest.SMALL_VAL).quiet().fit(TrainerTest.SMALL));
    }

    @Test
    void everyCombinationInGridOrderWithFinalMetricsDeterministically() {
        Table t = sweep();
        assertEquals(List.of("lr", "momentum", "batch", "loss", "accuracy", "val_loss", "val_accuracy",
                "seconds", "diverged"), t.columnNames());
        assertEquals(8, t.rowCount());
        assertArrayEquals(new double[] {0.05, 0.05, 0.05, 0.05, 3.0, 3.0, 3.0, 3.0},
                t.doubleColumn("lr").asDoubleArray());
        assertArrayEquals(new int[] {32, 64, 32, 64, 32, 64, 32, 64}, t.intColumn("batch").asIntArray());
        for (int i = 0; i < 4; i++) {
            assertFalse(t.booleanColumn("diverged").get(i), "row " + i);
            assertTrue(t.doubleColumn("val_accuracy").getDouble(i) > 0.2, "row " + i + " beats chance (0.1)");
            assertTrue(t.booleanColumn("diverged").get(i + 4), "row " + (i + 4));
        }
        for (int batch = 0; batch < 2; batch++) {                   // momentum 0.9 ahead of plain SGD
            assertTrue(t.doubleColumn("val_loss").getDouble(2 + batch) < t.doubleColumn("val_loss").getDouble(batch));
        }
        Table again = sweep();
        assertArrayEquals(t.doubleColumn("val_loss").asDoubleArray(), again.doubleColumn("val_loss").asDoubleArray());
    }

    /** In a notebook: one bar for the sweep, updated as each training finishes, ending at n/n. */
    @Test
    void oneProgressBarForTheWholeSweep() {
        ProgressTest.Recorder sink = new ProgressTest.Recorder();
        Display.install(sink);
        try {
            Sweep.grid().axis("lr", 0.05, 0.1, 0.2).run(p -> Trainer.of(Network.mlp(784, 8, 10).seed(5).build(),
                    new Momentum(p.get("lr"), 0)).epochs(1).quiet().fit(TrainerTest.SMALL));
        } finally {
            Display.install(null);
        }
        assertEquals(1, sink.shown.size());
        assertTrue(((Html) sink.shown.get(0)).text().contains("0/3 trainings"), sink.shown.toString());
        assertEquals(3, sink.updates.size());
        assertTrue(((Html) sink.updates.get(2)).text().contains("3/3 trainings"), sink.updates.toString());
    }

    @Test
    void badAxesAreRefused() {
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> Sweep.grid().axis("loss", List.of("cross-entropy", "mse")));
        assertTrue(clash.getMessage().contains("loss"), clash.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sweep.grid().axis("lr", new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Sweep.grid().axis("lr", 0.1).axis("lr", 0.2));
        assertThrows(IllegalArgumentException.class, () -> Sweep.grid().axis("mixed", List.of(1, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> Sweep.grid().run(p -> null));
    }
}
