package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ValidationTest {

    static void refused(Executable call, String... mentions) {
        var e = assertThrows(IllegalArgumentException.class, call);
        for (String m : mentions) assertTrue(e.getMessage().contains(m), "'" + e.getMessage() + "' should mention " + m);
    }

    @Test
    void badLearningRates() {
        for (double lr : new double[] {Double.NaN, -0.1, Double.POSITIVE_INFINITY}) {
            String value = String.valueOf(lr);
            refused(() -> new Sgd(lr), "lr", value);
            refused(() -> new Momentum(lr, 0.9), "lr", value);
            refused(() -> new Nesterov(lr, 0.9), "lr", value);
            refused(() -> new AdaGrad(lr), "lr", value);
            refused(() -> new AdaDelta(lr, 0.9, 1e-6), "lr", value);
            refused(() -> new RmsProp(lr), "lr", value);
            refused(() -> new Adam(lr), "lr", value);
            refused(() -> new AdaMax(lr), "lr", value);
            refused(() -> new Nadam(lr), "lr", value);
            refused(() -> new AmsGrad(lr), "lr", value);
            refused(() -> new AdamW(lr), "lr", value);
            refused(() -> new RAdam(lr), "lr", value);
            var adam = new Adam(0.1);
            refused(() -> adam.setLearningRate(lr), "lr", value);
            assertEquals(0.1, adam.learningRate());
            refused(() -> new ClipByValue(1, new Sgd(0.1)).setLearningRate(lr), "lr", value);
        }
    }

    @Test
    void badHyperParameters() {
        for (double beta : new double[] {1, -0.1, 1.5, Double.NaN}) {
            String value = String.valueOf(beta);
            refused(() -> new Adam(0.1, beta, 0.999, 1e-8), "beta1", value);
            refused(() -> new Adam(0.1, 0.9, beta, 1e-8), "beta2", value);
            refused(() -> new AdaMax(0.1, beta, 0.999, 1e-8), "beta1", value);
            refused(() -> new Nadam(0.1, 0.9, beta, 1e-8, 4e-3), "beta2", value);
            refused(() -> new AdamW(0.1, beta, 0.999, 1e-8, 0.01), "beta1", value);
            refused(() -> new RAdam(0.1, 0.9, beta, 1e-8), "beta2", value);
            refused(() -> new AdaDelta(1, beta, 1e-6), "rho", value);
            refused(() -> new RmsProp(0.1, beta, 1e-8, 0, false), "alpha", value);
            refused(() -> new Momentum(0.1, 0.9, beta), "dampening", value);
        }
        for (double eps : new double[] {0, -1e-8, Double.NaN}) {
            refused(() -> new Adam(0.1, 0.9, 0.999, eps), "eps", String.valueOf(eps));
            refused(() -> new AdaGrad(0.1, 0, 0, eps), "eps", String.valueOf(eps));
            refused(() -> new RmsProp(0.1, 0.99, eps, 0, true), "eps", String.valueOf(eps));
        }
        for (double mu : new double[] {1, 1.5, Double.NaN}) {      // μ ≥ 1: the velocity grows without bound
            refused(() -> new Momentum(0.1, mu), "momentum", String.valueOf(mu));
            refused(() -> new Nesterov(0.1, mu), "momentum", String.valueOf(mu));
            refused(() -> new RmsProp(0.1).withMomentum(mu), "momentum", String.valueOf(mu));
        }
        refused(() -> new Momentum(0.1, -0.5), "momentum", "-0.5");
        refused(() -> new MomentumTextbook(0.1, 1), "momentum", "1.0");
        refused(() -> new RmsPropTextbook(0.1, 0.9, 0), "eps", "0.0");
        refused(() -> new AdaMaxTextbook(0.1, 0.9, 1), "beta2", "1.0");
        refused(() -> new AdamWTextbook(0.1, 0.9, 0.999, 1e-8, 1), "weightDecay", "1.0");
        refused(() -> new RmsProp(0.1).withMomentum(-1), "momentum", "-1.0");
        refused(() -> new Nesterov(0.1, 0), "momentum", "0.0");
        refused(() -> new Nesterov(0.1, 0.9, 0.1), "dampening", "0.1");
        refused(() -> new AdaGrad(0.1, -1, 0, 1e-10), "lrDecay", "-1.0");
        refused(() -> new AdaGrad(0.1, 0, -1, 1e-10), "initialAccumulatorValue", "-1.0");
        refused(() -> new AdamW(0.1, 0.9, 0.999, 1e-8, -1), "weightDecay", "-1.0");
        refused(() -> new Nadam(0.1, 0.9, 0.999, 1e-8, Double.NaN), "momentumDecay", "NaN");
        refused(() -> new WeightDecay(-1, new Sgd(0.1)), "lambda", "-1.0");
        refused(() -> new DecoupledWeightDecay(Double.NaN, new Sgd(0.1)), "lambda", "NaN");
        refused(() -> new ClipByGlobalNorm(0, new Sgd(0.1)), "maxNorm", "0.0");
        refused(() -> new ClipByValue(-1, new Sgd(0.1)), "clipValue", "-1.0");
        refused(() -> new GradientNoise(0, 0.55, 1, new Sgd(0.1)), "eta", "0.0");
        refused(() -> new WeightDecay(0.1, null), "inner");
    }

    static final List<Supplier<Optimizer>> ALL = List.of(() -> new Sgd(0.1), () -> new Momentum(0.1, 0.9),
            () -> new Nesterov(0.1, 0.9), () -> new AdaGrad(0.1), AdaDelta::new, () -> new RmsProp(0.1).centered().withMomentum(0.9),
            () -> new Adam(0.1), () -> new AdaMax(0.1), () -> new Nadam(0.1), () -> new AmsGrad(0.1), () -> new AdamW(0.1),
            () -> new RAdam(0.1), () -> new MomentumTextbook(0.1, 0.9), () -> new RmsPropTextbook(0.1),
            () -> new AdaMaxTextbook(0.1), () -> new AdamWTextbook(0.1), () -> new DampenedMomentum(0.1, 0.9, 0.9),
            () -> new AdamTextbook(0.1), () -> new AmsGradTextbook(0.1), () -> new AdaDeltaTextbook(),
            () -> new NadamTextbook(0.1),
            () -> new WeightDecay(0.1, new Adam(0.1)), () -> new DecoupledWeightDecay(0.1, new Adam(0.1)),
            () -> new ClipByGlobalNorm(1, new Momentum(0.1, 0.9)), () -> new ClipByValue(1, new Adam(0.1)),
            () -> new GradientNoise(7, new Adam(0.1)), () -> new PeriodicReset(2, new AdaGrad(0.1)));

    @Test
    void aRefusedStepLeavesThetaAndStateUntouched() {
        for (var make : ALL) {
            Optimizer o = make.get(), twin = make.get();
            String name = o.getClass().getSimpleName();
            INDArray theta = Nd4j.createFromArray(1.0, -2.0, 3.0), g = Nd4j.createFromArray(0.5, 0.5, -1.0);
            INDArray twinTheta = theta.dup();
            o.step(theta, g);
            twin.step(twinTheta, g);
            INDArray saved = theta.dup();
            refused(() -> o.step(theta, Nd4j.createFromArray(1.0, 2.0)), "shape");
            refused(() -> o.step(theta, Nd4j.createFromArray(1f, 2f, 3f)), "type");
            refused(() -> o.step(theta, Nd4j.createFromArray(1, 2, 3)), "type");
            refused(() -> o.step(theta, null), "null");
            refused(() -> o.step(theta, Nd4j.createFromArray(1.0, Double.NaN, 3.0)), "grad", "finite", "NaN", "index 1");
            refused(() -> o.step(theta, Nd4j.createFromArray(Double.NEGATIVE_INFINITY, 0, 0)), "grad", "-Infinity", "index 0");
            if (!(o instanceof Sgd)) {                          // a θ unlike the one the state was built for
                refused(() -> o.step(Nd4j.createFromArray(1.0, 2.0), Nd4j.createFromArray(1.0, 2.0)), "shape");
                refused(() -> o.step(Nd4j.createFromArray(1f, 2f, 3f), Nd4j.createFromArray(1f, 2f, 3f)), "type");
            }
            assertArrayEquals(saved.toDoubleVector(), theta.toDoubleVector(), 0, name + " θ");
            o.step(theta, g);                                  // the state too: same as the twin
            twin.step(twinTheta, g);
            assertArrayEquals(twinTheta.toDoubleVector(), theta.toDoubleVector(), 0, name + " state");
        }
    }

    @Test
    void anEmptyThetaIsRefusedAndChangesNothing() {
        for (var make : ALL) {
            Optimizer o = make.get(), twin = make.get();
            for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
                refused(() -> o.step(Nd4j.create(type, 0), Nd4j.create(type, 0)), "theta", "at least one element", "[0]");
            }
            INDArray theta = Nd4j.createFromArray(1f, -2f), twinTheta = theta.dup(), g = Nd4j.createFromArray(0.5f, 0.25f);
            for (int s = 0; s < 3; s++) {                           // then a step as if nothing had happened
                o.step(theta, g);
                twin.step(twinTheta, g);
            }
            assertArrayEquals(twinTheta.toFloatVector(), theta.toFloatVector(), 0, o.getClass().getSimpleName());
        }
    }

    @Test
    void aNonFiniteGradientIsFoundInAnyBlock() {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            INDArray theta = Nd4j.ones(type, 30_000), g = Nd4j.ones(type, 30_000);
            g.putScalar(20_001, Double.POSITIVE_INFINITY);
            g.putScalar(25_000, Double.NaN);
            var adam = new Adam(0.1);
            refused(() -> adam.step(theta, g), "grad", "Infinity", "index 20001", "of 30000");
            assertEquals(0, adam.t());
            assertEquals(30_000, theta.sumNumber().doubleValue());
            refused(() -> new ClipByGlobalNorm(1, new Sgd(0.1)).step(theta, g), "grad", "index 20001");
            assertEquals(30_000, theta.sumNumber().doubleValue());
        }
    }

    /** The kernel's completion and Shift-Tab read an optimizer's methods by reflection. */
    @Test
    void everyStepIsReachableByReflection() throws Exception {
        for (var make : ALL) {
            Optimizer o = make.get();
            INDArray theta = Nd4j.createFromArray(1.0, 2.0);
            o.getClass().getMethod("step", INDArray.class, INDArray.class).invoke(o, theta, Nd4j.createFromArray(1.0, 1.0));
            o.getClass().getMethod("setLearningRate", double.class).invoke(o, 0.5);
            assertEquals(0.5, o.getClass().getMethod("learningRate").invoke(o));
            o.getClass().getMethod("reset").invoke(o);
        }
    }

    @Test
    void nonContiguousArraysAreRefused() {
        INDArray matrix = Nd4j.rand(DataType.DOUBLE, 4, 4);
        INDArray column = matrix.getColumn(1);
        refused(() -> new Sgd(0.1).step(column, column.dup()), "contiguous");
    }
}
