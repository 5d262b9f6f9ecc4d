package descent.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Sgd;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class StandingsTest {

    @Test
    void finalLossAndFirstArrivalOfEachWalk() {
        // On ½(x² + y²) GD multiplies θ by (1 − η) per step: from (1, 0) the loss is ½(1 − η)^(2k).
        var bowl = Surfaces.ravine(1);
        var fast = Trajectory.of(new Sgd(0.5), bowl, new double[] {1, 0}, 10);
        var slow = Trajectory.of(new Sgd(0.01), bowl, new double[] {1, 0}, 10);
        Table t = Standings.of(0.01, fast, slow);
        assertEquals("Race on " + bowl.name() + ", 10 steps", t.name());
        assertArrayEquals(new String[] {"Sgd(η=0.5)", "Sgd(η=0.01)"}, t.stringColumn("walk").asObjectArray());
        assertEquals(fast.finalLoss(), t.doubleColumn("final loss").getDouble(0), 0);
        // ½·0.25^k < 0.01 first at k = 3 (0.0078); the slow walk never gets there.
        assertEquals(3, t.intColumn(2).getInt(0));
        assertTrue(t.intColumn(2).isMissing(1));
        assertEquals("first step with loss < 1E-2", t.column(2).name());
    }

    @Test
    void refusesNoWalksAndABadFinishLine() {
        var walk = Trajectory.of(new Sgd(0.1), Surfaces.beale(), new double[] {1, 1}, 3);
        assertThrows(IllegalArgumentException.class, () -> Standings.of(0.1));
        assertThrows(IllegalArgumentException.class, () -> Standings.of(Double.NaN, walk));
    }
}
