package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jdk.jshell.JShell;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * Where a trivial cell's time goes: the CPU time of {@code i + 1} run by the kernel's {@link Cells}
 * against plain JShell (same compiler options, no imports, JShell's own in-process engine) in
 * the same JVM. JShell compiles every snippet with javac (parse, analysis of the expression's
 * type, wrapping, compile), which is most of the cost; the figures are printed.
 */
class CellsCostTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARM = 40;
    private static final int MEASURED = 60;

    @Test
    void cellCostsLittleMoreThanPlainJShell() throws CellException {
        Cells cells = new Cells(null);
        JShell plain = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of())
                .compilerOptions("-proc:none").build();
        double[] kernel = new double[MEASURED];
        double[] jshell = new double[MEASURED];
        for (int i = 0; i < WARM + MEASURED; i++) {       // interleaved: both see the same JIT state
            long t = THREADS.getCurrentThreadCpuTime();
            cells.run(i + " + 1", i);
            long u = THREADS.getCurrentThreadCpuTime();
            plain.eval(i + " + 1");
            long v = THREADS.getCurrentThreadCpuTime();
            if (i >= WARM) {
                kernel[i - WARM] = (u - t) / 1e6;
                jshell[i - WARM] = (v - u) / 1e6;
            }
        }
        cells.close();
        plain.close();
        double k = median(kernel);
        double j = median(jshell);
        System.out.printf("CPU per trivial cell (thread CPU, median of %d): Cells %.2f ms, plain JShell %.2f ms;"
                + " load average %.1f%n", MEASURED, k, j, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertTrue(k <= 1.5 * j + 3, "Cells " + k + " ms against plain JShell " + j + " ms");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
