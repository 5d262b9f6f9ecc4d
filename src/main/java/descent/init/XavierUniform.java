package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Xavier/Glorot uniform: Var(w) = gain²·2/(n_in + n_out), a compromise between keeping the forward
 * (n_in) and the backward (n_out) variance.
 *
 * <pre>  std = gain·√(2 / (n_in + n_out)),   w ~ U(−√3·std, √3·std)  </pre>
 *
 * <p>Source: Glorot &amp; Bengio, "Understanding the difficulty of training deep feedforward neural
 * networks" (2010), eq. 16; torch {@code nn.init.xavier_uniform_}.
 */
public final class XavierUniform extends Glorot {

    public XavierUniform() {
        this(1);
    }

    /** @param gain for example {@code Gain.of("tanh")} */
    public XavierUniform(double gain) {
        super(gain);
    }

    /** The r of U(−r, r) for these fans. */
    public double bound(long fanIn, long fanOut) {
        return Math.sqrt(3.0) * std(fanIn, fanOut);
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        Draw.uniform(w, bound(fanIn, fanOut), rng);
    }

    @Override
    public String toString() {
        return "XavierUniform U(±gain·√(6/(n_in+n_out))) (gain=" + Check.number(gain()) + ")";
    }
}
