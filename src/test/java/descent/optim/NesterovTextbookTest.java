package descent.optim;

import static descent.optim.GoldenTest.DOUBLE_ABS;
import static descent.optim.GoldenTest.DOUBLE_REL;
import static descent.optim.GoldenTest.vector;
import static descent.optim.ValidationTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nesterov in Sutskever's form: against the pure-Python reference of tools/golden/optim_textbook.py
 * (itself checked there against torch's Nesterov through φ = θ + μv, b = −v/η), against
 * {@link Nesterov} through the same change of variables here, and its refusals.
 */
class NesterovTextbookTest {

    /** Within 1e-10·|want| + 1e-13, as every golden test in double. */
    static void near(double want, double got, String where) {
        assertTrue(Math.abs(got - want) <= DOUBLE_REL * Math.abs(want) + DOUBLE_ABS, where + ": want " + want + ", got " + got);
    }

    static void near(INDArray want, INDArray got, String where) {
        for (int i = 0; i < want.length(); i++) near(want.getDouble(i), got.getDouble(i), where + ", [" + i + "]");
    }

    /**
     * Every step asks for the gradient at the reference's look-ahead point (checked) and is given the
     * reference's gradient there; θ after the step is the reference's.
     */
    @TestFactory
    List<DynamicTest> followsTheReferenceOnEveryProblem() throws Exception {
        JsonArray runs;
        try (var in = getClass().getResourceAsStream("/golden/optim/textbook.json.gz")) {
            var reader = new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8);
            runs = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonArray("look_ahead_runs");
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (var element : runs) {
            JsonObject run = element.getAsJsonObject(), args = run.getAsJsonObject("args");
            tests.add(DynamicTest.dynamicTest("nesterov_textbook on " + run.get("problem").getAsString(), () -> {
                var nesterov = new NesterovTextbook(args.get("lr").getAsDouble(), args.get("momentum").getAsDouble());
                INDArray theta = vector(run.getAsJsonArray("theta0"), DataType.DOUBLE);
                JsonArray aheads = run.getAsJsonArray("lookaheads"), grads = run.getAsJsonArray("grads");
                JsonArray thetas = run.getAsJsonArray("thetas");
                assertEquals(200, thetas.size());
                for (int s = 0; s < thetas.size(); s++) {
                    int step = s + 1;
                    nesterov.step(theta, point -> {
                        near(vector(aheads.get(step - 1).getAsJsonArray(), DataType.DOUBLE), point, "look-ahead of step " + step);
                        return vector(grads.get(step - 1).getAsJsonArray(), DataType.DOUBLE);
                    });
                    near(vector(thetas.get(s).getAsJsonArray(), DataType.DOUBLE), theta, "θ after step " + step);
                }
            }));
        }
        assertEquals(5, tests.size());
        return tests;
    }

    /** ∇f of f = ½·Σ hᵢ·pᵢ², hᵢ = 1 … 20: a bowl of condition number 20. */
    static final INDArray CURVATURES = Nd4j.createFromArray(IntStream.rangeClosed(1, 20).asDoubleStream().toArray());
    static final UnaryOperator<INDArray> BOWL = p -> p.mul(CURVATURES);

    static INDArray start() {
        return Nd4j.createFromArray(IntStream.range(0, 20).mapToDouble(i -> -3 + 5 * i / 19.0).toArray());   // −3 … 2
    }

    /**
     * The javadoc's change of variables: from the same start, after every step torch's θ is
     * Sutskever's θ + μv and torch's momentum_buffer is −v/η; the first gradient is taken at θ₀.
     */
    @Test
    void isTorchsNesterovAtTheLookAheadPointWhileTheRateStays() {
        double lr = 0.04, mu = 0.9;
        var paper = new NesterovTextbook(lr, mu);
        var torch = new Nesterov(lr, mu);
        INDArray theta = start(), phi = start();
        List<INDArray> asked = new ArrayList<>();
        for (int step = 1; step <= 200; step++) {
            paper.step(theta, point -> {
                asked.add(point.dup());
                return BOWL.apply(point);
            });
            torch.step(phi, BOWL.apply(phi));
            INDArray v = paper.v();
            near(phi, theta.add(v.mul(mu)), "θ_torch = θ + μv after step " + step);
            near(torch.v(), v.div(-lr), "b = −v/η after step " + step);
        }
        assertArrayEquals(start().toDoubleVector(), asked.get(0).toDoubleVector(), 0);   // the first look-ahead is θ₀
        double shift = start().sub(paperAfter(lr, mu, 3)).amaxNumber().doubleValue();
        assertTrue(shift > 0.1, "the walks are not trivially at the same place: " + shift);
    }

    static INDArray paperAfter(double lr, double mu, int steps) {
        var paper = new NesterovTextbook(lr, mu);
        INDArray theta = start();
        for (int s = 0; s < steps; s++) paper.step(theta, BOWL);
        return theta;
    }

    /**
     * When η changes the walks part: this v holds each step with the η of its time,
     * v = −Σ μ^(t−s)·η_s·g_s, so θ + μv leaves torch's θ.
     */
    @Test
    void partsFromTorchsWhenTheRateChanges() {
        double mu = 0.9;
        var paper = new NesterovTextbook(0.04, mu);
        var torch = new Nesterov(0.04, mu);
        INDArray theta = start(), phi = start(), sum = Nd4j.zeros(DataType.DOUBLE, 20);
        double gap = 0;
        for (int step = 1; step <= 60; step++) {
            if (step == 20) {
                paper.setLearningRate(0.01);
                torch.setLearningRate(0.01);
            }
            double lr = paper.learningRate();
            paper.step(theta, point -> {
                INDArray g = BOWL.apply(point);
                sum.muli(mu).addi(g.mul(lr));                  // Σ μ^(t−s)·η_s·g_s
                return g;
            });
            torch.step(phi, BOWL.apply(phi));
            near(sum.neg(), paper.v(), "v after step " + step);
            double apart = phi.sub(theta.add(paper.v().mul(mu))).amaxNumber().doubleValue();
            if (step < 20) assertTrue(apart < 1e-12, "step " + step + ": " + apart);
            gap = Math.max(gap, apart);
        }
        assertTrue(gap > 1e-2, "gap " + gap);
    }

    @Test
    void aFloatThetaStaysFloatAndWalksAsTheDoubleOne() {
        var inFloat = new NesterovTextbook(0.04, 0.9);
        INDArray theta = start().castTo(DataType.FLOAT), reference = paperAfter(0.04, 0.9, 50);
        for (int s = 0; s < 50; s++) inFloat.step(theta, BOWL);
        assertEquals(DataType.FLOAT, theta.dataType());
        assertEquals(DataType.FLOAT, inFloat.v().dataType());
        for (int i = 0; i < 20; i++) {
            assertEquals(reference.getDouble(i), theta.getDouble(i), 1e-5 * Math.abs(reference.getDouble(i)) + 1e-6);
        }
    }

    @Test
    void resetForgetsTheVelocity() {
        var nesterov = new NesterovTextbook(0.04, 0.9);
        INDArray theta = start();
        assertNull(nesterov.v());
        for (int s = 0; s < 5; s++) nesterov.step(theta, BOWL);
        assertEquals(5, nesterov.t());
        assertTrue(nesterov.lookAhead(theta).sub(theta).amaxNumber().doubleValue() > 0);
        nesterov.reset();
        assertEquals(0, nesterov.t());
        assertNull(nesterov.v());
        assertEquals(theta, nesterov.lookAhead(theta));
        assertEquals("NesterovTextbook(η=0.04)", nesterov.toString());
    }

    @Test
    void badHyperParametersAreRefused() {
        for (double lr : new double[] {Double.NaN, -0.1, Double.POSITIVE_INFINITY}) {
            refused(() -> new NesterovTextbook(lr, 0.9), "lr", String.valueOf(lr));
            refused(() -> new NesterovTextbook(0.1, 0.9).setLearningRate(lr), "lr", String.valueOf(lr));
        }
        for (double mu : new double[] {1, -0.1, Double.NaN}) {
            refused(() -> new NesterovTextbook(0.1, mu), "momentum", String.valueOf(mu));
        }
    }

    /** Each bad call throws naming what is wrong, and θ, v and t are as they were. */
    @Test
    void badStepsAreRefusedBeforeAnythingChanges() {
        var nesterov = new NesterovTextbook(0.04, 0.9);
        INDArray theta = start();
        nesterov.step(theta, BOWL);
        INDArray thetaBefore = theta.dup(), vBefore = nesterov.v();
        refused(() -> nesterov.step(theta, null), "gradientAt");
        refused(() -> nesterov.step(null, BOWL), "theta");
        refused(() -> nesterov.step(theta, p -> null), "gradientAt(θ + μv)", "null");
        refused(() -> nesterov.step(theta, p -> Nd4j.zeros(DataType.DOUBLE, 19)), "gradientAt(θ + μv)", "[20]", "[19]");
        refused(() -> nesterov.step(theta, p -> p.castTo(DataType.FLOAT)), "gradientAt(θ + μv)", "DOUBLE", "FLOAT");
        refused(() -> nesterov.step(theta, p -> BOWL.apply(p).putScalar(7, Double.NaN)), "finite", "NaN", "index 7");
        refused(() -> nesterov.step(theta, p -> BOWL.apply(p).putScalar(3, Double.NEGATIVE_INFINITY)), "finite", "index 3");
        refused(() -> nesterov.step(Nd4j.zeros(DataType.DOUBLE, 21), BOWL), "theta", "[20]", "[21]", "reset()");
        refused(() -> nesterov.step(Nd4j.zeros(DataType.INT, 20), BOWL), "theta", "INT");
        refused(() -> new NesterovTextbook(0.1, 0.9).step(Nd4j.create(DataType.DOUBLE, 0), BOWL), "theta", "element");
        assertEquals(thetaBefore, theta);
        assertEquals(vBefore, nesterov.v());
        assertEquals(1, nesterov.t());
    }
}
