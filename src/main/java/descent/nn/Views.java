package descent.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Slices of the flat θ (and gradient) that a layer sees as its own arrays. */
final class Views {

    private Views() {
    }

    /** The elements {@code [offset, offset + rows·cols)} of flat {@code v}, seen as rows × cols. */
    static INDArray matrix(INDArray v, long offset, long rows, long cols) {
        return v.get(NDArrayIndex.interval(offset, offset + rows * cols)).reshape('c', rows, cols);
    }

    /** The elements {@code [offset, offset + n)} of flat {@code v}, seen as a row of length n. */
    static INDArray row(INDArray v, long offset, long n) {
        return matrix(v, offset, 1, n);
    }

    /** {@code buffer} when it has {@code rows} rows, else a new rows × cols array of the same type. */
    static INDArray reuse(INDArray buffer, INDArray like, long rows, long cols) {
        if (buffer != null && buffer.rows() == rows && buffer.columns() == cols
                && buffer.dataType() == like.dataType()) {
            return buffer;
        }
        return org.nd4j.linalg.factory.Nd4j.create(like.dataType(), rows, cols);
    }
}
