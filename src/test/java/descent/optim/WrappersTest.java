package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WrappersTest {

    @Test
    void clippingByValueAndByNormComposeWithL2Decay() {
        // The outermost wrapper transforms first. θ = (1, 2), g = (30, -40): the global-norm clip
        // scales g by 1/(50 + 1e-6), the value clip at 10 leaves it, L2 adds 0.5·θ, Sgd(0.1) steps.
        var opt = new ClipByGlobalNorm(1, new ClipByValue(10, new WeightDecay(0.5, new Sgd(0.1))));
        INDArray theta = Nd4j.createFromArray(1.0, 2.0), g = Nd4j.createFromArray(30.0, -40.0);
        opt.step(theta, g);
        double s = 1 / (50 + 1e-6);
        double g0 = Math.fma(0.5, 1.0, 30 * s), g1 = Math.fma(0.5, 2.0, -40 * s);
        assertArrayEquals(new double[] {1 - 0.1 * g0, 2 - 0.1 * g1}, theta.toDoubleVector(), 1e-15);
        assertArrayEquals(new double[] {30, -40}, g.toDoubleVector(), 0);        // the caller's grad is untouched
        assertEquals(0.1, opt.learningRate());
        opt.setLearningRate(0.2);
        assertEquals(0.2, opt.learningRate());
    }

    @Test
    void clipByGlobalNormLeavesSmallGradientsAlone() {
        var clipped = new ClipByGlobalNorm(100, new Adam(0.1));
        var plain = new Adam(0.1);
        INDArray a = Nd4j.createFromArray(1.0, 2.0), b = a.dup(), g = Nd4j.createFromArray(3.0, 4.0);
        for (int s = 0; s < 3; s++) {
            clipped.step(a, g);
            plain.step(b, g);
        }
        assertArrayEquals(b.toDoubleVector(), a.toDoubleVector(), 1e-15);
    }

    @Test
    void decoupledDecayAroundAdamIsAdamW() {
        var wrapped = new DecoupledWeightDecay(0.3, new Adam(0.05));
        var adamW = new AdamW(0.05, 0.9, 0.999, 1e-8, 0.3);
        INDArray a = PropertiesTest.randomVector(1, 40, 1, DataType.DOUBLE), b = a.dup();
        for (int s = 0; s < 100; s++) {
            INDArray g = PropertiesTest.randomVector(100 + s, 40, 1, DataType.DOUBLE);
            wrapped.step(a, g);
            adamW.step(b, g);
        }
        assertArrayEquals(b.toDoubleVector(), a.toDoubleVector(), 1e-12);
    }

    @Test
    void decoupledDecayAroundSgdIsL2Decay() {
        var decoupled = new DecoupledWeightDecay(0.3, new Sgd(0.05));
        var l2 = new WeightDecay(0.3, new Sgd(0.05));
        INDArray a = PropertiesTest.randomVector(1, 40, 1, DataType.FLOAT), b = a.dup();
        for (int s = 0; s < 50; s++) {
            INDArray g = PropertiesTest.randomVector(100 + s, 40, 1, DataType.FLOAT);
            decoupled.step(a, g);
            l2.step(b, g);
        }
        assertEquals(DataType.FLOAT, a.dataType());
        assertArrayEquals(b.toFloatVector(), a.toFloatVector(), 1e-6f);
    }

    @Test
    void gradientNoiseHasTheAnnealedVarianceAndIsReproducible() {
        int n = 200_000;
        var noisy = new GradientNoise(0.01, 0.55, 42, new Sgd(1));
        INDArray theta = Nd4j.zeros(DataType.DOUBLE, n), zero = Nd4j.zeros(DataType.DOUBLE, n);
        for (int t = 0; t < 3; t++) {
            INDArray before = theta.dup();
            noisy.step(theta, zero);
            INDArray noise = before.subi(theta);                          // Sgd(1): θ moves by −noise
            double sigma = Math.sqrt(0.01 / Math.pow(1 + t, 0.55));
            assertEquals(sigma, noisy.sigma(t), 1e-15);
            assertEquals(0, noise.meanNumber().doubleValue(), 5 * sigma / Math.sqrt(n));
            assertEquals(sigma, noise.stdNumber().doubleValue(), 5 * sigma / Math.sqrt(2 * n));
        }
        assertFalse(zero.any(), "the caller's grad is untouched");
        var again = new GradientNoise(0.01, 0.55, 42, new Sgd(1));
        INDArray replay = Nd4j.zeros(DataType.DOUBLE, n);
        for (int t = 0; t < 3; t++) again.step(replay, zero);
        assertArrayEquals(theta.toDoubleVector(), replay.toDoubleVector(), 0);
        again.reset();
        INDArray fresh = Nd4j.zeros(DataType.DOUBLE, n), first = Nd4j.zeros(DataType.DOUBLE, n);
        again.step(fresh, zero);
        new GradientNoise(0.01, 0.55, 42, new Sgd(1)).step(first, zero);
        assertArrayEquals(first.toDoubleVector(), fresh.toDoubleVector(), 0);
    }
}
