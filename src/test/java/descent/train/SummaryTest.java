package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SummaryTest {

    private static Table history(String name, boolean validating, double... losses) {
        Table t = History.empty(validating).setName(name);
        for (int i = 0; i < losses.length; i++) {
            History.add(t, 30 * (i + 1), i / 2 + 1, losses[i], 0.5 + 0.1 * i, 0.01, 1, 0.25 * (i + 1), losses[i] + 1, 0.4);
        }
        return t;
    }

    @Test
    void summaryTakesTheLastRowOfEveryRun() {
        Table s = Summary.of(history("SGD", false, 2, 1, 0.7), history("momentum", false, 2, 0.5));
        assertEquals(List.of("run", "steps", "epochs", "loss", "accuracy", "seconds"), s.columnNames());
        assertEquals("SGD", s.stringColumn("run").get(0));
        assertEquals(90, s.intColumn("steps").getInt(0));
        assertEquals(2, s.intColumn("epochs").getInt(0));
        assertEquals(0.7, s.doubleColumn("loss").getDouble(0));
        assertEquals(0.5, s.doubleColumn("loss").getDouble(1));
        assertEquals(0.6, s.doubleColumn("accuracy").getDouble(1), 1e-12);
        assertEquals(0.5, s.doubleColumn("seconds").getDouble(1));
    }

    @Test
    void validationColumnsOnlyWhenEveryRunHasThem() {
        Table both = Summary.of(history("a", true, 1), history("b", true, 2));
        assertEquals(2.0, both.doubleColumn("val_loss").getDouble(0));
        assertTrue(both.columnNames().contains("val_accuracy"));
        Table mixed = Summary.of(history("a", true, 1), history("b", false, 2));
        assertEquals(6, mixed.columnCount());
    }

    @Test
    void emptyOrForeignTablesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of());
        assertThrows(IllegalArgumentException.class, () -> Summary.of(history("empty", false)));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(Table.create("foreign")));
    }
}
