package descent.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class RoundedTest {

    @Test
    void numbersKeepTheirSignificantDigits() {
        assertEquals("0.3582", Rounded.number(0.3582492782401228, 4));
        assertEquals("1797", Rounded.number(1797, 4));
        assertEquals("0.5", Rounded.number(0.5000001, 4));
        assertEquals("1.23e-8", Rounded.number(1.2345e-8, 3));
        assertEquals("-2.5e7", Rounded.number(-2.5e7, 4));
        assertEquals("0", Rounded.number(0, 4));
    }

    @Test
    void aTablePrintsRoundedButKeepsItsValues() {
        Table t = Table.create("t", IntColumn.create("n", 1, 2), DoubleColumn.create("loss", 0.3582492782401228, 13.840517887098859));
        String printed = Rounded.table(t).print();
        assertTrue(printed.contains("0.3582") && printed.contains("13.84") && !printed.contains("0.35824"), printed);
        assertEquals(0.3582492782401228, t.doubleColumn("loss").get(0));
    }

    @Test
    void refusesDigitsOutOfRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> Rounded.table(Table.create("t"), 0));
        assertTrue(e.getMessage().contains("digits") && e.getMessage().contains("0"));
    }
}
