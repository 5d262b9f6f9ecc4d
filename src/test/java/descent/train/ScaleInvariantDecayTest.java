package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.nn.Network;
import descent.optim.Sgd;
import descent.optim.WeightDecay;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ScaleInvariantDecayTest {

    /** 4 → 3 → batch norm → ReLU → 2: θ is W₁ (12), b₁ (3), γ, β (6), W₂ (6), b₂ (2). */
    static Network net() {
        return Network.mlp(4, 3, 2).batchNorm().dtype(DataType.DOUBLE).seed(1).build();
    }

    /** One step: W₁ moves as with WeightDecay, everything else as with plain SGD. */
    @Test
    void decaysOnlyTheWeightsThatFeedBatchNorm() {
        INDArray grad = Nd4j.rand(DataType.DOUBLE, 29);
        INDArray gradBefore = grad.dup();
        INDArray decayedEverywhere = net().theta().dup(), plain = decayedEverywhere.dup(), ours = decayedEverywhere.dup();
        new WeightDecay(0.5, new Sgd(0.1)).step(decayedEverywhere, grad);
        new Sgd(0.1).step(plain, grad);
        ScaleInvariantDecay decay = ScaleInvariantDecay.of(net(), 0.5, new Sgd(0.1));
        decay.step(ours, grad);
        assertEquals(12, decay.decayedCount());
        assertEquals(gradBefore, grad, "the caller's gradient is not written");
        assertEquals(decayedEverywhere.get(NDArrayIndex.interval(0, 12)), ours.get(NDArrayIndex.interval(0, 12)));
        assertEquals(plain.get(NDArrayIndex.interval(12, 29)), ours.get(NDArrayIndex.interval(12, 29)));
    }

    @Test
    void needsBatchNormAndAnAlpha() {
        Network withoutBatchNorm = Network.mlp(4, 3, 2).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScaleInvariantDecay.of(withoutBatchNorm, 0.5, new Sgd(0.1)));
        assertEquals(true, e.getMessage().contains("BatchNorm"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScaleInvariantDecay.of(net(), -1, new Sgd(0.1)));
    }
}
