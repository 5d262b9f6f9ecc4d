package descent.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Sgd;
import org.junit.jupiter.api.Test;

class RateSearchTest {

    @Test
    void picksTheRateWithTheLowestFinalLossAndSkipsDivergedWalks() {
        // On ½(x² + y²) plain GD multiplies θ by (1 − η): η = 1 lands on the minimum in one step,
        // η = 2.5 diverges, η = 0.1 crawls.
        double[] start = {3, -2};
        var best = RateSearch.best(Sgd::new, Surfaces.ravine(1), start, 20, 0.1, 2.5, 1.0, 0.5);
        assertEquals("Sgd(η=1.0)", best.label());
        assertEquals(0, best.finalLoss(), 0);
        for (double lr : new double[] {0.1, 0.5}) {
            assertTrue(Trajectory.of(new Sgd(lr), Surfaces.ravine(1), start, 20).finalLoss() > 0);
        }
    }

    @Test
    void refusesEmptyOrBadGridsAndAllDivergedWalks() {
        double[] start = {1, 1};
        assertThrows(IllegalArgumentException.class, () -> RateSearch.best(Sgd::new, Surfaces.beale(), start, 10));
        assertThrows(IllegalArgumentException.class, () -> RateSearch.best(Sgd::new, Surfaces.beale(), start, 10, 0.1, -1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> RateSearch.best(Sgd::new, Surfaces.ravine(1), start, 3000, 3.0, 5.0));
        assertTrue(e.getMessage().contains("every walk diverged"), e.getMessage());
    }
}
