package descent.init;

import descent.check.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Xavier/Glorot normal: w ~ N(0, std²) with
 *
 * <pre>  std = gain·√(2 / (n_in + n_out))  </pre>
 *
 * <p>Source: Glorot &amp; Bengio (2010); torch {@code nn.init.xavier_normal_}.
 */
public final class XavierNormal extends Glorot {

    public XavierNormal() {
        this(1);
    }

    public XavierNormal(double gain) {
        super(gain);
    }

    @Override
    public void init(INDArray w, long fanIn, long fanOut, Random rng) {
        Initializer.check(w, fanIn, fanOut, rng);
        Draw.normal(w, 0, std(fanIn, fanOut), rng);
    }

    @Override
    public String toString() {
        return "XavierNormal N(0, gain²·2/(n_in+n_out)) (gain=" + Check.number(gain()) + ")";
    }
}
