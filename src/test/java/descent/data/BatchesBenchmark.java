package descent.data;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of one epoch of batches over Fashion-MNIST's 60,000 training images (shuffle plus
 * copying every row into the reused batch arrays), against ≈0.5 s of training per epoch.
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main BatchesBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class BatchesBenchmark {

    @Param({"64"})
    int batchSize;

    @Param({"FLOAT"})
    String type;

    private Batches batches;

    @Setup
    public void load() {
        DataSet train = Datasets.fashionMnist().train().as(org.nd4j.linalg.api.buffer.DataType.valueOf(type));
        batches = train.batches(batchSize, 42);
    }

    /** One epoch: ⌈60000/b⌉ batches. */
    @Benchmark
    public void epoch(Blackhole hole) {
        for (Batches.Batch batch : batches) {
            hole.consume(batch.label(batch.size() - 1));
        }
    }
}
