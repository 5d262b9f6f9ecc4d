package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class CyclicCoordinateDescentTest {

    /** A made-up accuracy, best at λα/(1−ρ) = 16× the start's, 1−ρ = 1/8 and α = 0.04. */
    static Table fakeTraining(Sweep.Point p) {
        double u = p.get("λ") * p.get("α") / (1 - p.get("ρ"));
        double score = 0.9 - 0.02 * Math.abs(log2(u / (16 * 2e-5))) - 0.01 * Math.abs(log2((1 - p.get("ρ")) / 0.125))
                - 0.005 * Math.abs(log2(p.get("α") / 0.04));
        Table h = History.empty(true);
        History.add(h, 1, 1, 1.0, 0.5, p.get("λ"), 1.0, 0.0, 1.0, score);
        return h;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void climbsOneCoordinateAtATimeToTheOptimum() {
        Table runs = CyclicCoordinateDescent.from(0.001, 0.5, 0.01).maxRuns(40).run(CyclicCoordinateDescentTest::fakeTraining);
        assertEquals(List.of("run", "move", "λ", "ρ", "α", "λα/(1−ρ)", "val_accuracy", "seconds", "best"), runs.columnNames());
        assertEquals("start", runs.stringColumn("move").get(0));
        int last = -1;
        for (int r = 0; r < runs.rowCount(); r++) {
            assertEquals(r + 1, runs.intColumn("run").get(r));
            double λ = runs.doubleColumn("λ").get(r), ρ = runs.doubleColumn("ρ").get(r), α = runs.doubleColumn("α").get(r);
            assertEquals(λ * α / (1 - ρ), runs.doubleColumn("λα/(1−ρ)").get(r), 1e-15);
            assertTrue(ρ >= 0 && ρ < 1);
            if (runs.booleanColumn("best").get(r)) {
                last = r;
            }
        }
        assertEquals(16 * 2e-5, runs.doubleColumn("λα/(1−ρ)").get(last), 1e-15);
        assertEquals(0.875, runs.doubleColumn("ρ").get(last), 1e-15);
        assertEquals(0.04, runs.doubleColumn("α").get(last), 1e-15);
        assertEquals(0.9, runs.doubleColumn("val_accuracy").get(last), 1e-12);
        Set<String> settings = new HashSet<>();
        for (int r = 0; r < runs.rowCount(); r++) {
            assertTrue(settings.add(runs.doubleColumn("λ").get(r) + "," + runs.doubleColumn("ρ").get(r) + ","
                    + runs.doubleColumn("α").get(r)), "row " + r + " repeats a setting");
        }
    }

    /** The α term gains 0.005 per doubling: below a margin of 0.01, so α is never moved. */
    @Test
    void aMoveMustBeatTheBestByTheMargin() {
        Table runs = CyclicCoordinateDescent.from(0.001, 0.5, 0.01).maxRuns(40).margin(0.01)
                .run(CyclicCoordinateDescentTest::fakeTraining);
        for (int r = 1; r < runs.rowCount(); r++) {
            if (runs.booleanColumn("best").get(r)) {
                assertEquals(0.01, runs.doubleColumn("α").get(r), 0, "row " + r + " moved α");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CyclicCoordinateDescent.from(0.1, 0.5, 0.01).margin(-0.1));
    }

    /** In plain coordinates every move holds the other two of λ, 1 − ρ, α. */
    @Test
    void plainCoordinatesMoveOneOfLambdaRhoAlpha() {
        Table runs = CyclicCoordinateDescent.from(0.001, 0.5, 0.01).inPlainCoordinates().maxRuns(30)
                .run(CyclicCoordinateDescentTest::fakeTraining);
        assertEquals("λ ×2", runs.stringColumn("move").get(1));
        assertEquals(0.002, runs.doubleColumn("λ").get(1), 1e-15);
        for (int r = 1; r < runs.rowCount(); r++) {
            String move = runs.stringColumn("move").get(r);
            if (!move.startsWith("λ")) {
                int from = r - 1;
                while (!runs.booleanColumn("best").get(from)) {
                    from--;
                }
                assertEquals(runs.doubleColumn("λ").get(from), runs.doubleColumn("λ").get(r), 1e-15, "row " + r + ": " + move);
            }
        }
    }

    @Test
    void stopsAtMaxRuns() {
        Table runs = CyclicCoordinateDescent.from(0.001, 0.5, 0.01).maxRuns(4).run(CyclicCoordinateDescentTest::fakeTraining);
        assertEquals(4, runs.rowCount());
    }

    @Test
    void badStartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CyclicCoordinateDescent.from(0, 0.5, 0.01));
        assertThrows(IllegalArgumentException.class, () -> CyclicCoordinateDescent.from(0.1, 1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> CyclicCoordinateDescent.from(0.1, -0.1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> CyclicCoordinateDescent.from(0.1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> CyclicCoordinateDescent.from(0.1, 0.5, 0.01).maxRuns(0));
    }
}
