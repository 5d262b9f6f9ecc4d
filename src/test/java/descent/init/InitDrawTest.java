package descent.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The draws themselves: large samples against their targets, seeds, types, views, errors. */
class InitDrawTest {

    static final int N = 1_000_000;

    static Random rng(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    /** Sample mean and std of w, with the standard errors of both (5 of them is the tolerance). */
    record Moments(double mean, double std, double meanError, double stdError) {
        static Moments of(INDArray w) {
            double[] x = w.dup().castTo(DataType.DOUBLE).data().asDouble();
            double mean = 0;
            for (double v : x) mean += v;
            mean /= x.length;
            double m2 = 0, m4 = 0;
            for (double v : x) {
                double d = (v - mean) * (v - mean);
                m2 += d;
                m4 += d * d;
            }
            m2 /= x.length;
            m4 /= x.length;
            double std = Math.sqrt(m2);
            double varianceError = Math.sqrt((m4 - m2 * m2) / x.length);
            return new Moments(mean, std, std / Math.sqrt(x.length), varianceError / (2 * std));
        }

        void assertNear(double targetMean, double targetStd, String what) {
            assertEquals(targetMean, mean, 5 * meanError, what + " mean");
            assertEquals(targetStd, std, 5 * stdError, what + " std");
        }
    }

    @Test
    void largeDrawsHaveTheirTargetSpread() {
        long in = 784, out = 200;
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            INDArray w = Nd4j.create(type, 1000, 1000);
            new Normal(0.5, 0.02).init(w, in, out, rng(1));
            Moments.of(w).assertNear(0.5, 0.02, "Normal " + type);
            new XavierNormal(Gain.of("tanh")).init(w, in, out, rng(2));
            Moments.of(w).assertNear(0, new XavierNormal(Gain.of("tanh")).std(in, out), "XavierNormal " + type);
            new HeNormal(FanMode.FAN_OUT, 0.2).init(w, in, out, rng(3));
            Moments.of(w).assertNear(0, new HeNormal(FanMode.FAN_OUT, 0.2).std(in, out), "HeNormal " + type);
            new LeCunNormal().init(w, in, out, rng(4));
            Moments.of(w).assertNear(0, new LeCunNormal().std(in, out), "LeCunNormal " + type);
            assertEquals(type, w.dataType());
        }
    }

    @Test
    void uniformDrawsStayInsideTheBoundAndFillIt() {
        long in = 300, out = 100;
        List<Object[]> cases = List.of(
                new Object[] {Uniform.ofVariance(0.01), Uniform.ofVariance(0.01).bound()},
                new Object[] {new XavierUniform(), new XavierUniform().bound(in, out)},
                new Object[] {new HeUniform(), new HeUniform().bound(in, out)},
                new Object[] {new HeUniform(FanMode.FAN_OUT, 0.01), new HeUniform(FanMode.FAN_OUT, 0.01).bound(in, out)},
                new Object[] {new LeCunUniform(), new LeCunUniform().bound(in, out)});
        assertEquals(0.1 * Math.sqrt(3), Uniform.ofVariance(0.01).bound(), 1e-15);
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            INDArray w = Nd4j.create(type, N);
            for (Object[] c : cases) {
                Initializer init = (Initializer) c[0];
                double r = (double) c[1];
                init.init(w, in, out, rng(5));
                String what = init + " " + type;
                double limit = type == DataType.FLOAT ? (float) r + Math.ulp((float) r) : r;   // r rounded to float
                assertTrue(w.maxNumber().doubleValue() <= limit && w.minNumber().doubleValue() >= -limit, what + " outside ±" + r);
                assertTrue(w.maxNumber().doubleValue() > r * (1 - 1e-4), what + " does not reach +r");
                assertTrue(w.minNumber().doubleValue() < -r * (1 - 1e-4), what + " does not reach −r");
                Moments.of(w).assertNear(0, r / Math.sqrt(3), what);
            }
        }
    }

    @Test
    void truncatedNormalStaysInsideWithTheTruncatedStd() {
        for (JsonElement e : InitGoldenTest.golden().getAsJsonArray("truncated")) {
            JsonObject c = e.getAsJsonObject();
            double a = c.get("a").getAsDouble(), b = c.get("b").getAsDouble();
            var init = new TruncatedNormal(c.get("mean").getAsDouble(), c.get("std").getAsDouble(), a, b);
            for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
                INDArray w = Nd4j.create(type, N);
                init.init(w, 1, 1, rng(6));
                assertTrue(w.minNumber().doubleValue() >= a && w.maxNumber().doubleValue() <= b, init + " " + type);
                Moments.of(w).assertNear(c.get("truncMean").getAsDouble(), c.get("truncStd").getAsDouble(), init + " " + type);
            }
        }
        var far = new TruncatedNormal(0, 1, 8, 9);
        INDArray sevens = Nd4j.valueArrayOf(new long[] {1000}, 7.0, DataType.DOUBLE);
        var e = assertThrows(IllegalArgumentException.class, () -> far.init(sevens, 1, 1, rng(1)));
        assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
        assertEquals(Nd4j.valueArrayOf(new long[] {1000}, 7.0, DataType.DOUBLE), sevens, "refused draw left w untouched");
    }

    @Test
    void orthogonalHasOrthonormalRowsOrColumns() {
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            double tol = type == DataType.DOUBLE ? 1e-12 : 1e-5;
            for (long[] shape : new long[][] {{300, 200}, {200, 300}, {64, 64}, {8, 4, 3, 3}, {64, 2, 2, 2}}) {
                INDArray w = Nd4j.create(type, shape);
                new Orthogonal(2.0).init(w, 1, 1, rng(7));
                INDArray m = w.reshape(shape[0], w.length() / shape[0]).castTo(DataType.DOUBLE);
                INDArray gram = m.rows() >= m.columns() ? m.transpose().mmul(m) : m.mmul(m.transpose());
                INDArray expected = Nd4j.eye(gram.rows()).castTo(DataType.DOUBLE).muli(4.0);   // gain² · I
                double error = gram.sub(expected).amaxNumber().doubleValue();
                assertTrue(error < tol * 4, java.util.Arrays.toString(shape) + " " + type + ": |QᵀQ − gain²I| = " + error);
                assertEquals(type, w.dataType());
            }
        }
        INDArray big = Nd4j.create(DataType.DOUBLE, 1000, 1000);
        new Orthogonal().init(big, 1, 1, rng(8));
        Moments.of(big).assertNear(0, Math.sqrt(1.0 / 1000), "Orthogonal 1000² entries");
    }

    @Test
    void sameSeedSameArraysInEachType() {
        List<Initializer> all = List.of(new Normal(0.1), new Uniform(0.3), new XavierUniform(), new XavierNormal(),
                new HeUniform(), new HeNormal(FanMode.FAN_OUT), new LeCunUniform(), new LeCunNormal(),
                new Orthogonal(), new TruncatedNormal(0, 1, -0.5, 0.5), new Constant(0.25), new Zeros());
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            for (Initializer init : all) {
                INDArray first = Nd4j.create(type, 40, 30), second = Nd4j.create(type, 40, 30);
                init.init(first, 40, 30, rng(42));
                init.init(second, Fans.dense(40, 30), rng(42));
                assertEquals(first, second, init + " " + type);
                assertEquals(type, first.dataType());
                if (!(init instanceof Constant || init instanceof Zeros)) {
                    INDArray other = Nd4j.create(type, 40, 30);
                    init.init(other, 40, 30, rng(43));
                    assertNotEquals(first, other, init + " ignores the seed");
                }
            }
        }
    }

    @Test
    void viewsIntoAFlatThetaAreFilledInPlaceAndAlone() {
        INDArray theta = Nd4j.zeros(DataType.FLOAT, 1, 1000);
        INDArray w = theta.get(NDArrayIndex.point(0), NDArrayIndex.interval(100, 700)).reshape(20, 30);
        assertTrue(w.isView());
        new HeNormal().init(w, 20, 30, rng(9));
        assertEquals(0.0, theta.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 100)).amaxNumber().doubleValue());
        assertEquals(0.0, theta.get(NDArrayIndex.point(0), NDArrayIndex.interval(700, 1000)).amaxNumber().doubleValue());
        assertTrue(theta.get(NDArrayIndex.point(0), NDArrayIndex.interval(100, 700)).amaxNumber().doubleValue() > 0);
        for (Initializer init : List.of(new TruncatedNormal(0, 1, -0.1, 0.1), new Orthogonal(), new Constant(3))) {
            init.init(w, 20, 30, rng(10));
            assertEquals(0.0, theta.get(NDArrayIndex.point(0), NDArrayIndex.interval(700, 1000)).amaxNumber().doubleValue(), init.toString());
        }
        assertEquals(3.0, theta.getDouble(0, 100), 0.0);
    }

    @Test
    void badArgumentsAreRefusedByName() {
        INDArray w = Nd4j.create(DataType.DOUBLE, 3, 4);
        assertMessage("fanIn", () -> new HeNormal().init(w, 0, 4, rng(1)));
        assertMessage("fanOut", () -> new XavierUniform().init(w, 3, -1, rng(1)));
        assertMessage("rng", () -> new Normal(1).init(w, 3, 4, null));
        assertMessage("w", () -> new Normal(1).init(Nd4j.create(DataType.INT, 3), 3, 4, rng(1)));
        assertMessage("std", () -> new Normal(-1));
        assertMessage("r", () -> new Uniform(Double.NaN));
        assertMessage("a", () -> new TruncatedNormal(0, 1, 2, -2));
        assertMessage("gain", () -> new Orthogonal(-1));
        assertMessage("nonlinearity", () -> Gain.of("softplus"));
        assertMessage("shape", () -> Fans.conv(16, 3));
        assertMessage("shape", () -> Fans.ofTorchLinear(10, 0));
        assertMessage("shape", () -> Fans.conv(1L << 40, 1L << 40, 1L << 30));              // a fan above 2^63 − 1
        for (long[] empty : new long[][] {{0, 5}, {5, 0}}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> new Orthogonal().init(Nd4j.create(DataType.DOUBLE, empty), 5, 5, rng(1)));
            assertTrue(e.getMessage().contains("w must have at least one element"), e.getMessage());
        }
        assertMessage("mode", () -> new HeUniform(null));
        double[] before = w.dup().data().asDouble();
        assertMessage("fanIn", () -> new HeNormal().init(w, -5, 4, rng(1)));
        assertEquals(Nd4j.create(before, new long[] {3, 4}, DataType.DOUBLE), w, "refused init left w untouched");
    }

    static void assertMessage(String argument, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call, argument);
        assertTrue(e.getMessage().startsWith(argument + " "), "should name " + argument + ": " + e.getMessage());
    }
}
