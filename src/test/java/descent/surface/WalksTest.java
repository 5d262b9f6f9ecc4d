package descent.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Momentum;
import descent.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Slope, FiniteDifference and Walks: the helpers of lessons 1 and 2. */
class WalksTest {

    @Test
    void slopeHasTheSameGradientEverywhereAndNoMinimum() {
        Slope s = new Slope(2, -3);
        assertEquals(2 * 4 - 3 * 5, s.value(4, 5));
        assertArrayEquals(new double[] {2, -3}, s.gradient(-7, 100));
        assertTrue(s.minima().isEmpty());
        assertEquals("Slope(2·x + -3·y)", s.name());
        assertThrows(IllegalArgumentException.class, () -> new Slope(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Slope(Double.NaN, 1));
    }

    @Test
    void momentumStepsOnASlopeFollowTheGeometricSeries() {
        double eta = 0.1;
        for (double gamma : new double[] {0.5, 0.9}) {
            Trajectory walk = Trajectory.of(new Momentum(eta, gamma), new Slope(1, 0), new double[] {0, 0}, 80);
            double[] lengths = Walks.stepLengths(walk);
            assertEquals(80, lengths.length);
            for (int k = 0; k < lengths.length; k++) {
                double expected = eta * (1 - Math.pow(gamma, k + 1)) / (1 - gamma);   // η(1 + γ + … + γ^k)
                assertEquals(expected, lengths[k], 1e-12, "step " + k + " for γ = " + gamma);
            }
            assertEquals(eta / (1 - gamma), lengths[79], gamma == 0.9 ? 0.003 : 1e-12);
        }
    }

    @Test
    void stepRatiosMeasureStepsInUnitsOfAReferenceWalk() {
        Slope s = new Slope(3, 4);                                    // |g| = 5
        Trajectory plain = Trajectory.of(new Sgd(0.1), s, new double[] {0, 0}, 30);
        Trajectory heavy = Trajectory.of(new Momentum(0.1, 0.9), s, new double[] {0, 0}, 20);
        double[] ratios = Walks.stepRatios(heavy, plain);
        assertEquals(20, ratios.length);
        for (int k = 0; k < ratios.length; k++) {
            assertEquals((1 - Math.pow(0.9, k + 1)) / (1 - 0.9), ratios[k], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> Walks.stepRatios(plain, heavy));   // too short
        Trajectory still = Trajectory.of(new Sgd(0), s, new double[] {0, 0}, 30);
        assertThrows(IllegalArgumentException.class, () -> Walks.stepRatios(heavy, still));
    }

    @Test
    void forwardDifferenceOfAQuadraticIsOffByHalfTheCurvatureTimesH() {
        Ravine r = new Ravine(10);             // f = ½(x² + 10y²)
        double h = 1e-3;
        double[] forward = FiniteDifference.forward(r, 1.5, -0.5, h);
        assertEquals(1.5 + h / 2, forward[0], 1e-9);
        assertEquals(10 * -0.5 + 10 * h / 2, forward[1], 1e-9);
        double[] central = FiniteDifference.central(r, 1.5, -0.5, h);   // exact for a quadratic, up to rounding
        assertEquals(1.5, central[0], 1e-9);
        assertEquals(-5, central[1], 1e-9);
    }

    @Test
    void errorsFallWithHThenRiseWithRounding() {
        Surface m = Surfaces.foggyMountain();
        double[] h = {1e-1, 1e-5, 1e-13};
        double[] forward = FiniteDifference.forwardErrors(m, 1, -0.5, h);
        double[] central = FiniteDifference.centralErrors(m, 1, -0.5, h);
        assertTrue(central[0] < forward[0], "central beats forward at h = 0.1");
        assertTrue(central[1] < 1e-8, "central at h = 1e-5: " + central[1]);
        assertTrue(central[2] > 100 * central[1], "rounding dominates at h = 1e-13: " + central[2]);
        assertTrue(forward[1] < forward[0] && forward[2] > forward[1]);
    }

    @Test
    void anExactEstimateShowsAsUnitRoundoffAndBadArgumentsAreRefused() {
        Slope s = new Slope(1, 0);
        assertArrayEquals(new double[] {FiniteDifference.UNIT_ROUNDOFF},
                FiniteDifference.centralErrors(s, 0, 0, new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> FiniteDifference.central(s, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> FiniteDifference.forward(s, 0, Double.NaN, 1e-3));
        assertThrows(IllegalArgumentException.class,
                () -> FiniteDifference.centralErrors(new Ravine(2), 0, 0, new double[] {1e-3}));   // ∇f = 0
    }

    @Test
    void randomStartsAreSeededAndInsideTheWindow() {
        Surface m = Surfaces.foggyMountain();
        double[][] a = Walks.randomStarts(m, 20, 42);
        double[][] b = Walks.randomStarts(m, 20, 42);
        double[][] c = Walks.randomStarts(m, 20, 43);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
            assertTrue(a[i][0] >= -5 && a[i][0] <= 5 && a[i][1] >= -5 && a[i][1] <= 5);
        }
        assertFalse(a[0][0] == c[0][0] && a[0][1] == c[0][1]);
        assertThrows(IllegalArgumentException.class, () -> Walks.randomStarts(m, 0, 1));
    }

    @Test
    void endingsNameTheValleyEachWalkReached() {
        FoggyMountain m = Surfaces.foggyMountain();
        List<double[]> minima = m.minima();
        double[][] starts = new double[minima.size()][];
        for (int i = 0; i < starts.length; i++) {   // start a little off each minimum, in reverse order
            double[] p = minima.get(starts.length - 1 - i);
            starts[i] = new double[] {p[0] + 0.2, p[1] - 0.1};
        }
        Trajectory[] walks = Walks.from(new Sgd(0.3), m, starts, 300);
        assertEquals(String.format(java.util.Locale.ROOT, "from (%.1f, %.1f)", starts[0][0], starts[0][1]), walks[0].label());
        Table t = Walks.endings(walks);
        assertEquals(starts.length, t.rowCount());
        for (int i = 0; i < starts.length; i++) {
            assertEquals(starts.length - i, t.intColumn("nearest minimum").getInt(i));
            assertTrue(t.doubleColumn("distance to it").getDouble(i) < 1e-6);
            assertEquals(300, t.intColumn("steps").getInt(i));
        }
        Table saddle = Walks.endings(Trajectory.of(new Sgd(0.1), Surfaces.saddle(), new double[] {1, 0.1}, 5));
        assertTrue(saddle.intColumn("nearest minimum").isMissing(0));
        assertThrows(IllegalArgumentException.class, () -> Walks.endings());
    }
}
