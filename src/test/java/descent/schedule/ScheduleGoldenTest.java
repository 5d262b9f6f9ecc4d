package descent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every schedule against the values written by tools/golden/schedule_golden.py: torch 1.13's
 * schedulers where torch has the schedule, PaddlePaddle's documented formulas for the others.
 */
class ScheduleGoldenTest {

    static final double REL = 1e-10;

    static JsonObject golden() {
        var in = ScheduleGoldenTest.class.getResourceAsStream("/golden/schedule/schedules.json");
        return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** The Java construction of each golden case, by the case's name. */
    static Map<String, Schedule> schedules() {
        Map<String, Schedule> s = new LinkedHashMap<>();
        s.put("exponential_0.1_0.98", new Exponential(0.1, 0.98));
        s.put("exponential_1_0.9", new Exponential(1.0, 0.9));
        s.put("step_0.1_30_0.5", new Step(0.1, 30, 0.5));
        s.put("step_0.5_7_0.9", new Step(0.5, 7, 0.9));
        s.put("multistep_0.1_0.1_50_120_200", new MultiStep(0.1, 0.1, 50, 120, 200));
        s.put("multistep_0.3_0.5_1_2_100", new MultiStep(0.3, 0.5, 1, 2, 100));
        s.put("multistep_0.1_0.5_repeated_40_40_90", new MultiStep(0.1, 0.5, 40, 40, 90));   // γ² at step 40
        s.put("lambda_0.1_0.97pow", new Lambda(0.1, t -> Math.pow(0.97, t), "0.97^t"));
        s.put("lambda_0.2_inv_sqrt", new Lambda(0.2, t -> 1 / Math.sqrt(1 + t), "1/√(1+t)"));
        s.put("cosine_0.1_100_0", new CosineAnnealing(0.1, 100));
        s.put("cosine_0.1_300_0.001", new CosineAnnealing(0.1, 300, 0.001));
        s.put("cosine_0.05_37_0.01", new CosineAnnealing(0.05, 37, 0.01));
        s.put("sgdr_0.1_10_2_0", new CosineWarmRestarts(0.1, 10, 2, 0));
        s.put("sgdr_0.1_50_1_0.001", new CosineWarmRestarts(0.1, 50, 1, 0.001));
        s.put("sgdr_0.2_7_3_0.01", new CosineWarmRestarts(0.2, 7, 3, 0.01));
        s.put("polynomial_torch_0.1_200_2", new Polynomial(0.1, 200, 0, 2, false));
        s.put("polynomial_torch_0.1_100_1", new Polynomial(0.1, 100));
        s.put("onecycle_0.1_300", new OneCycle(0.1, 300));
        s.put("onecycle_1_299_linear_0.25", new OneCycle(1.0, 299).pctStart(0.25).linear());
        s.put("onecycle_0.5_310_three_phase",
                new OneCycle(0.5, 310).pctStart(0.4).divFactor(10).finalDivFactor(100).threePhase());
        s.put("cyclic_triangular_0.01_0.1_20", Cyclic.triangular(0.01, 0.1, 20));
        s.put("cyclic_triangular2_0.001_0.1_25_15", new Cyclic(0.001, 0.1, 25, 15, Cyclic.Mode.TRIANGULAR2, 1));
        s.put("cyclic_exp_range_0.01_0.2_30_0.995", Cyclic.expRange(0.01, 0.2, 30, 0.995));
        s.put("sequential_exp_cosine_at_100",
                new Sequential(List.of(new Exponential(0.1, 0.99), new CosineAnnealing(0.1, 150)), 100));
        s.put("sequential_step_multistep_exp", new Sequential(List.of(new Step(0.1, 10, 0.5),
                new MultiStep(0.1, 0.3, 20, 40), new Exponential(0.1, 0.97)), 50, 180));
        s.put("natural_exp_0.1_0.01", new NaturalExp(0.1, 0.01));
        s.put("natural_exp_0.5_0.05", new NaturalExp(0.5, 0.05));
        s.put("inverse_time_0.1_0.1", new InverseTime(0.1, 0.1));
        s.put("inverse_time_1_0.5", new InverseTime(1.0, 0.5));
        s.put("polynomial_0.1_100_0.001_2", new Polynomial(0.1, 100, 0.001, 2, false));
        s.put("polynomial_cycle_0.1_70_0.0001_1", new Polynomial(0.1, 70, 0.0001, 1, true));
        s.put("polynomial_cycle_0.2_50_0.01_0.5", new Polynomial(0.2, 50, 0.01, 0.5, true));
        s.put("piecewise_100_200", new Piecewise(new int[] {100, 200}, 0.1, 0.01, 0.001));
        s.put("piecewise_0_1_150_299", new Piecewise(new int[] {0, 1, 150, 299}, 9, 0.5, 0.4, 0.3, 0.2));
        s.put("noam_512_40", new Noam(512, 40));
        s.put("noam_64_100_2", new Noam(64, 100, 2.0));
        s.put("warmup_20_cosine", new LinearWarmup(new CosineAnnealing(0.1, 300, 0.001), 20));
        s.put("warmup_50_0.01_0.2_exponential", new LinearWarmup(new Exponential(0.1, 0.98), 50, 0.01, 0.2));
        s.put("warmup_torch_linearlr_cosine", new LinearWarmup(new CosineAnnealing(0.1, 200), 25, 0.01, 0.1));
        return s;
    }

    @Test
    void everyScheduleMatchesItsGoldenValues() {
        JsonObject cases = golden().getAsJsonObject("schedules");
        Map<String, Schedule> schedules = schedules();
        assertEquals(new TreeSet<>(cases.keySet()), new TreeSet<>(schedules.keySet()), "golden cases and Java cases");
        List<String> failures = new ArrayList<>();
        for (var e : schedules.entrySet()) {
            JsonArray values = cases.getAsJsonObject(e.getKey()).getAsJsonArray("values");
            assertEquals(300, values.size());
            for (int t = 0; t < values.size(); t++) {
                double expected = values.get(t).getAsDouble();
                double actual = e.getValue().valueAt(t);
                if (!close(actual, expected)) {
                    failures.add(e.getKey() + " step " + t + ": expected " + expected + ", got " + actual);
                    break;
                }
            }
        }
        if (!failures.isEmpty()) fail(String.join("\n", failures));
    }

    @Test
    void reduceOnPlateauMatchesTorch() {
        JsonObject runs = golden().getAsJsonObject("plateau");
        Map<String, ReduceOnPlateau> plateaus = new LinkedHashMap<>();
        plateaus.put("min_defaults", new ReduceOnPlateau(0.1));
        plateaus.put("min_patience3_cooldown2_factor0.5", new ReduceOnPlateau(0.1).patience(3).cooldown(2).factor(0.5));
        plateaus.put("min_abs_threshold", new ReduceOnPlateau(0.1).patience(2).absoluteThreshold(1e-3).factor(0.3));
        plateaus.put("min_minlr", new ReduceOnPlateau(0.1).patience(1).factor(0.2).minLr(0.001));
        plateaus.put("min_minlr_eps", new ReduceOnPlateau(0.01).patience(0).factor(0.5).minLr(0.0099).eps(1e-3));
        plateaus.put("max_rel", new ReduceOnPlateau(0.1).maximize().patience(2).factor(0.5).cooldown(1));
        plateaus.put("max_abs", new ReduceOnPlateau(0.1).maximize().patience(4).absoluteThreshold(0.005)
                .factor(0.1).minLr(1e-4));
        assertEquals(new TreeSet<>(runs.keySet()), new TreeSet<>(plateaus.keySet()));
        for (var e : plateaus.entrySet()) {
            JsonObject run = runs.getAsJsonObject(e.getKey());
            JsonArray metrics = run.getAsJsonArray("metrics");
            JsonArray lrs = run.getAsJsonArray("lrs");
            ReduceOnPlateau plateau = e.getValue();
            List<Integer> reducedNow = new ArrayList<>();
            for (int i = 0; i < metrics.size(); i++) {
                double lr = plateau.step(metrics.get(i).getAsDouble());
                assertEquals(lrs.get(i).getAsDouble(), lr, 0.0, e.getKey() + " epoch " + i);
                if (plateau.reducedLastStep()) reducedNow.add(i);
            }
            List<Integer> expected = new ArrayList<>();
            run.getAsJsonArray("reductions").forEach(x -> expected.add(x.getAsInt()));
            assertEquals(expected, plateau.reductions(), e.getKey());
            assertEquals(expected, reducedNow, e.getKey());
        }
    }

    static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= REL * Math.abs(expected) || actual == expected;
    }
}
