package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamWithoutBiasCorrectionTest {

    @Test
    void stepsWithTheRawMoments() {
        // A constant gradient g: m = (1 − β1ᵗ)·g, v = (1 − β2ᵗ)·g², step η·m/(√v + ε).
        var opt = new AdamWithoutBiasCorrection(0.01);
        INDArray theta = Nd4j.createFromArray(0.0, 0.0), g = Nd4j.createFromArray(2.0, -0.5);
        double[] expected = {0, 0};
        for (int t = 1; t <= 20; t++) {
            opt.step(theta, g);
            for (int i = 0; i < 2; i++) {
                double gi = g.getDouble(i);
                double m = (1 - Math.pow(0.9, t)) * gi, v = (1 - Math.pow(0.999, t)) * gi * gi;
                expected[i] -= 0.01 * m / (Math.sqrt(v) + 1e-8);
            }
            assertArrayEquals(expected, theta.toDoubleVector(), 1e-12);
        }
    }

    @Test
    void firstStepIsTooLargeWithTheDefaults() {
        // η·(1 − β1)/√(1 − β2) = 3.16·η, where Adam's corrected first step is η.
        var raw = new AdamWithoutBiasCorrection(1e-3);
        var adam = new Adam(1e-3);
        INDArray a = Nd4j.createFromArray(1.0f), b = Nd4j.createFromArray(1.0f), g = Nd4j.createFromArray(0.5f);
        raw.step(a, g);
        adam.step(b, g);
        assertEquals(DataType.FLOAT, a.dataType());
        assertEquals(1e-3 * 0.1 / Math.sqrt(0.001), 1 - a.getDouble(0), 1e-7);
        assertEquals(1e-3, 1 - b.getDouble(0), 1e-7);
    }

    @Test
    void equalsAdamWhenThereIsNoBiasToCorrect() {
        // β1 = β2 = 0: m = g and v = g², so the corrections 1 − 0ᵗ are 1.
        var raw = new AdamWithoutBiasCorrection(0.1, 0, 0, 1e-8);
        var adam = new Adam(0.1, 0, 0, 1e-8);
        INDArray a = PropertiesTest.randomVector(3, 30, 1, DataType.DOUBLE), b = a.dup();
        for (int s = 0; s < 10; s++) {
            INDArray g = PropertiesTest.randomVector(10 + s, 30, 1, DataType.DOUBLE);
            raw.step(a, g);
            adam.step(b, g);
        }
        assertArrayEquals(b.toDoubleVector(), a.toDoubleVector(), 1e-15);
    }

    @Test
    void validatesLikeAdam() {
        var e = assertThrows(IllegalArgumentException.class, () -> new AdamWithoutBiasCorrection(0.1, 1.0, 0.999, 1e-8));
        assertEquals(true, e.getMessage().contains("beta1"), e.getMessage());
    }
}
