package descent.optim;

import static descent.optim.ValidationTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rprop against torch.optim.Rprop 1.13 (in double and float, with torch's bounds and with bounds
 * narrow enough to be hit), delta-bar-delta against an independent pure-Python reference of
 * Jacobs's rule (tools/golden/optim_rprop.py), on the surfaces of the textbook forms, 200 steps,
 * with {@link GoldenTest}'s tolerances.
 */
class RpropAndDeltaBarDeltaTest {

    static Optimizer optimizerFor(String javaClass, JsonObject a) {
        double lr = a.get("lr").getAsDouble();
        return switch (javaClass) {
            case "Rprop" -> new Rprop(lr, GoldenTest.num(a, "eta_minus", 0), GoldenTest.num(a, "eta_plus", 0),
                    GoldenTest.num(a, "min_step", 0), GoldenTest.num(a, "max_step", 0));
            case "DeltaBarDelta" -> new DeltaBarDelta(lr, GoldenTest.num(a, "kappa", 0), GoldenTest.num(a, "phi", 0),
                    GoldenTest.num(a, "beta", 0));
            default -> throw new IllegalArgumentException(javaClass);
        };
    }

    @TestFactory
    List<DynamicTest> followTheirReferences() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (var element : GoldenTest.runs("/golden/optim/rprop.json.gz")) {
            JsonObject run = element.getAsJsonObject();
            Optimizer optimizer = optimizerFor(run.get("optimizer").getAsString(), run.getAsJsonObject("args"));
            String name = run.get("variant").getAsString() + " on " + run.get("problem").getAsString()
                    + " (" + run.get("dtype").getAsString() + ")";
            tests.add(DynamicTest.dynamicTest(name, () -> GoldenTest.follow(run, optimizer)));
        }
        return tests;
    }

    /** Only the sign of g moves θ: a gradient 1000 times larger takes the same steps. */
    @Test
    void rpropIgnoresTheGradientsSize() {
        var small = Nd4j.createFromArray(0.0, 0.0);
        var large = small.dup();
        var a = new Rprop(0.1);
        var b = new Rprop(0.1);
        for (int step = 0; step < 5; step++) {
            a.step(small, Nd4j.createFromArray(0.003, -0.002));
            b.step(large, Nd4j.createFromArray(3.0, -2.0));
        }
        assertEquals(small, large);
        assertEquals(-0.1 * (1 + 1.2 + 1.44 + 1.728 + 2.0736), small.getDouble(0), 1e-12);
    }

    @Test
    void badArguments() {
        for (double eta : new double[] {0, 1, -0.5, Double.NaN}) {
            refused(() -> new Rprop(0.01, eta, 1.2, 1e-6, 50), "etaMinus", String.valueOf(eta));
        }
        for (double eta : new double[] {1, 0.5, Double.POSITIVE_INFINITY, Double.NaN}) {
            refused(() -> new Rprop(0.01, 0.5, eta, 1e-6, 50), "etaPlus", String.valueOf(eta));
        }
        refused(() -> new Rprop(0.01, 0.5, 1.2, -1, 50), "minStep", "-1.0");
        refused(() -> new Rprop(0.01, 0.5, 1.2, 1, 0.5), "maxStep", "0.5");
        refused(() -> new Rprop(Double.NaN), "lr", "NaN");
        refused(() -> new DeltaBarDelta(0.01, -1, 0.3, 0.7), "kappa", "-1.0");
        refused(() -> new DeltaBarDelta(0.01, 1e-3, 1, 0.7), "phi", "1.0");
        refused(() -> new DeltaBarDelta(0.01, 1e-3, 0.3, Double.NaN), "beta", "NaN");
        refused(() -> new DeltaBarDelta(-0.01, 1e-3, 0.3, 0.7), "lr", "-0.01");
    }
}
