package descent.optim;

import static java.lang.Math.fma;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decoupled weight decay: θ shrunk by η·λ·θ beside the wrapped optimizer's step, not through its
 * gradient.
 *
 * <pre>
 *   θ ← θ − η·λ·θ − (the wrapped step from g)      η = the wrapped optimizer's learning rate
 * </pre>
 *
 * <p>Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization" (ICLR 2019); Optax's
 * {@code add_decayed_weights} placed after the scaling. Around {@link Adam} it is {@link AdamW}
 * up to rounding: the decay η·λ·θ uses θ before the step, as AdamW's θ·(1 − ηλ) does, but it is
 * subtracted after the wrapped step (so a refused wrapped step leaves θ untouched), which rounds
 * differently from AdamW's decay-then-step in the last bits. Around {@link Sgd} it is L2
 * decay ({@link WeightDecay}) up to rounding; around adaptive methods it differs, which is the point.
 */
public final class DecoupledWeightDecay extends Wrapper {
    private final double lambda;
    private Flat thetaFlat, copyFlat;
    private double[] beforeD, afterD;
    private float[] beforeF, afterF;

    /**
     * @param lambda λ, a finite number ≥ 0
     * @param inner  the optimizer whose step is taken beside the decay
     */
    public DecoupledWeightDecay(double lambda, Optimizer inner) {
        super(inner);
        this.lambda = Check.atLeast("lambda", lambda, 0);
    }

    @Override
    public void step(INDArray theta, INDArray grad) {
        Flat.checkPair(theta, grad);
        INDArray copy = copyFlat == null ? null : copyFlat.array;
        if (copy == null || copy.dataType() != theta.dataType() || !Flat.sameShape(copy, theta)) {
            copyFlat = new Flat(Nd4j.create(theta.dataType(), theta.shape()));
            int block = (int) Math.min(Flat.BLOCK, Math.max(1, theta.length()));
            beforeD = afterD = null;
            beforeF = afterF = null;
            if (theta.dataType() == DataType.DOUBLE) {
                beforeD = new double[block];
                afterD = new double[block];
            } else {
                beforeF = new float[block];
                afterF = new float[block];
            }
        }
        copyFlat.array.assign(theta);
        double decay = inner.learningRate() * lambda;
        inner.step(theta, grad);
        thetaFlat = Flat.of(theta, thetaFlat);
        for (int from = 0; from < thetaFlat.length(); from += Flat.BLOCK) {
            int n = Math.min(Flat.BLOCK, thetaFlat.length() - from);
            if (beforeD != null) {
                copyFlat.read(from, beforeD, n);
                thetaFlat.read(from, afterD, n);
                for (int i = 0; i < n; i++) afterD[i] = fma(-decay, beforeD[i], afterD[i]);   // θ − η·λ·θ_before
                thetaFlat.write(from, afterD, n);
            } else {
                float decayF = (float) decay;
                copyFlat.read(from, beforeF, n);
                thetaFlat.read(from, afterF, n);
                for (int i = 0; i < n; i++) afterF[i] = fma(-decayF, beforeF[i], afterF[i]);
                thetaFlat.write(from, afterF, n);
            }
        }
    }
}
