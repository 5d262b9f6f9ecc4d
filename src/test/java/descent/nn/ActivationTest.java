package descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A FLOAT network's activations compute in float arrays, a DOUBLE one's in double arrays: the same f. */
class ActivationTest {

    @Test
    void floatAndDoubleComputeTheSameFunctionAndDerivative() {
        Nd4j.getRandom().setSeed(3);
        INDArray z = Nd4j.randn(DataType.FLOAT, 16, 33).muli(3), dy = Nd4j.randn(DataType.FLOAT, 16, 33);
        List<Activation> floats = List.of(new Relu(), new LeakyRelu(0.1), new Elu(1), new Tanh(), new Sigmoid(), new Identity());
        List<Activation> doubles = List.of(new Relu(), new LeakyRelu(0.1), new Elu(1), new Tanh(), new Sigmoid(), new Identity());
        for (int a = 0; a < floats.size(); a++) {
            Activation f = floats.get(a), d = doubles.get(a);
            INDArray yFloat = f.forward(z, true), yDouble = d.forward(z.castTo(DataType.DOUBLE), true);
            assertEquals(DataType.FLOAT, yFloat.dataType());
            assertArrayEquals(yDouble.castTo(DataType.FLOAT).reshape(-1).toFloatVector(), yFloat.reshape(-1).toFloatVector(),
                    0f, f + " forward: y = (float) f(z)");
            INDArray gFloat = f.backward(dy), gDouble = d.backward(dy.castTo(DataType.DOUBLE));
            float[] expected = gDouble.castTo(DataType.FLOAT).reshape(-1).toFloatVector(), actual = gFloat.reshape(-1).toFloatVector();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-6f * Math.max(1, Math.abs(expected[i])), f + " backward at " + i);
            }
        }
    }
}
