package descent.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import descent.optim.Adam;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.optim.Sgd;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Trajectory closes the loop exactly as torch does: optimizer, analytic gradient, 200 steps on Rosenbrock. */
class TrajectoryGoldenTest {

    private static final Map<String, Supplier<Optimizer>> OPTIMIZERS = Map.of(
            "sgd", () -> new Sgd(1e-3),
            "momentum", () -> new Momentum(1e-3, 0.9),
            "adam", () -> new Adam(0.05));

    @Test
    void walksOnRosenbrockMatchTorchOptimizersStepByStep() throws Exception {
        JsonObject golden;
        try (var in = getClass().getResourceAsStream("/golden/surface/surfaces.json")) {
            golden = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        int walks = 0;
        for (JsonElement e : golden.getAsJsonArray("rosenbrock_walks")) {
            JsonObject w = e.getAsJsonObject();
            String name = w.get("optimizer").getAsString();
            JsonArray start = w.getAsJsonArray("start");
            JsonArray x = w.getAsJsonArray("x");
            Trajectory t = Trajectory.of(OPTIMIZERS.get(name).get(), Surfaces.rosenbrock(),
                    new double[] {start.get(0).getAsDouble(), start.get(1).getAsDouble()}, x.size() - 1);
            assertEquals(x.size(), t.size(), name);
            for (int k = 0; k < x.size(); k++) {
                close(x.get(k).getAsDouble(), t.xs()[k], name + " x at step " + k);
                close(w.getAsJsonArray("y").get(k).getAsDouble(), t.ys()[k], name + " y at step " + k);
                close(w.getAsJsonArray("loss").get(k).getAsDouble(), t.losses()[k], name + " loss at step " + k);
            }
            walks++;
        }
        assertEquals(3, walks);
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 1e-10 * Math.abs(expected) + 1e-300,
                what + ": torch " + expected + ", Trajectory " + actual);
    }
}
