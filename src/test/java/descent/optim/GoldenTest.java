package descent.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every optimizer variant against torch.optim 1.13 (tools/golden/optim_golden.py): 200 steps on
 * Rosenbrock, Beale, a rotated ravine, the saddle x² − y² and a 24-parameter least-squares
 * problem. Torch's gradient at each step is fed to our optimizer, which steps from its own θ.
 *
 * <p>Double: every coordinate of θ after every step within 1e-10·|θ_torch| + 1e-13 (the absolute
 * floor serves coordinates that pass through 0, where a relative bound means nothing; θ is of
 * order 1 on these problems). Measured: SGD, momentum, Nesterov, AdaGrad, RMSprop and AdaMax are
 * bit-identical to torch; Adam, AMSGrad, AdamW, Nadam and AdaDelta (which fold constants to save a
 * division) use at most 3e-6 of the tolerance, i.e. they differ in the last bit or two. Float:
 * within 1e-4·|θ_torch| + 1e-5 against torch in float32 (both compute in float, but torch rounds
 * the constants such as 1 − β in double before casting them, we after).
 */
class GoldenTest {
    static final double DOUBLE_REL = 1e-10, DOUBLE_ABS = 1e-13, FLOAT_REL = 1e-4, FLOAT_ABS = 1e-5;

    static JsonArray runs() throws Exception {
        return runs("/golden/optim/trajectories.json.gz");
    }

    static JsonArray runs(String resource) throws Exception {
        try (var in = GoldenTest.class.getResourceAsStream(resource)) {
            var reader = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8);
            return JsonParser.parseReader(reader).getAsJsonObject().getAsJsonArray("runs");
        }
    }

    /** The Descent optimizer for torch's class and arguments. */
    static Optimizer optimizerFor(String torchClass, JsonObject a) {
        double lr = a.get("lr").getAsDouble();
        double wd = num(a, "weight_decay", 0);
        Optimizer o = switch (torchClass) {
            case "SGD" -> {
                double mu = num(a, "momentum", 0);
                if (a.has("nesterov")) yield new Nesterov(lr, mu);
                yield mu == 0 ? new Sgd(lr) : new Momentum(lr, mu, num(a, "dampening", 0));
            }
            case "Adagrad" -> new AdaGrad(lr, num(a, "lr_decay", 0), num(a, "initial_accumulator_value", 0), 1e-10);
            case "Adadelta" -> new AdaDelta(lr, num(a, "rho", 0.9), num(a, "eps", 1e-6));
            case "RMSprop" -> new RmsProp(lr, 0.99, 1e-8, num(a, "momentum", 0), a.has("centered"));
            case "Adam" -> a.has("amsgrad")
                    ? new AmsGrad(lr, num(a, "beta1", 0.9), num(a, "beta2", 0.999), num(a, "eps", 1e-8))
                    : new Adam(lr, num(a, "beta1", 0.9), num(a, "beta2", 0.999), num(a, "eps", 1e-8));
            case "Adamax" -> new AdaMax(lr);
            case "NAdam" -> new Nadam(lr, 0.9, 0.999, 1e-8, num(a, "momentum_decay", 4e-3));
            case "AdamW" -> new AdamW(lr, 0.9, 0.999, 1e-8, num(a, "weight_decay", 1e-2));
            case "RAdam" -> new RAdam(lr, num(a, "beta1", 0.9), num(a, "beta2", 0.999), num(a, "eps", 1e-8));
            default -> throw new IllegalArgumentException(torchClass);
        };
        return wd != 0 && !torchClass.equals("AdamW") ? new WeightDecay(wd, o) : o;
    }

    /** The textbook form named by its Java class, with the reference's arguments. */
    static Optimizer textbookFor(String javaClass, JsonObject a) {
        double lr = a.get("lr").getAsDouble();
        return switch (javaClass) {
            case "MomentumTextbook" -> new MomentumTextbook(lr, num(a, "momentum", 0));
            case "AmsGradTextbook" -> new AmsGradTextbook(lr, num(a, "beta1", 0), num(a, "beta2", 0), num(a, "eps", 0));
            case "AdaDeltaTextbook" -> new AdaDeltaTextbook(lr, num(a, "rho", 0), num(a, "eps", 0));
            case "NadamTextbook" -> new NadamTextbook(lr, num(a, "beta1", 0), num(a, "beta2", 0), num(a, "eps", 0));
            case "DampenedMomentum" -> new DampenedMomentum(lr, num(a, "momentum", 0), num(a, "dampening", 0));
            case "AdamTextbook" -> new AdamTextbook(lr, num(a, "beta1", 0), num(a, "beta2", 0), num(a, "eps_hat", 0));
            case "RmsPropTextbook" -> new RmsPropTextbook(lr, num(a, "rho", 0), num(a, "eps", 0));
            case "AdaMaxTextbook" -> new AdaMaxTextbook(lr, num(a, "beta1", 0), num(a, "beta2", 0));
            case "AdamWTextbook" -> new AdamWTextbook(lr, num(a, "beta1", 0), num(a, "beta2", 0), num(a, "eps", 0),
                    num(a, "weight_decay", 0));
            default -> throw new IllegalArgumentException(javaClass);
        };
    }

    static double num(JsonObject a, String key, double otherwise) {
        return a.has(key) ? a.get(key).getAsDouble() : otherwise;
    }

    static INDArray vector(JsonArray values, DataType type) {
        double[] d = new double[values.size()];
        for (int i = 0; i < d.length; i++) d[i] = values.get(i).getAsDouble();
        return Nd4j.createFromArray(d).castTo(type);
    }

    @TestFactory
    List<DynamicTest> everyVariantFollowsTorch() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (var element : runs()) {
            JsonObject run = element.getAsJsonObject();
            String name = run.get("variant").getAsString() + " on " + run.get("problem").getAsString()
                    + " (" + run.get("dtype").getAsString() + ")";
            tests.add(DynamicTest.dynamicTest(name, () -> follow(run)));
        }
        return tests;
    }

    /**
     * The textbook forms against an independent pure-Python reference written from their sources
     * (tools/golden/optim_textbook.py, which first checks that reference against torch where the
     * forms coincide), in double, with the same tolerance.
     */
    @TestFactory
    List<DynamicTest> everyTextbookFormFollowsItsReference() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (var element : runs("/golden/optim/textbook.json.gz")) {
            JsonObject run = element.getAsJsonObject();
            Optimizer optimizer = textbookFor(run.get("optimizer").getAsString(), run.getAsJsonObject("args"));
            tests.add(DynamicTest.dynamicTest(run.get("variant").getAsString() + " on " + run.get("problem").getAsString(),
                    () -> follow(run, optimizer)));
        }
        return tests;
    }

    static void follow(JsonObject run) {
        follow(run, optimizerFor(run.get("optimizer").getAsString(), run.getAsJsonObject("args")));
    }

    static void follow(JsonObject run, Optimizer optimizer) {
        boolean isDouble = run.get("dtype").getAsString().equals("float64");
        DataType type = isDouble ? DataType.DOUBLE : DataType.FLOAT;
        double rel = isDouble ? DOUBLE_REL : FLOAT_REL, abs = isDouble ? DOUBLE_ABS : FLOAT_ABS;
        INDArray theta = vector(run.getAsJsonArray("theta0"), type);
        JsonArray grads = run.getAsJsonArray("grads"), thetas = run.getAsJsonArray("thetas");
        double worst = 0;
        for (int step = 0; step < grads.size(); step++) {
            optimizer.step(theta, vector(grads.get(step).getAsJsonArray(), type));
            JsonArray expected = thetas.get(step).getAsJsonArray();
            for (int i = 0; i < expected.size(); i++) {
                double want = expected.get(i).getAsDouble(), got = theta.getDouble(i);
                double excess = Math.abs(got - want) / (rel * Math.abs(want) + abs);
                worst = Math.max(worst, excess);
                if (!(excess <= 1)) {
                    throw new AssertionError("step " + (step + 1) + ", θ[" + i + "]: torch " + want + ", ours " + got);
                }
            }
        }
        assertTrue(worst <= 1);
    }
}
