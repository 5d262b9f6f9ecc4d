package descent.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What each hidden layer of a network outputs for a batch: the values after every activation
 * layer, in order, copied, with their standard deviations
 * <pre>
 *   σ_l = √( mean((a_l − mean a_l)²) )     over every unit and every row of layer l
 * </pre>
 * For the initialization lesson: through a deep stack σ_l shrinks towards 0 (vanishing) or grows
 * without bound (exploding) unless Var(w) matches the fans (Glorot &amp; Bengio 2010, He et al. 2015).
 * <pre>
 *   Activations a = Activations.of(net, x);
 *   Charts.histograms("tanh, Xavier", a.labels(), a.values());
 * </pre>
 */
public final class Activations {

    private final List<INDArray> values;
    private final List<String> labels;

    private Activations(List<INDArray> values, List<String> labels) {
        this.values = List.copyOf(values);
        this.labels = List.copyOf(labels);
    }

    /** Runs x through {@code net} in eval mode and keeps every activation layer's output. */
    public static Activations of(Network net, INDArray x) {
        net.forward(x, false);
        List<INDArray> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Layer layer : net.layers()) {
            if (layer instanceof Activation) {
                values.add(layer.output().dup());
                labels.add("layer " + (values.size()));
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("net must have at least one activation layer, got " + net.layers());
        }
        return new Activations(values, labels);
    }

    /** The output of each activation layer (rows: the batch), in order. */
    public List<INDArray> values() {
        return values;
    }

    /** "layer 1", "layer 2", ... */
    public List<String> labels() {
        return labels;
    }

    /** How many activation layers. */
    public int count() {
        return values.size();
    }

    /** 1, 2, ..., count(): the x values of a chart by layer. */
    public double[] layerNumbers() {
        double[] l = new double[values.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = i + 1;
        }
        return l;
    }

    /** σ_l of each layer's outputs (population standard deviation over all entries). */
    public double[] stds() {
        double[] s = new double[values.size()];
        for (int l = 0; l < s.length; l++) {
            double[] a = values.get(l).ravel().toDoubleVector();
            double mean = 0;
            for (double v : a) {
                mean += v;
            }
            mean /= a.length;
            double sq = 0;
            for (double v : a) {
                sq += (v - mean) * (v - mean);
            }
            s[l] = Math.sqrt(sq / a.length);
        }
        return s;
    }
}
