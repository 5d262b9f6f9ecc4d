package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PropertiesTest {

    static INDArray randomVector(long seed, int n, double scale, DataType type) {
        Random r = new Random(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = scale * r.nextGaussian();
        return Nd4j.createFromArray(d).castTo(type);
    }

    static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** Runs the optimizer for the given number of steps on a fixed stream of random gradients. */
    static INDArray run(Optimizer o, int n, int steps, DataType type) {
        INDArray theta = randomVector(1, n, 1, type);
        for (int s = 0; s < steps; s++) o.step(theta, randomVector(100 + s, n, 1, type));
        return theta;
    }

    @Test
    void momentumWithZeroMuIsSgd() {
        assertArrayEquals(values(run(new Sgd(0.1), 30, 50, DataType.DOUBLE)),
                values(run(new Momentum(0.1, 0), 30, 50, DataType.DOUBLE)));
    }

    @Test
    void nesterovDiffersFromMomentumOnlyByTheLookAhead() {
        double lr = 0.05, mu = 0.9;
        var heavy = new Momentum(lr, mu);
        var nesterov = new Nesterov(lr, mu);
        INDArray a = randomVector(1, 20, 1, DataType.DOUBLE), b = a.dup();
        for (int s = 0; s < 40; s++) {
            INDArray g = randomVector(100 + s, 20, 1, DataType.DOUBLE);
            INDArray beforeA = a.dup(), beforeB = b.dup();
            heavy.step(a, g);
            nesterov.step(b, g);
            INDArray v = heavy.v();
            assertArrayEquals(values(v), values(nesterov.v()));                    // same velocity
            assertArrayEquals(values(v.mul(-lr)), values(a.sub(beforeA)), 1e-12);   // θ − η·v
            assertArrayEquals(values(g.add(v.mul(mu)).muli(-lr)), values(b.sub(beforeB)), 1e-12); // θ − η·(g + μv)
        }
    }

    @Test
    void adamFirstStepIsTheLearningRateOnEveryCoordinate() {
        double lr = 1e-3;
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 7);
        INDArray g = Nd4j.createFromArray(1e-4, -3e-3, 0.5, -2.0, 40.0, -1e3, 7e5);
        new Adam(lr).step(theta, g);
        for (int i = 0; i < 7; i++) {
            assertEquals(-Math.signum(g.getDouble(i)) * lr, theta.getDouble(i), lr * 1e-3, "coordinate " + i);
        }
    }

    @Test
    void lrOverOneMinusMomentumFixesThePathForSmallRates() {
        // On the quadratic ½(x² + 10y²), heavy ball with (λ, ρ) and with (λ', ρ') of equal λ/(1 − ρ)
        // follow nearly the same path: both approximate gradient flow at rate λ/(1 − ρ).
        double[] a = heavyBall(2e-4, 0.9, 500), b = heavyBall(4e-5, 0.98, 500), c = heavyBall(2e-4, 0.98, 500);
        double travelled = Math.hypot(a[0] - 1, a[1] - 1);
        double same = Math.hypot(a[0] - b[0], a[1] - b[1]), other = Math.hypot(a[0] - c[0], a[1] - c[1]);
        assertTrue(same < 0.05 * travelled, "same λ/(1−ρ): gap " + same + " of " + travelled);
        assertTrue(other > 10 * same, "different λ/(1−ρ): gap " + other + " vs " + same);
    }

    /** θ after n steps of heavy ball on ½(x² + 10y²) from (1, 1). */
    static double[] heavyBall(double lr, double rho, int steps) {
        var opt = new Momentum(lr, rho);
        INDArray theta = Nd4j.createFromArray(1.0, 1.0);
        INDArray g = Nd4j.zeros(DataType.DOUBLE, 2);
        for (int s = 0; s < steps; s++) {
            g.putScalar(0, theta.getDouble(0));
            g.putScalar(1, 10 * theta.getDouble(1));
            opt.step(theta, g);
        }
        return values(theta);
    }

    @Test
    void blocksAreInvisible() {
        // A vector crossing several blocks gives, per coordinate, what each coordinate gives alone.
        int n = 2 * Flat.BLOCK + 77;
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            INDArray whole = run(new Adam(0.01), n, 5, type);
            INDArray theta0 = randomVector(1, n, 1, type);
            for (int i : new int[] {0, Flat.BLOCK - 1, Flat.BLOCK, 2 * Flat.BLOCK + 5, n - 1}) {
                Adam alone = new Adam(0.01);
                INDArray x = theta0.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)).dup();
                for (int s = 0; s < 5; s++) {
                    alone.step(x, randomVector(100 + s, n, 1, type).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)).dup());
                }
                assertEquals(x.getDouble(0), whole.getDouble(i), 0, type + " coordinate " + i);
            }
        }
    }

    @Test
    void floatStaysFloatAndMatchesDoubleClosely() {
        INDArray f = run(new Adam(0.01), 100, 100, DataType.FLOAT);
        INDArray d = run(new Adam(0.01), 100, 100, DataType.DOUBLE);
        assertEquals(DataType.FLOAT, f.dataType());
        assertArrayEquals(values(d), values(f), 1e-5);
        var adam = new Adam(0.01);
        run(adam, 10, 1, DataType.FLOAT);
        assertEquals(DataType.FLOAT, adam.m().dataType());
    }

    @Test
    void worksOnAViewWithAnOffset() {
        INDArray whole = randomVector(3, 50, 1, DataType.DOUBLE);
        INDArray view = whole.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(10, 40));
        INDArray copy = view.dup(), g = randomVector(4, 30, 1, DataType.DOUBLE);
        INDArray before = whole.dup();
        new Momentum(0.1, 0.9).step(view, g);
        new Momentum(0.1, 0.9).step(copy, g);
        assertArrayEquals(values(copy), values(whole.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(10, 40))));
        assertArrayEquals(values(before.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 10))),
                values(whole.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 10))));
    }

    @Test
    void stateIsReadOnlyCopiesAndResetForgetsIt() {
        var adam = new Adam(0.1);
        assertNull(adam.m());
        INDArray theta = randomVector(1, 5, 1, DataType.DOUBLE), g = randomVector(2, 5, 1, DataType.DOUBLE);
        adam.step(theta, g);
        adam.step(theta, g);
        assertEquals(2, adam.t());
        adam.m().assign(1e9);                                          // a copy: state unchanged
        double b1 = 1 - 0.9 * 0.9, b2 = 1 - 0.999 * 0.999;
        assertArrayEquals(values(g.mul(b1)), values(adam.m()), 1e-15);  // m = (1 − β1²)g after two equal g
        assertArrayEquals(values(adam.m().div(b1)), values(adam.mHat()), 1e-15);
        assertArrayEquals(values(adam.v().div(b2)), values(adam.vHat()), 1e-15);
        adam.reset();
        assertEquals(0, adam.t());
        assertNull(adam.v());
        INDArray x = theta.dup(), y = theta.dup();
        adam.step(x, g);
        new Adam(0.1).step(y, g);
        assertArrayEquals(values(y), values(x));
    }

    @Test
    void adaGradEffectiveRateAndTheResetTrick() {
        var ada = new AdaGrad(0.5, 0.1, 0, 1e-10);
        INDArray theta = Nd4j.createFromArray(1.0, 1.0), g = Nd4j.createFromArray(2.0, 0.5);
        for (int s = 0; s < 3; s++) ada.step(theta, g);
        assertArrayEquals(new double[] {12, 0.75}, values(ada.sumOfSquares()), 1e-15);
        double next = 0.5 / (1 + 3 * 0.1);
        assertArrayEquals(new double[] {next / (Math.sqrt(12) + 1e-10), next / (Math.sqrt(0.75) + 1e-10)},
                values(ada.effectiveRate()), 1e-15);
        ada.reset();                                    // "reset AdaGrad's sum": the rate is large again
        ada.step(theta, g);
        assertArrayEquals(new double[] {4, 0.25}, values(ada.sumOfSquares()), 0);
    }

    @Test
    void everyOptimizerReducesAQuadratic() {
        List<Supplier<Optimizer>> all = List.of(() -> new Sgd(0.1), () -> new Momentum(0.05, 0.9),
                () -> new Nesterov(0.05, 0.9), () -> new AdaGrad(0.5), AdaDelta::new, () -> new RmsProp(0.05),
                () -> new RmsProp(0.01).centered().withMomentum(0.5), () -> new Adam(0.1), () -> new AdaMax(0.1),
                () -> new Nadam(0.1), () -> new AmsGrad(0.1), () -> new AdamW(0.1), () -> new RAdam(0.1));
        for (var make : all) {
            Optimizer o = make.get();
            for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
                o.reset();
                INDArray theta = Nd4j.createFromArray(3.0, -2.0).castTo(type);
                for (int s = 0; s < 300; s++) o.step(theta, theta.dup());        // ∇½‖θ‖² = θ
                assertEquals(type, theta.dataType());
                assertTrue(theta.norm2Number().doubleValue() < 0.6 * Math.sqrt(13), o.getClass().getSimpleName() + " " + type + " ended at " + theta);
            }
        }
    }

    /** RAdam's first steps (ρ_t ≤ 5) are momentum SGD with m̂; from then on, the rectified Adam step. */
    @Test
    void radamWaitsUntilTheVarianceIsTractable() {
        var radam = new RAdam(0.1);
        assertEquals(1, radam.rho(1), 1e-9);                     // one sample: ρ_1 = 1
        for (long t = 1; t <= 5; t++) assertEquals(0, radam.rectification(t), "t=" + t);   // ρ_5 ≈ 4.996
        assertTrue(radam.rho(6) > 5 && radam.rectification(6) > 0);
        INDArray theta = Nd4j.createFromArray(1.0, -1.0), g = Nd4j.createFromArray(0.5, -2.0);
        radam.step(theta, g);                                   // m̂ = g: θ − η·g, whatever |g|
        assertArrayEquals(new double[] {1 - 0.05, -1 + 0.2}, values(theta), 1e-15);
    }

    /** Both walks, same gradients: θ after every step within tol of each other. */
    static double largestGap(Optimizer a, Optimizer b, int steps, java.util.function.IntConsumer between) {
        INDArray x = randomVector(1, 20, 1, DataType.DOUBLE), y = x.dup();
        double gap = 0;
        for (int s = 0; s < steps; s++) {
            between.accept(s);
            INDArray g = randomVector(100 + s, 20, 1, DataType.DOUBLE);
            a.step(x, g);
            b.step(y, g);
            gap = Math.max(gap, x.sub(y).amaxNumber().doubleValue());
        }
        return gap;
    }

    @Test
    void textbookMomentumIsTorchsWhileTheRateStaysAndPartsWhenItChanges() {
        assertTrue(largestGap(new MomentumTextbook(0.05, 0.9), new Momentum(0.05, 0.9), 100, s -> {}) < 1e-13);
        var textbook = new MomentumTextbook(0.05, 0.9);
        var torch = new Momentum(0.05, 0.9);
        double gap = largestGap(textbook, torch, 100, s -> {
            if (s == 50) {
                textbook.setLearningRate(0.01);
                torch.setLearningRate(0.01);
            }
        });
        assertTrue(gap > 1e-3, "gap " + gap);
    }

    @Test
    void dampenedMomentumIsTorchsWithoutDampeningAndPartsByTheFirstGradientWithIt() {
        assertEquals(0, largestGap(new DampenedMomentum(0.05, 0.9, 0), new Momentum(0.05, 0.9), 100, s -> {}));
        var textbook = new DampenedMomentum(0.05, 0.9, 0.5);
        var torch = new Momentum(0.05, 0.9, 0.5);
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 3), y = x.dup(), g1 = randomVector(5, 3, 1, DataType.DOUBLE);
        textbook.step(x, g1);
        torch.step(y, g1);
        for (int t = 2; t <= 20; t++) {                        // v_torch − v_textbook = μ^(t−1)·d·g₁
            INDArray g = randomVector(100 + t, 3, 1, DataType.DOUBLE);
            textbook.step(x, g);
            torch.step(y, g);
            assertArrayEquals(values(g1.mul(Math.pow(0.9, t - 1) * 0.5)), values(torch.v().sub(textbook.v())), 1e-12);
        }
    }

    @Test
    void textbookAdamIsTorchsWithEpsHatEqualToEpsTimesTheRootCorrection() {
        assertTrue(largestGap(new AdamTextbook(0.05, 0.9, 0.999, 1e-12), new Adam(0.05, 0.9, 0.999, 1e-12), 100, s -> {}) < 1e-9);
        assertTrue(largestGap(new AdamTextbook(0.05, 0.9, 0.999, 0.1), new Adam(0.05, 0.9, 0.999, 0.1), 100, s -> {}) > 1e-3);
    }

    @Test
    void textbookAmsGradIsTorchsOnAConstantGradientOnly() {
        var textbook = new AmsGradTextbook(0.05);
        var torch = new AmsGrad(0.05);
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 2), y = x.dup(), g = Nd4j.createFromArray(3.0, -2.0);
        for (int s = 0; s < 100; s++) {
            textbook.step(x, g);
            torch.step(y, g);
        }
        assertArrayEquals(values(y), values(x), 1e-12);
        assertTrue(largestGap(new AmsGradTextbook(0.05), new AmsGrad(0.05), 100, s -> {}) > 1e-3);
    }

    @Test
    void textbookAdaDeltaIsTorchsAtRateOneOnly() {
        assertTrue(largestGap(new AdaDeltaTextbook(), new AdaDelta(), 100, s -> {}) < 1e-13);
        assertTrue(largestGap(new AdaDeltaTextbook(0.5, 0.9, 1e-6), new AdaDelta(0.5, 0.9, 1e-6), 100, s -> {}) > 1e-4);
    }

    @Test
    void simplifiedNadamIsNadamWhoseMomentumNeedsNoWarmUp() {
        assertTrue(largestGap(new NadamTextbook(0.05), new Nadam(0.05, 0.9, 0.999, 1e-8, 1e5), 100, s -> {}) < 1e-13);
        assertTrue(largestGap(new NadamTextbook(0.05), new Nadam(0.05), 100, s -> {}) > 1e-3);
    }

    @Test
    void textbookAdamWWithLambdaIsTorchsWithLambdaOverEta() {
        double lr = 0.05, lambda = 1e-3;
        assertTrue(largestGap(new AdamWTextbook(lr, 0.9, 0.999, 1e-8, lambda),
                new AdamW(lr, 0.9, 0.999, 1e-8, lambda / lr), 100, s -> {}) < 1e-13);
    }

    @Test
    void textbookRmsPropAndAdaMaxDifferFromTorchsOnlyThroughEps() {
        assertTrue(largestGap(new RmsPropTextbook(0.01, 0.9, 1e-12), new RmsProp(0.01, 0.9, 1e-12, 0, false), 100, s -> {}) < 1e-6);
        assertTrue(largestGap(new AdaMaxTextbook(0.01), new AdaMax(0.01, 0.9, 0.999, 1e-12), 100, s -> {}) < 1e-9);
        var nan = Nd4j.createFromArray(1.0, 1.0);                 // a gradient that is 0 from the start: 0/0
        new AdaMaxTextbook(0.01).step(nan, Nd4j.createFromArray(0.0, 1.0));
        assertTrue(Double.isNaN(nan.getDouble(0)) && Double.isFinite(nan.getDouble(1)));
    }

    @Test
    void aStepAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            for (Optimizer o : List.of(new Adam(0.01), new Nadam(0.01), new RmsProp(0.01).centered().withMomentum(0.9),
                    new Momentum(0.01, 0.9), new WeightDecay(0.1, new Sgd(0.01)))) {
                INDArray theta = randomVector(1, 3000, 1, type), g = randomVector(2, 3000, 1, type).muli(1e-3);
                for (int s = 0; s < 20000; s++) o.step(theta, g);                     // warm up the JIT
                long before = threads.getThreadAllocatedBytes(id);
                for (int s = 0; s < 1000; s++) o.step(theta, g);
                long perStep = (threads.getThreadAllocatedBytes(id) - before) / 1000;
                assertEquals(0, perStep, o.getClass().getSimpleName() + " " + type + " allocates " + perStep + " bytes per step");
            }
        }
    }
}
