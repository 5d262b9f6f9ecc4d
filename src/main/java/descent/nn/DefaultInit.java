package descent.nn;

import descent.init.Initializer;

/**
 * The network's default weight initializers, chosen by the activation that follows a dense layer:
 * He/Kaiming normal N(0, 2/fanIn) before ReLU-like units (He et al., 2015), Xavier/Glorot
 * uniform U(±√(6/(fanIn + fanOut))) otherwise (Glorot and Bengio, 2010).
 */
final class DefaultInit {

    private DefaultInit() {
    }

    static final Initializer HE_NORMAL = (w, fanIn, fanOut, rng) -> {
        double std = Math.sqrt(2.0 / fanIn);
        double[] v = new double[(int) w.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = std * rng.nextGaussian();
        }
        Heap.write(v, w);
    };

    static final Initializer XAVIER_UNIFORM = (w, fanIn, fanOut, rng) -> {
        double r = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] v = new double[(int) w.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r * (2 * rng.nextDouble() - 1);
        }
        Heap.write(v, w);
    };

    /** He before ReLU, leaky ReLU and ELU; Xavier before tanh, sigmoid, identity or the loss. */
    static Initializer forActivation(Layer next) {
        return next instanceof Relu || next instanceof LeakyRelu || next instanceof Elu
                ? HE_NORMAL : XAVIER_UNIFORM;
    }
}
