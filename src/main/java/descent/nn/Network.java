package descent.nn;

import descent.cores.Cores;
import descent.init.HeNormal;
import descent.init.Initializer;
import descent.init.XavierUniform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A feed-forward network: a list of layers, a loss, and all parameters in one flat vector θ.
 *
 * <pre>
 *   Network net = Network.mlp(784, 200, 10).relu().seed(42).build();
 *   double loss = net.gradient(x, y);      // forward, loss, backward: net.grad() = ∂L/∂θ
 *   optimizer.step(net.theta(), net.grad());
 * </pre>
 * Every layer's weights are views into {@link #theta()} and their gradients views into
 * {@link #grad()}, so an optimizer updates the whole network in one pass over one array. The type
 * is FLOAT unless the builder asks for DOUBLE (gradient checks); inputs must have the same type.
 */
public final class Network {

    private final List<Layer> layers;
    private final Loss loss;
    private final INDArray theta;
    private final INDArray grad;
    private final long seed;
    private final int inputs;

    private Network(List<Layer> layers, Loss loss, DataType dtype, long seed, int inputs) {
        this.layers = List.copyOf(layers);
        this.loss = loss;
        this.seed = seed;
        this.inputs = inputs;
        Cores.oneThreadInNd4j();                        // Descent splits the work itself (see Cores)
        long n = 0;
        for (Layer layer : layers) {
            n += layer.parameterCount();
        }
        theta = Nd4j.zeros(dtype, n);
        grad = Nd4j.zeros(dtype, n);
        long offset = 0;
        for (Layer layer : layers) {
            layer.bind(theta, grad, offset);
            offset += layer.parameterCount();
        }
        if (layers.get(0) instanceof Dense first) {
            first.inputGradient = false;
        }
        init(seed);
    }

    /**
     * The seed handed to ND4J's generator for {@code seed}. ND4J seeds a generator asked for with
     * seed 0 from the clock (two draws with seed 0 differ; with any other seed they are equal), so
     * 0 is handed over as {@code Long.MIN_VALUE}, and {@code Long.MIN_VALUE} itself is refused.
     */
    static long nd4jSeed(long seed) {
        if (seed == Long.MIN_VALUE) {
            throw new IllegalArgumentException("seed must not be Long.MIN_VALUE (" + seed
                    + "): it stands in for seed 0, which ND4J's generator would take from the clock");
        }
        return seed == 0 ? Long.MIN_VALUE : seed;
    }

    /** A multi-layer perceptron with dense layers of the given sizes, ReLU between them by default. */
    public static Builder mlp(int... sizes) {
        return new Builder(sizes);
    }

    /** A network of the given layers, in order. */
    public static Builder of(Layer... layers) {
        return new Builder(layers);
    }

    /**
     * Draws θ afresh from {@code seed} (biases 0, batch-norm γ = 1); the gradient is zeroed. The same
     * seed draws the same θ, seed 0 included (see {@link #nd4jSeed}).
     */
    public void init(long seed) {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(nd4jSeed(seed));
        for (Layer layer : layers) {
            layer.init(rng);
        }
        grad.assign(0);
    }

    /**
     * The output (before the loss: logits for softmax cross-entropy); eval mode when not training.
     * x must be (batch ≥ 1, inputs) of θ's type and hold finite numbers: a NaN or ∞ in x is refused,
     * naming its row and column (it is found from the output, which every layer carries it to).
     */
    public INDArray forward(INDArray x, boolean training) {
        requireInput(x);
        INDArray a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, training);
        }
        if (!Heap.allFinite(a)) {                       // NaN and ∞ carry through every layer: if x
            requireFinite(x);                           // holds one, it is bad data, named here
        }
        return a;
    }

    /** The output in eval mode (a buffer of the network: copy it to keep it). */
    public INDArray predict(INDArray x) {
        return forward(x, false);
    }

    /**
     * One training pass on a batch: forward in training mode, the loss, and backward, which leaves
     * ∂L/∂θ in {@link #grad()}. Returns L.
     */
    public double gradient(INDArray x, INDArray y) {
        double l = loss.forward(forward(x, true), y);
        INDArray d = loss.backward();
        for (int i = layers.size() - 1; i >= 0 && d != null; i--) {
            d = layers.get(i).backward(d);
        }
        return l;
    }

    /** How many rows of the last {@link #gradient} batch were classified right. */
    public int lastCorrect() {
        return loss.correct();
    }

    /** Loss and accuracy in eval mode over all rows of (x, y), in chunks of 1,000 rows. */
    public Evaluation evaluate(INDArray x, INDArray y) {
        requireInput(x);
        if (y == null || y.rank() != 2 || y.rows() != x.rows()) {
            throw new IllegalArgumentException("y must have " + x.rows() + " rows like x, got "
                    + (y == null ? "null" : Arrays.toString(y.shape())));
        }
        long n = x.rows();
        double total = 0;
        long correct = 0;
        for (long from = 0; from < n; from += 1000) {
            long to = Math.min(n, from + 1000);
            INDArray xs = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray ys = y.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            total += loss.forward(forward(xs, false), ys) * (to - from);
            correct += loss.correct();
        }
        return new Evaluation(total / n, (double) correct / n);
    }

    /** The mean loss over (x, y) in eval mode. */
    public double loss(INDArray x, INDArray y) {
        return evaluate(x, y).loss();
    }

    /** The fraction of rows of x whose largest output is at y's largest entry, in eval mode. */
    public double accuracy(INDArray x, INDArray y) {
        return evaluate(x, y).accuracy();
    }

    /** Loss and accuracy of a network on a data set. */
    public record Evaluation(double loss, double accuracy) {
    }

    /** θ: all parameters, one flat vector. */
    public INDArray theta() {
        return theta;
    }

    /** ∂L/∂θ of the last {@link #gradient} call, same shape and type as θ. */
    public INDArray grad() {
        return grad;
    }

    public DataType dtype() {
        return theta.dataType();
    }

    public long parameterCount() {
        return theta.length();
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer layer(int i) {
        return layers.get(i);
    }

    /** The dense layers in order (their weights are views of θ, e.g. for plotting). */
    public List<Dense> denseLayers() {
        List<Dense> d = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer instanceof Dense dense) {
                d.add(dense);
            }
        }
        return Collections.unmodifiableList(d);
    }

    public Loss lossFunction() {
        return loss;
    }

    public int inputSize() {
        return inputs;
    }

    /** The width of the output: the number of classes for a classifier. */
    public int outputSize() {
        int width = inputs;
        for (Layer layer : layers) {
            width = layer.outputSize(width);
        }
        return width;
    }

    public long seed() {
        return seed;
    }

    /** One line per layer with its parameter count, and the total. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < layers.size(); i++) {
            s.append(String.format("%2d  %-24s %,10d%n", i, layers.get(i), layers.get(i).parameterCount()));
        }
        s.append(String.format("    %-24s %,10d  (%s, loss %s)", "θ", parameterCount(), dtype(), loss));
        return s.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    private void requireInput(INDArray x) {
        if (x == null || x.rank() != 2 || x.columns() != inputs || x.rows() < 1) {
            throw new IllegalArgumentException("x must be (batch >= 1, " + inputs + "), got "
                    + (x == null ? "null" : Arrays.toString(x.shape())));
        }
        if (x.dataType() != theta.dataType()) {
            throw new IllegalArgumentException("x must be " + theta.dataType() + " like θ, got "
                    + x.dataType());
        }
    }

    /** Names the first NaN or ∞ of x by row and column, if it has one. */
    private static void requireFinite(INDArray x) {
        double[][] rows = x.toDoubleMatrix();
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (!Double.isFinite(rows[r][c])) {
                    throw new IllegalArgumentException("x holds " + rows[r][c] + " at row " + r + ", column " + c
                            + ": inputs must be finite numbers");
                }
            }
        }
    }

    /** Builds a {@link Network}; each option reads as part of a sentence. */
    public static final class Builder {

        private final int[] sizes;
        private final List<Layer> layers;
        private Supplier<Activation> activation = Relu::new;
        private boolean batchNorm;
        private double dropout;
        private Initializer init;
        private Loss loss = new SoftmaxCrossEntropy();
        private DataType dtype = DataType.FLOAT;
        private long seed = 0;

        private Builder(int[] sizes) {
            if (sizes.length < 2) {
                throw new IllegalArgumentException("sizes must list >= 2 layer widths, got "
                        + Arrays.toString(sizes));
            }
            this.sizes = sizes.clone();
            this.layers = null;
        }

        private Builder(Layer[] layers) {
            if (layers.length == 0 || !(layers[0] instanceof Dense)) {
                throw new IllegalArgumentException("layers must start with a Dense layer, got "
                        + Arrays.toString(layers));
            }
            this.sizes = null;
            this.layers = List.of(layers);
        }

        /** Hidden activation ReLU (the default of {@code mlp}). */
        public Builder relu() {
            return activation(Relu::new);
        }

        public Builder leakyRelu(double alpha) {
            return activation(() -> new LeakyRelu(alpha));
        }

        public Builder elu(double alpha) {
            return activation(() -> new Elu(alpha));
        }

        public Builder tanh() {
            return activation(Tanh::new);
        }

        public Builder sigmoid() {
            return activation(Sigmoid::new);
        }

        /** No hidden non-linearity: a linear model. */
        public Builder identity() {
            return activation(Identity::new);
        }

        /** Batch normalisation after every hidden dense layer, before its activation. */
        public Builder batchNorm() {
            requireMlp("batchNorm");
            batchNorm = true;
            return this;
        }

        /** Dropout with probability p after every hidden activation. */
        public Builder dropout(double p) {
            requireMlp("dropout");
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException("p must be in [0, 1), got " + p);
            }
            dropout = p;
            return this;
        }

        /** The initializer of every dense layer's weights (default: He before ReLU, else Xavier). */
        public Builder init(Initializer init) {
            this.init = Objects.requireNonNull(init, "init");
            return this;
        }

        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /** FLOAT (default) or DOUBLE, for θ, the gradient and every buffer. */
        public Builder dtype(DataType dtype) {
            if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
                throw new IllegalArgumentException("dtype must be FLOAT or DOUBLE, got " + dtype);
            }
            this.dtype = dtype;
            return this;
        }

        /** The seed of the initial θ (and of the dropout masks); any long but {@code Long.MIN_VALUE}. */
        public Builder seed(long seed) {
            nd4jSeed(seed);
            this.seed = seed;
            return this;
        }

        public Network build() {
            List<Layer> list = layers != null ? layers : mlpLayers();
            int width = ((Dense) list.get(0)).in();
            for (int i = 0; i < list.size(); i++) {
                Layer layer = list.get(i);
                if (layer instanceof Dense dense) {
                    if (dense.in() != width) {
                        throw new IllegalArgumentException("layer " + i + " " + dense
                                + " must take " + width + " inputs");
                    }
                    dense.defaultInitializer(init != null ? init : defaultInit(nextActivation(list, i)));
                }
                width = layer.outputSize(width);
            }
            return new Network(list, loss, dtype, seed, ((Dense) list.get(0)).in());
        }

        private List<Layer> mlpLayers() {
            List<Layer> list = new ArrayList<>();
            for (int i = 0; i + 1 < sizes.length; i++) {
                list.add(new Dense(sizes[i], sizes[i + 1]));
                if (i + 2 < sizes.length) {
                    if (batchNorm) {
                        list.add(new BatchNorm(sizes[i + 1]));
                    }
                    list.add(activation.get());
                    if (dropout > 0) {
                        list.add(new Dropout(dropout, seed + i));
                    }
                }
            }
            return list;
        }

        /**
         * He normal N(0, 2/fanIn) before ReLU-like units (He et al., 2015); Xavier uniform
         * U(±√(6/(fanIn + fanOut))) before tanh, sigmoid, identity or the loss (Glorot and Bengio, 2010).
         */
        private static Initializer defaultInit(Layer next) {
            return next instanceof Relu || next instanceof LeakyRelu || next instanceof Elu
                    ? new HeNormal() : new XavierUniform();
        }

        private static Layer nextActivation(List<Layer> list, int i) {
            for (int j = i + 1; j < list.size(); j++) {
                if (list.get(j) instanceof Activation a) {
                    return a;
                }
                if (list.get(j) instanceof Dense) {
                    return null;
                }
            }
            return null;
        }

        private Builder activation(Supplier<Activation> a) {
            requireMlp("the hidden activation");
            activation = a;
            return this;
        }

        private void requireMlp(String what) {
            if (sizes == null) {
                throw new IllegalArgumentException(what + " is an option of Network.mlp; "
                        + "with Network.of list the layers");
            }
        }
    }
}
