package descent.bench;

import java.util.concurrent.TimeUnit;
import descent.optim.Optimizer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The fixed cost of one step: θ of two doubles, as a trajectory on a 2-D surface steps it.
 * {@code java -cp ... org.openjdk.jmh.Main OptimizerTinyBench -f 1 -wi 3 -i 5 -w 1 -r 1}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OptimizerTinyBench {
    @Param({"Sgd", "Momentum", "Adam", "RmsPropCenteredMomentum", "Nadam"})
    public String optimizer;

    INDArray theta, grad;
    Optimizer descent;

    @Setup
    public void setup() {
        theta = Nd4j.createFromArray(1.0, -1.0);
        grad = Nd4j.createFromArray(1e-3, -2e-3);
        descent = OptimizerBench.descent(optimizer);
    }

    @Benchmark
    public INDArray step() {
        descent.step(theta, grad);
        return theta;
    }
}
