package descent.bench;

import descent.optim.Optimizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The same steps as {@link OptimizerBench}, timed by the thread's CPU time instead of the wall
 * clock (best of 20 steps after 20 warm-up steps), for a machine shared with other jobs: time the
 * thread spends descheduled is not counted, memory contention still is.
 * {@code java -cp ... descent.bench.OptimizerCpuTime}
 */
public final class OptimizerCpuTime {
    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = OptimizerBench.N;
        INDArray theta = Nd4j.rand(DataType.FLOAT, n).subi(0.5), grad = Nd4j.rand(DataType.FLOAT, n).subi(0.5);
        var from = OptimizerBench.floats(grad);
        var to = OptimizerBench.floats(Nd4j.create(DataType.FLOAT, n));
        double copy = best(threads, () -> to.put(0, from, 0, n)) / n;
        System.out.printf("copy: %.3f ns per 8-byte parameter copy = %.1f GB/s%n", copy, 8 / copy);
        System.out.println("| optimizer | floor ns/param | Descent CPU ns/param | ratio |");
        System.out.println("|---|---:|---:|---:|");
        for (var e : OptimizerTable.BYTES.entrySet()) {
            Optimizer o = OptimizerBench.descent(e.getKey());
            double ours = best(threads, () -> o.step(theta, grad)) / n, floor = e.getValue() * copy / 8;
            System.out.printf("| %s | %.2f | %.2f | %.2f |%n", e.getKey(), floor, ours, ours / floor);
        }
    }

    static double best(ThreadMXBean threads, Runnable step) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 40; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            step.run();
            long t1 = threads.getCurrentThreadCpuTime();
            if (i >= 20) best = Math.min(best, t1 - t0);
        }
        return best;
    }
}
