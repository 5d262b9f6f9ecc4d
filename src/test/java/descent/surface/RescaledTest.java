package descent.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.optim.Sgd;
import org.junit.jupiter.api.Test;

class RescaledTest {

    @Test
    void sameLossAtTheSamePointInOtherUnits() {
        var beale = Surfaces.beale();
        var cm = new Rescaled(beale, 100);
        assertEquals(beale.value(1, 1.5), cm.value(100, 150), 1e-12);
        double[] g = beale.gradient(1, 1.5);
        assertArrayEquals(new double[] {g[0] / 100, g[1] / 100}, cm.gradient(100, 150), 1e-15);
        assertArrayEquals(new double[] {300, 50}, cm.minima().get(0), 0);
        assertEquals(new Surface.Window(-450, 450, -450, 450), cm.window());
        assertEquals("Beale in units ×100", cm.name());
    }

    @Test
    void sgdIsNotUnitFreeButItsWalkMapsBackWithRateTimesCSquared() {
        // θ' = cθ, g' = g/c: SGD walks the same path in new units only with η' = c²·η.
        var ravine = Surfaces.ravine(10);
        var scaled = new Rescaled(ravine, 10);
        var walk = Trajectory.of(new Sgd(0.05), ravine, new double[] {-4, 1}, 30);
        var same = Trajectory.of(new Sgd(0.05 * 100), scaled, scaled.point(new double[] {-4, 1}), 30);
        assertArrayEquals(walk.losses(), same.losses(), 1e-9);
    }

    @Test
    void refusesABadFactor() {
        assertEquals("c must be a finite number > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Rescaled(Surfaces.beale(), 0)).getMessage());
    }
}
