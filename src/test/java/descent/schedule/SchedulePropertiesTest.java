package descent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;

class SchedulePropertiesTest {

    static final int STEPS = 300;

    @Test
    void everyScheduleIsPure() {
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < STEPS; t++) order.add(t);
        Collections.shuffle(order, new Random(7));
        for (Map.Entry<String, Schedule> e : ScheduleGoldenTest.schedules().entrySet()) {
            Schedule s = e.getValue();
            double[] forward = new double[STEPS];
            for (int t = 0; t < STEPS; t++) forward[t] = s.valueAt(t);
            for (int t : order) {
                assertEquals(forward[t], s.valueAt(t), 0.0, e.getKey() + " step " + t + " in shuffled order");
                assertEquals(s.valueAt(t), s.valueAt(t), 0.0, e.getKey() + " twice at step " + t);
            }
        }
    }

    @Test
    void decayingSchedulesNeverIncrease() {
        List<Schedule> decaying = List.of(new Exponential(0.1, 0.97), new Step(0.1, 13, 0.5),
                new MultiStep(0.1, 0.2, 3, 50, 51), new InverseTime(0.1, 0.3), new NaturalExp(0.1, 0.02),
                new Polynomial(0.1, 120, 0.001, 2, false), new Polynomial(0.1, 120, 0, 0.5, false),
                new CosineAnnealing(0.1, STEPS, 0.001), new Piecewise(new int[] {10, 20}, 0.3, 0.2, 0.1));
        for (Schedule s : decaying) {
            for (int t = 1; t < STEPS; t++)
                assertTrue(s.valueAt(t) <= s.valueAt(t - 1), s + " rises at step " + t);
            assertTrue(s.valueAt(STEPS - 1) < s.valueAt(0), s + " never decays");
        }
    }

    @Test
    void warmupRisesThenEndsExactlyOnTheWrappedSchedule() {
        List<Schedule> wrapped = List.of(new CosineAnnealing(0.1, 200, 0.001), new Exponential(0.3, 0.95),
                new Noam(256, 30), new OneCycle(0.1, 250), Cyclic.triangular2(0.01, 0.1, 17));
        for (Schedule after : wrapped) {
            for (int w : new int[] {1, 7, 40}) {
                LinearWarmup warm = new LinearWarmup(after, w);
                assertEquals(0.0, warm.valueAt(0), 0.0);
                for (int t = 1; t <= w; t++)
                    assertTrue(warm.valueAt(t) >= warm.valueAt(t - 1), warm + " falls at step " + t);
                for (int k = 0; k < 200; k++)
                    assertEquals(after.valueAt(k), warm.valueAt(w + k), 0.0, warm + " at " + (w + k));
                // the climb's last step is one linear step short of where the wrapped schedule starts
                assertEquals(after.valueAt(0) * (w - 1) / w, warm.valueAt(w - 1), 1e-15);
            }
        }
    }

    @Test
    void closedFormsHitTheirLandmarks() {
        assertEquals(0.001, new CosineAnnealing(0.1, 50, 0.001).valueAt(50), 1e-15);
        assertEquals(0.1, new CosineWarmRestarts(0.1, 10, 2, 0).valueAt(30), 0.0);   // restarts at 10, 30, 70
        assertEquals(0.1, new CosineWarmRestarts(0.1, 10, 2, 0).valueAt(70), 0.0);
        CosineWarmRestarts equal = new CosineWarmRestarts(0.1, 7, 1, 0.001);
        assertEquals(equal.valueAt(2_000_000_000 % 7), equal.valueAt(2_000_000_000), 0.0);
        CosineWarmRestarts growing = new CosineWarmRestarts(0.1, 1, 2, 0);
        assertEquals(0.1, growing.valueAt((1 << 30) - 1), 0.0);                     // restart at 2^30 − 1
        Noam noam = new Noam(512, 100);
        assertEquals(1 / Math.sqrt(512 * 100), noam.valueAt(100), 1e-15);
        for (int t = 1; t < STEPS; t++) assertTrue(noam.valueAt(t) <= noam.valueAt(100));
        assertEquals(0.1, new OneCycle(0.1, 100).valueAt(29), 1e-15);               // peak at pct·N − 1
        assertEquals(0.1, Cyclic.triangular(0.01, 0.1, 20).valueAt(20), 1e-15);
        assertEquals(0.01, Cyclic.triangular(0.01, 0.1, 20).valueAt(40), 1e-15);
        assertEquals(0.01 + 0.09 / 4, Cyclic.triangular2(0.01, 0.1, 20).valueAt(100), 1e-15);
        assertEquals(0.001, new Polynomial(0.1, 40, 0.001, 3, true).valueAt(40), 1e-15);
        assertTrue(new Polynomial(0.1, 40, 0.001, 3, true).valueAt(41) > 0.001);      // cycle restarts
    }

    @Test
    void badArgumentsAreRefusedByName() {
        Map<String, Executable> bad = Map.ofEntries(
                Map.entry("boundaries", () -> new Piecewise(new int[] {10, 5}, 1, 2, 3)),
                Map.entry("values", () -> new Piecewise(new int[] {10, 20}, 1, 2)),
                Map.entry("milestones", () -> new MultiStep(0.1, 0.1, 30, 20)),
                Map.entry("stepSize", () -> new Step(0.1, 0, 0.5)),
                Map.entry("tMax", () -> new CosineAnnealing(0.1, -3)),
                Map.entry("t0", () -> new CosineWarmRestarts(0.1, 0, 1, 0)),
                Map.entry("tMult", () -> new CosineWarmRestarts(0.1, 10, 0, 0)),
                Map.entry("lr0", () -> new Exponential(Double.NaN, 0.9)),
                Map.entry("gamma", () -> new Exponential(0.1, -1)),
                Map.entry("decaySteps", () -> new Polynomial(0.1, 0)),
                Map.entry("warmup", () -> new Noam(512, 0)),
                Map.entry("dModel", () -> new Noam(-1, 10)),
                Map.entry("totalSteps", () -> new OneCycle(0.1, 0)),
                Map.entry("pctStart", () -> new OneCycle(0.1, 100).pctStart(1.5)),
                Map.entry("stepSizeUp", () -> Cyclic.triangular(0.01, 0.1, 0)),
                Map.entry("factor", () -> new ReduceOnPlateau(0.1).factor(1.0)),
                Map.entry("patience", () -> new ReduceOnPlateau(0.1).patience(-1)),
                Map.entry("step", () -> new Exponential(0.1, 0.9).valueAt(-1)),
                Map.entry("schedules", () -> new Sequential(List.of())),
                Map.entry("after", () -> new LinearWarmup(null, 5)));
        bad.forEach((argument, call) -> {
            var e = assertThrows(IllegalArgumentException.class, call, argument);
            assertTrue(e.getMessage().startsWith(argument) || e.getMessage().contains(argument + " "),
                    "message should name " + argument + ": " + e.getMessage());
        });
        var e = assertThrows(IllegalArgumentException.class, () -> new Sequential(
                List.of(new Exponential(0.1, 0.9), new Exponential(0.1, 0.8)), 10, 20));
        assertTrue(e.getMessage().contains("[10, 20]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OneCycle(0.1, 100).valueAt(101));
    }

    @Test
    void plateauRefusesNaNWithoutChangingState() {
        ReduceOnPlateau p = new ReduceOnPlateau(0.1).patience(0);
        p.step(1.0);
        assertThrows(IllegalArgumentException.class, () -> p.step(Double.NaN));
        assertEquals(1, p.epochs());
        assertEquals(1.0, p.best(), 0.0);
        assertEquals(0.01, p.step(2.0), 1e-15);   // a bad epoch is more than patience 0: cut by 0.1
        assertEquals(List.of(1), p.reductions());
        assertTrue(p.reducedLastStep());
    }

    @Test
    void galleryHasOneOfEachValidOverItsSteps() {
        for (int steps : new int[] {20, 37, 300}) {
            List<Schedule> gallery = Schedules.gallery(steps);
            assertEquals(16, gallery.size());
            for (Schedule s : gallery)
                for (int t = 0; t < steps; t++) {
                    double lr = s.valueAt(t);
                    assertTrue(Double.isFinite(lr) && lr >= 0, s + " at " + t + " = " + lr);
                }
        }
        assertThrows(IllegalArgumentException.class, () -> Schedules.gallery(19));
    }

    @Test
    void toStringNamesTheFormulaAndParameters() {
        assertEquals("Exponential η₀·γ^t (η₀=0.1, γ=0.95)", new Exponential(0.1, 0.95).toString());
        assertNotEquals(new OneCycle(0.1, 100).toString(), new OneCycle(0.1, 100).threePhase().toString());
    }
}
