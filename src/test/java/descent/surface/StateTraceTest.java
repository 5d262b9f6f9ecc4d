package descent.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.AdaGrad;
import descent.optim.Adam;
import descent.optim.PeriodicReset;
import descent.optim.Sgd;
import org.junit.jupiter.api.Test;

class StateTraceTest {

    @Test
    void recordsAdamsMomentsForAConstantGradient() {
        var trace = StateTrace.of(new Adam(1e-3)).watch("m", Adam::m).watch("m̂", Adam::mHat)
                .watch("v", Adam::v).watch("v̂", Adam::vHat).feed(2, 2, 2, 2, 2);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, trace.steps(), 0);
        for (int t = 1; t <= 5; t++) {
            assertEquals((1 - Math.pow(0.9, t)) * 2, trace.values("m")[t - 1], 1e-12);
            assertEquals(2, trace.values("m̂")[t - 1], 1e-12);
            assertEquals((1 - Math.pow(0.999, t)) * 4, trace.values("v")[t - 1], 1e-12);
            assertEquals(4, trace.values("v̂")[t - 1], 1e-12);
            assertEquals(1e-3, trace.stepSizes()[t - 1], 1e-9);          // Adam's corrected step is η
            assertEquals(-1e-3 * t, trace.theta()[t - 1], 1e-9);
        }
    }

    @Test
    void followsASurfaceLikeTrajectory() {
        var surface = Surfaces.rosenbrock();
        double[] start = {-1.2, 1};
        var trace = StateTrace.of(new AdaGrad(0.3)).watch("rate", AdaGrad::effectiveRate).on(surface, start, 50);
        var walk = Trajectory.of(new AdaGrad(0.3), surface, start, 50);
        assertArrayEquals(java.util.Arrays.copyOfRange(walk.xs(), 1, 51), trace.theta(0), 0);
        assertArrayEquals(java.util.Arrays.copyOfRange(walk.ys(), 1, 51), trace.theta(1), 0);
        // After step 1 the rate is η/(|g₁| + ε) per coordinate.
        double[] g = surface.gradient(-1.2, 1);
        assertEquals(0.3 / (Math.abs(g[0]) + 1e-10), trace.values("rate", 0)[0], 1e-15);
        assertEquals(0.3 / (Math.abs(g[1]) + 1e-10), trace.values("rate", 1)[0], 1e-15);
        double[] rate = trace.values("rate", 1);
        for (int t = 1; t < rate.length; t++) {
            assertTrue(rate[t] <= rate[t - 1], "AdaGrad's rate never rises");
        }
        assertEquals(Math.abs(walk.ys()[2] - walk.ys()[1]), trace.stepSizes(1)[1], 0);
    }

    @Test
    void forgottenStateIsNaNAndEachRunStartsAfresh() {
        var adagrad = new AdaGrad(0.1);
        var trace = StateTrace.of(new PeriodicReset(2, adagrad)).watch("G", o -> adagrad.sumOfSquares());
        trace.feed(1, 1, 1);
        assertArrayEquals(new double[] {1, 2, 1}, trace.values("G"), 0);
        trace.feed(3);
        assertArrayEquals(new double[] {9}, trace.values("G"), 0);
        assertEquals(1, trace.steps().length);
    }

    @Test
    void stopsWhereTheWalkDiverges() {
        var trace = StateTrace.of(new Sgd(3)).on(Surfaces.ravine(1), new double[] {1, 1}, 3000);
        assertTrue(trace.steps().length < 3000);
        assertTrue(Double.isFinite(trace.theta(0)[trace.steps().length - 1]));
    }

    @Test
    void refusesBadArguments() {
        var trace = StateTrace.of(new Adam(0.1)).watch("m", Adam::m);
        assertThrows(IllegalArgumentException.class, () -> trace.watch("m", Adam::v));
        assertThrows(IllegalArgumentException.class, () -> trace.feed());
        assertThrows(IllegalArgumentException.class, () -> trace.feed(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> trace.on(Surfaces.beale(), new double[] {1}, 5));
        trace.feed(1, 2);
        assertThrows(IllegalArgumentException.class, () -> trace.values("v"));
        assertThrows(IllegalArgumentException.class, () -> trace.values("m", 1));
        assertThrows(IllegalArgumentException.class, () -> StateTrace.of(null));
    }
}
