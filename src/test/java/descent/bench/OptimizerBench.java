package descent.bench;

import descent.cores.Cores;
import descent.optim.AdaDelta;
import descent.optim.AdaGrad;
import descent.optim.AdaMax;
import descent.optim.Adam;
import descent.optim.AdamW;
import descent.optim.AmsGrad;
import descent.optim.Momentum;
import descent.optim.Nadam;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import descent.optim.RAdam;
import descent.optim.RmsProp;
import descent.optim.Sgd;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One optimizer step on N = 1e7 FLOAT parameters: Descent's optimizers, ND4J's own fused
 * updaters (org.nd4j.linalg.learning, applyUpdater then θ −= update, as DL4J steps), and a plain
 * copy of N floats that measures the memory bandwidth the floors are computed from. See
 * {@link OptimizerTable} for the command and the table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OptimizerBench {
    public static final int N = 10_000_000;

    @Param({"Sgd", "Momentum", "Nesterov", "AdaGrad", "AdaDelta", "RmsProp", "RmsPropCenteredMomentum",
            "Adam", "AdaMax", "Nadam", "AmsGrad", "AdamW", "RAdam"})
    public String optimizer;

    INDArray theta, grad;
    Optimizer descent;
    GradientUpdater<?> nd4j;
    INDArray nd4jGrad;
    FloatBuffer copyFrom, copyTo;

    /** Descent's optimizer of that name. */
    static Optimizer descent(String name) {
        return switch (name) {
            case "Sgd" -> new Sgd(1e-3);
            case "Momentum" -> new Momentum(1e-3, 0.9);
            case "Nesterov" -> new Nesterov(1e-3, 0.9);
            case "AdaGrad" -> new AdaGrad(1e-3);
            case "AdaDelta" -> new AdaDelta();
            case "RmsProp" -> new RmsProp(1e-3);
            case "RmsPropCenteredMomentum" -> new RmsProp(1e-3).centered().withMomentum(0.9);
            case "Adam" -> new Adam(1e-3);
            case "AdaMax" -> new AdaMax(1e-3);
            case "Nadam" -> new Nadam(1e-3);
            case "AmsGrad" -> new AmsGrad(1e-3);
            case "AdamW" -> new AdamW(1e-3);
            case "RAdam" -> new RAdam(1e-3);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** ND4J's updater for the same method, or null where ND4J has none. */
    static IUpdater nd4j(String name) {
        return switch (name) {
            case "Sgd" -> new org.nd4j.linalg.learning.config.Sgd(1e-3);
            case "Nesterov" -> new org.nd4j.linalg.learning.config.Nesterovs(1e-3, 0.9);
            case "AdaGrad" -> new org.nd4j.linalg.learning.config.AdaGrad(1e-3);
            case "AdaDelta" -> new org.nd4j.linalg.learning.config.AdaDelta();
            case "RmsProp" -> new org.nd4j.linalg.learning.config.RmsProp(1e-3);
            case "Adam" -> new org.nd4j.linalg.learning.config.Adam(1e-3);
            case "AdaMax" -> new org.nd4j.linalg.learning.config.AdaMax(1e-3);
            case "Nadam" -> new org.nd4j.linalg.learning.config.Nadam(1e-3);
            case "AmsGrad" -> new org.nd4j.linalg.learning.config.AMSGrad(1e-3);
            default -> null;
        };
    }

    @Setup
    public void setup() {
        // Descent's steps use every core (descent.cores.Cores, which sets ND4J's own pools to one
        // thread when it loads); ND4J's updaters get the same cores through their OpenMP pool.
        int cores = Cores.count();
        Nd4j.getEnvironment().setMaxThreads(cores);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(cores);
        theta = Nd4j.rand(DataType.FLOAT, N).subi(0.5);
        grad = Nd4j.rand(DataType.FLOAT, N).subi(0.5);
        nd4jGrad = grad.dup();
        copyFrom = floats(grad);
        copyTo = floats(Nd4j.create(DataType.FLOAT, N));
        descent = descent(optimizer);
        IUpdater config = nd4j(optimizer);
        if (config != null) {
            long size = config.stateSize(N);
            INDArray view = size == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, size);
            nd4j = config.instantiate(view, true);
            nd4j.setStateViewArray(view, new long[] {1, N}, 'c', true);
            nd4jGrad = nd4jGrad.reshape(1, N);
        }
    }

    private static FloatBuffer floats(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Benchmark
    public INDArray descentStep() {
        descent.step(theta, grad);
        return theta;
    }

    /** ND4J's fused updater: the gradient array becomes the update, then θ −= update. */
    @Benchmark
    public INDArray nd4jStep() {
        if (nd4j == null) return theta;
        nd4j.applyUpdater(nd4jGrad, 1, 0);
        return theta.subi(nd4jGrad.reshape(N));
    }

    /**
     * A copy of N floats from one direct buffer to another (memcpy, 8 bytes per parameter), in
     * blocks shared among the cores as Descent's steps are: the bandwidth those steps can reach.
     */
    @Benchmark
    public FloatBuffer copy() {
        Cores.run(copyBlock, (N + COPY_BLOCK - 1) / COPY_BLOCK);
        return copyTo;
    }

    static final int COPY_BLOCK = 1 << 16;
    private final Cores.Pieces copyBlock = b -> copyTo.put(b * COPY_BLOCK, copyFrom, b * COPY_BLOCK,
            Math.min(COPY_BLOCK, N - b * COPY_BLOCK));
}
