package descent.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hidden units that never fire: after each activation layer, the units whose output is ≤ 0 for
 * every example of a data set, i.e. whose input z is ≤ 0 for every example.
 * <pre>
 *   unit j of layer l never fires on X  ⇔  z_j(x) ≤ 0 for all x ∈ X
 * </pre>
 * Behind a ReLU such a unit is dead: f′(z) = 0 there, so no example sends it a gradient and it
 * can never come back (a large step or a large negative bias pushes units there). Behind a leaky
 * ReLU or an ELU a unit that never fires still gets the gradient α·∂L/∂y (or y + α) and can
 * recover. Source: CS231n notes, "Commonly used activation functions" (the dying ReLU).
 */
public final class DeadUnits {

    private DeadUnits() {
    }

    /** For each activation layer in order, how many of its units never fire on the rows of x (eval mode). */
    public static int[] perLayer(Network net, INDArray x) {
        net.forward(x, false);
        List<Integer> counts = new ArrayList<>();
        for (Layer layer : net.layers()) {
            if (layer instanceof Activation) {
                counts.add(neverFiring(layer.output()));
            }
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The total over all activation layers. */
    public static int count(Network net, INDArray x) {
        int total = 0;
        for (int c : perLayer(net, x)) {
            total += c;
        }
        return total;
    }

    /** The number of hidden units, the sum of the activation layers' widths. */
    public static int hiddenUnits(Network net) {
        int total = 0;
        int width = net.inputSize();
        for (Layer layer : net.layers()) {
            width = layer.outputSize(width);
            if (layer instanceof Activation) {
                total += width;
            }
        }
        return total;
    }

    private static int neverFiring(INDArray y) {
        double[] max = y.max(0).toDoubleVector();                             // max_x y_j(x) per unit j
        int dead = 0;
        for (double m : max) {
            if (m <= 0) {
                dead++;
            }
        }
        return dead;
    }
}
