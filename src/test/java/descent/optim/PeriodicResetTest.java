package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PeriodicResetTest {

    @Test
    void everyPeriodStartsTheInnerOptimizerAfresh() {
        // Steps 4–6 of AdaGrad reset every 3 steps are steps 1–3 of a fresh AdaGrad from where it stood.
        var inner = new AdaGrad(0.5);
        var reset = new PeriodicReset(3, inner);
        INDArray theta = Nd4j.createFromArray(1.0, -2.0);
        for (int s = 0; s < 3; s++) reset.step(theta, theta.mul(2));
        INDArray fresh = theta.dup();
        var control = new AdaGrad(0.5);
        for (int s = 0; s < 3; s++) {
            reset.step(theta, theta.mul(2));
            control.step(fresh, fresh.mul(2));
        }
        assertArrayEquals(fresh.toDoubleVector(), theta.toDoubleVector(), 0);
        assertEquals(3, inner.t());
        assertArrayEquals(control.sumOfSquares().toDoubleVector(), inner.sumOfSquares().toDoubleVector(), 0);
    }

    @Test
    void withoutAResetAdaGradWouldHaveMovedLess() {
        var plain = new AdaGrad(0.5);
        var reset = new PeriodicReset(2, new AdaGrad(0.5));
        INDArray a = Nd4j.createFromArray(3.0f), b = Nd4j.createFromArray(3.0f), g = Nd4j.createFromArray(1.0f);
        for (int s = 0; s < 4; s++) {
            plain.step(a, g);
            reset.step(b, g);
        }
        // plain: 0.5·(1 + 1/√2 + 1/√3 + 1/2); reset: 0.5·(1 + 1/√2)·2
        assertEquals(3 - 0.5 * (1 + 1 / Math.sqrt(2) + 1 / Math.sqrt(3) + 0.5), a.getDouble(0), 1e-6);
        assertEquals(3 - (1 + 1 / Math.sqrt(2)), b.getDouble(0), 1e-6);
        assertEquals(DataType.FLOAT, b.dataType());
    }

    @Test
    void delegatesTheRateAndResetsItsCount() {
        var inner = new Sgd(0.1);
        var reset = new PeriodicReset(5, inner);
        reset.setLearningRate(0.3);
        assertEquals(0.3, inner.learningRate());
        assertEquals(0.3, reset.learningRate());
        assertEquals("Sgd(η=0.3), reset every 5 steps", reset.toString());
        assertNotEquals(null, reset);
    }

    @Test
    void refusesBadArgumentsAndMismatchedShapes() {
        assertEquals("period must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new PeriodicReset(0, new Sgd(0.1))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PeriodicReset(3, null));
        var inner = new AdaGrad(0.1);
        var reset = new PeriodicReset(1, inner);
        INDArray theta = Nd4j.createFromArray(1.0, 2.0);
        reset.step(theta, Nd4j.createFromArray(1.0, 1.0));
        INDArray before = inner.sumOfSquares();
        assertThrows(IllegalArgumentException.class, () -> reset.step(theta, Nd4j.createFromArray(1.0, 1.0, 1.0)));
        assertArrayEquals(before.toDoubleVector(), inner.sumOfSquares().toDoubleVector(), 0);   // not reset by the refused step
        assertArrayEquals(new double[] {1 - 0.1 / (1 + 1e-10), 2 - 0.1 / (1 + 1e-10)}, theta.toDoubleVector(), 1e-12);
    }
}
