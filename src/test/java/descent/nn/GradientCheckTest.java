package descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every layer and loss against central differences in DOUBLE. */
class GradientCheckTest {

    static final double TOLERANCE = 1e-5;

    static INDArray inputs(int rows, int cols, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return Nd4j.createFromArray(v);
    }

    static INDArray oneHot(int rows, int classes) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, rows, classes);
        for (int r = 0; r < rows; r++) {
            y.putScalar(r, (r * 7 + 3) % classes, 1.0);
        }
        return y;
    }

    static GradientCheck.Report check(Loss loss, Supplier<Layer> middle) {
        Network net = Network.of(new Dense(4, 5), middle.get(), new Dense(5, 3))
                .loss(loss).dtype(DataType.DOUBLE).seed(11).build();
        INDArray x = inputs(6, 4, 5);
        INDArray y = loss instanceof MeanSquaredError ? inputs(6, 3, 9) : oneHot(6, 3);
        GradientCheck.Report report = GradientCheck.of(net, x, y);
        assertTrue(report.passed(TOLERANCE), report.toString());
        return report;
    }

    @Test
    void denseAndSoftmaxCrossEntropy() {
        check(new SoftmaxCrossEntropy(), Identity::new);
    }

    @Test
    void meanSquaredError() {
        check(new MeanSquaredError(), Identity::new);
    }

    @Test
    void relu() {
        check(new SoftmaxCrossEntropy(), Relu::new);
    }

    @Test
    void leakyRelu() {
        check(new SoftmaxCrossEntropy(), () -> new LeakyRelu(0.1));
    }

    @Test
    void elu() {
        check(new SoftmaxCrossEntropy(), Elu::new);
    }

    @Test
    void tanh() {
        check(new MeanSquaredError(), Tanh::new);
    }

    @Test
    void sigmoid() {
        check(new SoftmaxCrossEntropy(), Sigmoid::new);
    }

    @Test
    void batchNormInTraining() {
        check(new SoftmaxCrossEntropy(), () -> new BatchNorm(5));
    }

    @Test
    void frozenDropout() {
        check(new SoftmaxCrossEntropy(), () -> new Dropout(0.3, 4).freeze());
    }

    @Test
    void softTargetsInCrossEntropy() {
        Network net = Network.mlp(4, 5, 3).tanh().dtype(DataType.DOUBLE).seed(2).build();
        INDArray y = Nd4j.createFromArray(new double[][] {{0.2, 0.5, 0.3}, {1, 0, 0}, {0, 0.9, 0.1}});
        GradientCheck.Report report = GradientCheck.of(net, inputs(3, 4, 1), y);
        assertTrue(report.passed(TOLERANCE), report.toString());
    }

    @Test
    void deepMlpWithBatchNormAndEveryParameterChecked() {
        Network net = Network.mlp(3, 6, 5, 4).elu(1.0).batchNorm().dtype(DataType.DOUBLE).seed(3).build();
        GradientCheck.Report report = GradientCheck.of(net, inputs(7, 3, 2), oneHot(7, 4));
        assertEquals(net.parameterCount(), report.relative().length);
        assertTrue(report.passed(TOLERANCE), report.toString());
    }

    @Test
    void aWrongDerivativeIsCaughtAndNamed() {
        Layer wrong = new Activation() {                // tanh with the sigmoid's derivative
            @Override
            protected double f(double z) {
                return Math.tanh(z);
            }

            @Override
            protected double df(double z, double y) {
                return y * (1 - y);
            }
        };
        Network net = Network.of(new Dense(4, 5), wrong, new Dense(5, 3))
                .dtype(DataType.DOUBLE).seed(1).build();
        GradientCheck.Report report = GradientCheck.of(net, inputs(6, 4, 5), oneHot(6, 3));
        assertFalse(report.passed(1e-2), report.toString());
        assertTrue(report.toString().contains("layer 0 Dense(4 → 5)"), report.toString());
    }

    @Test
    void floatNetworksAreRefused() {
        Network net = Network.mlp(4, 3).build();
        INDArray x = Nd4j.zeros(DataType.FLOAT, 2, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.of(net, x, Nd4j.zeros(DataType.FLOAT, 2, 3)));
        assertTrue(e.getMessage().contains("FLOAT"), e.getMessage());
    }
}
