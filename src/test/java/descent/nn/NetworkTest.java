package descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkTest {

    @Test
    void weightsAndGradientsAreViewsOfTheFlatVectors() {
        Network net = Network.mlp(784, 200, 10).relu().seed(1).build();
        assertEquals(784 * 200 + 200 + 200 * 10 + 10, net.parameterCount());
        Dense first = net.denseLayers().get(0);
        Dense second = net.denseLayers().get(1);
        first.weights().putScalar(3, 5, 42f);
        assertEquals(42f, net.theta().getFloat(3 * 200 + 5));
        second.bias().putScalar(0, 9, -7f);
        assertEquals(-7f, net.theta().getFloat(net.parameterCount() - 1));
        net.grad().assign(0);
        net.grad().putScalar(784 * 200 + 1, 3f);                  // b₁[1]
        assertEquals(3f, first.biasGradient().getFloat(0, 1));
        assertArrayEquals(new long[] {784, 200}, first.weights().shape());
        assertEquals(DataType.FLOAT, net.theta().dataType());
    }

    @Test
    void defaultInitIsHeBeforeReluXavierBeforeTheLossBiasesZeroSeeded() {
        Network net = Network.mlp(784, 200, 10).relu().seed(1).build();
        double std = net.denseLayers().get(0).weights().stdNumber().doubleValue();
        assertEquals(Math.sqrt(2.0 / 784), std, 0.02 * std);
        double bound = Math.sqrt(6.0 / (200 + 10));
        INDArray w2 = net.denseLayers().get(1).weights();
        assertTrue(w2.maxNumber().doubleValue() <= bound && w2.minNumber().doubleValue() >= -bound);
        assertEquals(bound / Math.sqrt(3), w2.stdNumber().doubleValue(), 0.05 * bound);
        assertEquals(0.0, net.denseLayers().get(0).bias().sumNumber().doubleValue());
        assertEquals(net.theta(), Network.mlp(784, 200, 10).seed(1).build().theta());
        assertNotEquals(net.theta(), Network.mlp(784, 200, 10).seed(2).build().theta());
        Network tanh = Network.mlp(784, 200, 10).tanh().seed(1).build();
        assertEquals(Math.sqrt(2.0 / (784 + 200)), tanh.denseLayers().get(0).weights().stdNumber().doubleValue(), 0.002);
    }

    @Test
    void zeroInitIsPossibleAndKeepsHiddenUnitsIdentical() {
        Network net = Network.mlp(4, 3, 2).tanh().init((w, fanIn, fanOut, rng) -> w.assign(0)).seed(1).build();
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 4);
        INDArray y = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}, {1, 0}, {0, 1}, {1, 0}});
        for (int i = 0; i < 20; i++) {
            net.gradient(x, y);
            net.theta().subi(net.grad().mul(0.5));
        }
        INDArray w1 = net.denseLayers().get(0).weights();
        assertEquals(w1.getColumn(0), w1.getColumn(1), "symmetry: every hidden unit has the same weights");
        assertEquals(w1.getColumn(0), w1.getColumn(2));
    }

    @Test
    void floatGradientsAgreeWithDouble() {
        Network f = Network.mlp(6, 5, 3).seed(4).build();
        Network d = Network.mlp(6, 5, 3).dtype(DataType.DOUBLE).seed(4).build();
        d.theta().assign(f.theta().castTo(DataType.DOUBLE));
        INDArray x = GradientCheckTest.inputs(8, 6, 1);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 8, 3);
        for (int r = 0; r < 8; r++) {
            y.putScalar(r, r % 3, 1);
        }
        double lf = f.gradient(x.castTo(DataType.FLOAT), y.castTo(DataType.FLOAT));
        double ld = d.gradient(x, y);
        assertEquals(ld, lf, 1e-6);
        assertTrue(f.grad().castTo(DataType.DOUBLE).equalsWithEps(d.grad(), 1e-6));
    }

    @Test
    void inputsOfTheWrongShapeOrTypeAreRefusedByName() {
        Network net = Network.mlp(4, 3).build();
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> net.predict(Nd4j.zeros(DataType.DOUBLE, 2, 4)));
        assertTrue(type.getMessage().contains("FLOAT"), type.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> net.predict(Nd4j.zeros(DataType.FLOAT, 2, 5)));
        assertTrue(shape.getMessage().contains("(batch >= 1, 4)"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Network.mlp(4).build());
        assertThrows(IllegalArgumentException.class, () -> Network.of(new Dense(4, 3), new Dense(4, 2)).build());
        assertThrows(IllegalArgumentException.class, () -> Network.of(new Dense(4, 3)).batchNorm());
        assertThrows(IllegalArgumentException.class, () -> new Dense(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Network.mlp(4, 3).dtype(DataType.HALF));
    }

    @Test
    void batchNormNormalisesInTrainingAndUsesRunningStatisticsInEval() {
        BatchNorm bn = new BatchNorm(3);
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, 6);
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, 6);
        bn.bind(theta, grad, 0);
        bn.init(null);
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 10, -3}, {3, 20, -3.5}, {5, 60, -1}, {7, 30, -2}});
        INDArray y = bn.forward(x, true).dup();
        for (int j = 0; j < 3; j++) {
            assertEquals(0, y.getColumn(j).meanNumber().doubleValue(), 1e-12);
            double var = y.getColumn(j).varNumber().doubleValue() * 3 / 4;       // biased variance
            assertEquals(1, var, 1e-4);
        }
        // running μ = 0.9·0 + 0.1·mean, σ² = 0.9·1 + 0.1·unbiased var (torch's BatchNorm1d)
        assertEquals(0.1 * 4, bn.runningMean()[0], 1e-12);
        double unbiased = x.getColumn(0).varNumber().doubleValue();
        assertEquals(0.9 + 0.1 * unbiased, bn.runningVariance()[0], 1e-12);
        theta.putScalar(0, 2.0);                                              // γ₀ = 2
        theta.putScalar(3, 0.5);                                              // β₀ = 0.5
        INDArray eval = bn.forward(x, false);
        double expected = 2 * (1 - 0.4) / Math.sqrt(0.9 + 0.1 * unbiased + 1e-5) + 0.5;
        assertEquals(expected, eval.getDouble(0, 0), 1e-12);
        assertEquals(eval.getDouble(0, 0), bn.forward(x, false).getDouble(0, 0), 0.0,
                "eval mode does not update the running statistics");
        double[] mean = bn.runningMean();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(x.getRows(0), true));
        assertTrue(e.getMessage().contains(">= 2 rows in training") && e.getMessage().contains("got 1;"), e.getMessage());
        assertArrayEquals(mean, bn.runningMean(), 0.0, "a refused batch leaves the running statistics alone");
        assertEquals(1, bn.forward(x.getRows(0), false).rows(), "eval mode takes one example");
    }

    @Test
    void batchNormMakesTheLossBlindToTheScaleOfTheWeightsBeforeIt() {
        Network net = Network.mlp(5, 4, 3).batchNorm().dtype(DataType.DOUBLE).seed(3).build();
        INDArray x = GradientCheckTest.inputs(8, 5, 3);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 8, 3);
        for (int r = 0; r < 8; r++) {
            y.putScalar(r, r % 3, 1);
        }
        double before = net.gradient(x, y);
        net.denseLayers().get(0).weights().muli(10);
        assertEquals(before, net.gradient(x, y), 1e-4);                     // equal up to ε = 1e-5 in √(σ² + ε)
    }

    @Test
    void dropoutIsSeededScaledAndTheIdentityInEval() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 50, 40);
        INDArray a = new Dropout(0.5, 7).forward(x, true).dup();
        INDArray b = new Dropout(0.5, 7).forward(x, true).dup();
        assertEquals(a, b, "same seed, same mask");
        assertNotEquals(a, new Dropout(0.5, 8).forward(x, true));
        double kept = a.gt(0).castTo(DataType.FLOAT).meanNumber().doubleValue();
        assertEquals(0.5, kept, 0.03);
        assertEquals(2f, a.maxNumber().floatValue(), "kept entries scaled by 1/(1 − p)");
        Dropout d = new Dropout(0.5, 7);
        assertSame(x, d.forward(x, false));
        INDArray first = d.forward(x, true).dup();
        assertNotEquals(first, d.forward(x, true), "a new mask every training batch");
        assertNull(new Dropout(0.2, 1).output());
    }

    /** ND4J takes seed 0 to mean "from the clock"; a net's seed 0 must repeat like any other. */
    @Test
    void everySeedRepeatsSeedZeroIncluded() {
        for (long seed : new long[] {0, 1, -1, Long.MAX_VALUE}) {
            INDArray first = Network.mlp(8, 16, 3).seed(seed).build().theta();
            Thread.yield();
            assertArrayEquals(first.toDoubleVector(), Network.mlp(8, 16, 3).seed(seed).build().theta().toDoubleVector(), 0, "seed " + seed);
        }
        assertNotEquals(Network.mlp(8, 16, 3).seed(0).build().theta(), Network.mlp(8, 16, 3).seed(1).build().theta());
        var e = assertThrows(IllegalArgumentException.class, () -> Network.mlp(8, 16, 3).seed(Long.MIN_VALUE));
        assertTrue(e.getMessage().contains("seed") && e.getMessage().contains("Long.MIN_VALUE"), e.getMessage());
    }

    @Test
    void summaryListsLayersAndTheTotal() {
        String s = Network.mlp(784, 200, 10).build().summary();
        assertTrue(s.contains("Dense(784 → 200)") && s.contains("Relu") && s.contains("159,010"), s);
    }
}
