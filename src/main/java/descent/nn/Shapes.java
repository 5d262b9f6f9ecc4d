package descent.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Argument checks shared by the layers and losses. */
final class Shapes {

    private Shapes() {
    }

    static void requireSame(String aName, INDArray a, String bName, INDArray b) {
        if (a.rank() != 2 || a.rows() < 1) {
            throw new IllegalArgumentException(aName + " must be (batch >= 1, outputs), got " + Arrays.toString(a.shape()));
        }
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(bName + " must have the shape of " + aName + " "
                    + Arrays.toString(a.shape()) + ", got " + Arrays.toString(b.shape()));
        }
        if (a.dataType() != b.dataType()) {
            throw new IllegalArgumentException(bName + " must have the type of " + aName + " "
                    + a.dataType() + ", got " + b.dataType());
        }
    }
}
