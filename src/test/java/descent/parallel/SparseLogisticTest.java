package descent.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SparseLogisticTest {

    @Test
    void lossAtZeroIsLogTwo() {
        SparseLogistic p = SparseLogistic.synthetic(500, 100, 5, 1);
        assertEquals(Math.log(2), p.loss(new double[100]), 1e-12);
        assertEquals(5, p.nonZerosPerExample());
    }

    /** Σ_i of the steps from the same w, over n, is −∇f(w); checked against central differences of f. */
    @Test
    void stepsFollowTheGradientOfTheLoss() {
        SparseLogistic p = SparseLogistic.synthetic(200, 30, 4, 2);
        double[] w = new double[30];
        for (int j = 0; j < w.length; j++) {
            w[j] = Math.sin(j);
        }
        double[] sum = new double[30];
        for (int i = 0; i < p.size(); i++) {
            double[] copy = w.clone();
            p.step(copy, i, 1.0);
            for (int j = 0; j < w.length; j++) {
                sum[j] += copy[j] - w[j];
            }
        }
        double h = 1e-6;
        for (int j = 0; j < w.length; j++) {
            double[] plus = w.clone(), minus = w.clone();
            plus[j] += h;
            minus[j] -= h;
            double numeric = (p.loss(plus) - p.loss(minus)) / (2 * h);
            assertEquals(numeric, -sum[j] / p.size(), 1e-7, "∂f/∂w_" + j);
        }
    }

    @Test
    void stepTouchesOnlyTheExamplesFeatures() {
        SparseLogistic p = SparseLogistic.synthetic(10, 1000, 3, 3);
        double[] w = new double[1000];
        p.step(w, 0, 0.5);
        assertEquals(3, Arrays.stream(w).filter(v -> v != 0).count());
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparseLogistic.synthetic(10, 5, 6, 0));
        assertTrue(e.getMessage().contains("k must be in [1, d = 5], got 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparseLogistic.synthetic(0, 5, 1, 0));
        SparseLogistic p = SparseLogistic.synthetic(10, 5, 2, 0);
        assertThrows(IllegalArgumentException.class, () -> p.loss(new double[4]));
    }
}
