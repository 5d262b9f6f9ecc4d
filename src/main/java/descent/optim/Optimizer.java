package descent.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of gradient descent on a flat parameter vector.
 *
 * <p>θ is one vector: a model keeps all its parameters in one flat array, and the gradient is a
 * second flat array of the same shape and type. {@code step} updates θ in place; any state the
 * method keeps (velocities, running averages, the step count t) is created on the first call and
 * has θ's shape and type. A refused step (bad shapes, types or values) throws before anything is
 * written, so θ and the state stay as they were.
 */
public interface Optimizer {

    /** θ ← θ − (the method's step computed from grad); in place. */
    void step(INDArray theta, INDArray grad);

    /** The current learning rate η. */
    double learningRate();

    /** Sets η for the following steps; schedules and the training loop call this. */
    void setLearningRate(double lr);

    /** Forgets all state and the step count, as if newly built. */
    void reset();
}
