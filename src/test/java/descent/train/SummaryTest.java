package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SummaryTest {

    private static Table run(String name, boolean validating, double... lastLossAccuracy) {
        Table h = History.empty(validating).setName(name);
        History.add(h, 10, 1, 2.0, 0.1, 0.1, 1.0, 0.5, 2.1, 0.09);
        History.add(h, 20, 2, lastLossAccuracy[0], lastLossAccuracy[1], 0.05, 0.8, 1.25, 1.1, 0.7);
        return h;
    }

    @Test
    void oneRowPerRunWithItsLastRow() {
        Table s = Summary.of(run("constant", true, 0.9, 0.8), run("cosine", true, 0.5, 0.9));
        assertEquals(List.of("run", "step", "loss", "accuracy", "val_loss", "val_accuracy", "seconds"), s.columnNames());
        assertEquals(2, s.rowCount());
        assertEquals("cosine", s.stringColumn("run").get(1));
        assertEquals(20, s.intColumn("step").getInt(1));
        assertEquals(0.5, s.doubleColumn("loss").getDouble(1));
        assertEquals(0.9, s.doubleColumn("accuracy").getDouble(1));
        assertEquals(0.7, s.doubleColumn("val_accuracy").getDouble(0));
        assertEquals(1.25, s.doubleColumn("seconds").getDouble(0));
        assertEquals("0.9000", s.getString(1, 3));
        assertEquals("1.25", s.getString(0, 6));
    }

    @Test
    void validationColumnsOnlyWhenSomeRunValidated() {
        assertFalse(Summary.of(run("a", false, 1, 0.5)).containsColumn("val_loss"));
        Table mixed = Summary.of(run("a", false, 1, 0.5), run("b", true, 1, 0.5));
        assertTrue(Double.isNaN(mixed.doubleColumn("val_loss").getDouble(0)));
        assertEquals(1.1, mixed.doubleColumn("val_loss").getDouble(1));
    }

    @Test
    void refusesNoHistoryAndEmptyHistories() {
        assertEquals("histories must hold at least one table, got none",
                assertThrows(IllegalArgumentException.class, Summary::of).getMessage());
        assertEquals("histories[1] must be a history with at least one row, got an empty table",
                assertThrows(IllegalArgumentException.class,
                        () -> Summary.of(run("a", true, 1, 0.5), History.empty(true))).getMessage());
    }
}
