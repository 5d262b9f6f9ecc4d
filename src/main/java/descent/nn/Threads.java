package descent.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J's own loops (OpenMP) and its matrix multiplies (OpenBLAS) may use.
 *
 * <p>ND4J's default on this project's 2-core machine, 2 OpenMP + 2 OpenBLAS threads spinning
 * against each other, makes the MLP epoch 4× slower than one thread (see BENCHMARKS.md, "MLP"):
 * the matrices of a mini-batch are too small to split. So Descent uses {@value #DEFAULT} thread,
 * set here in code, once, when the first {@link Network} is built — and runs independent trainings
 * (sweeps) on separate cores instead. Override with the system property {@code descent.threads} or
 * the environment variable {@code DESCENT_THREADS}, or call {@link #set(int)}.
 */
public final class Threads {

    /** The measured best for one training on this machine. */
    public static final int DEFAULT = 1;

    private static boolean configured;

    private Threads() {
    }

    /** Applies the property/environment override or {@link #DEFAULT}, once. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        String v = System.getProperty("descent.threads", System.getenv("DESCENT_THREADS"));
        if (v == null || v.isBlank()) {
            set(DEFAULT);
            return;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("descent.threads must be an integer >= 1, got " + v);
        }
        set(n);
    }

    /** Sets the OpenMP and OpenBLAS thread counts of ND4J to {@code n}. */
    public static synchronized void set(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        configured = true;
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }

    /** The current OpenMP and OpenBLAS thread counts, e.g. "omp 1, blas 1". */
    public static String describe() {
        return "omp " + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()
                + ", blas " + Nd4j.factory().blas().getMaxThreads();
    }
}
