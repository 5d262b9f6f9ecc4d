package descent.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurfaceTest {

    private static final Map<String, Surface> BY_GOLDEN_NAME = Map.of(
            "rosenbrock(1,100)", Surfaces.rosenbrock(),
            "rosenbrock(0.5,10)", Surfaces.rosenbrock(0.5, 10),
            "beale", Surfaces.beale(),
            "himmelblau", Surfaces.himmelblau(),
            "ravine(50,0)", Surfaces.ravine(50),
            "ravine(10,30)", Surfaces.ravine(10, 30),
            "saddle", Surfaces.saddle(),
            "foggyMountain", Surfaces.foggyMountain());

    /** |actual − expected| ≤ 1e-12 |expected|, with 1e-12 as the floor near zero. */
    static void assertClose(double expected, double actual, String what) {
        double tolerance = 1e-12 * Math.max(Math.abs(expected), 1);
        assertTrue(Math.abs(actual - expected) <= tolerance,
                what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void valuesAndGradientsMatchTorchAutograd() throws Exception {
        JsonObject golden;
        try (var in = getClass().getResourceAsStream("/golden/surface/surfaces.json")) {
            golden = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        Set<String> seen = new HashSet<>();
        int points = 0;
        for (JsonElement e : golden.getAsJsonArray("surfaces")) {
            JsonObject s = e.getAsJsonObject();
            String name = s.get("surface").getAsString();
            Surface surface = BY_GOLDEN_NAME.get(name);
            JsonArray x = s.getAsJsonArray("x");
            for (int i = 0; i < x.size(); i++) {
                double px = x.get(i).getAsDouble();
                double py = s.getAsJsonArray("y").get(i).getAsDouble();
                String at = name + " at (" + px + ", " + py + ")";
                double[] g = surface.gradient(px, py);
                assertClose(s.getAsJsonArray("value").get(i).getAsDouble(), surface.value(px, py), at + " f");
                assertClose(s.getAsJsonArray("grad_x").get(i).getAsDouble(), g[0], at + " ∂f/∂x");
                assertClose(s.getAsJsonArray("grad_y").get(i).getAsDouble(), g[1], at + " ∂f/∂y");
                points++;
            }
            seen.add(name);
        }
        assertEquals(BY_GOLDEN_NAME.keySet(), seen);
        assertTrue(points > 700, "points compared: " + points);
    }

    @Test
    void gradientVanishesAtEveryKnownMinimumAndTheMinimaAreInTheWindow() {
        for (Surface s : BY_GOLDEN_NAME.values()) {
            for (double[] m : s.minima()) {
                double[] g = s.gradient(m[0], m[1]);
                assertTrue(Math.hypot(g[0], g[1]) < 1e-9, s.name() + " |∇f| at minimum " + g[0] + ", " + g[1]);
                Surface.Window w = s.window();
                assertTrue(m[0] > w.xmin() && m[0] < w.xmax() && m[1] > w.ymin() && m[1] < w.ymax(), s.name());
                // A minimum: f rises a little in every direction.
                double f = s.value(m[0], m[1]);
                for (int k = 0; k < 8; k++) {
                    double a = k * Math.PI / 4;
                    assertTrue(s.value(m[0] + 1e-3 * Math.cos(a), m[1] + 1e-3 * Math.sin(a)) > f, s.name());
                }
            }
        }
        assertTrue(Surfaces.saddle().minima().isEmpty());
        assertEquals(4, Surfaces.himmelblau().minima().size());
    }

    @Test
    void foggyMountainHasSeveralMinimaOfDifferentDepthsDeepestFirst() {
        FoggyMountain fog = Surfaces.foggyMountain();
        List<double[]> minima = fog.minima();
        assertTrue(minima.size() >= 4, "minima: " + minima.size());
        for (int i = 1; i < minima.size(); i++) {
            double before = fog.value(minima.get(i - 1)[0], minima.get(i - 1)[1]);
            double here = fog.value(minima.get(i)[0], minima.get(i)[1]);
            assertTrue(before < here - 1e-3, "depths " + before + ", " + here);
        }
    }

    @Test
    void ravineHasTheChosenConditionNumber() {
        // Along the floor f = ½u², across it f = ½κv²: curvatures 1 and κ, in the turned frame.
        Ravine r = Surfaces.ravine(50, 30);
        double a = Math.toRadians(30);
        double along = r.value(Math.cos(a), Math.sin(a));
        double across = r.value(-Math.sin(a), Math.cos(a));
        assertEquals(0.5, along, 1e-12);
        assertEquals(25, across, 1e-12);
        assertEquals("Ravine(κ=50, α=30°)", r.name());
        assertEquals("Ravine(κ=50)", Surfaces.ravine(50).name());
        assertEquals("Rosenbrock(a=0.5, b=10)", Surfaces.rosenbrock(0.5, 10).name());
    }

    @Test
    void badParametersAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> Surfaces.ravine(0.5));
        assertTrue(e.getMessage().contains("kappa") && e.getMessage().contains("0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Surfaces.rosenbrock(1, Double.NaN));
        assertTrue(e.getMessage().contains("b ") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FoggyMountain(0.1));
        assertTrue(e.getMessage().contains("wells"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Surface.Window(1, 1, 0, 1));
        assertTrue(e.getMessage().contains("xmin"), e.getMessage());
        assertFalse(Surfaces.beale().minima().isEmpty());
    }
}
