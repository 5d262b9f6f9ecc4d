package descent.cores;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The cores Descent computes on: the calling thread and {@code count() − 1} helper threads, which
 * share the pieces of a split loop — the blocks of an optimizer step, the row bands of a large
 * matrix product.
 *
 * <p>How a split runs. The caller posts the job and then claims pieces itself, one at a time,
 * from a shared counter; an idle helper claims from the same counter. When the counter runs out
 * the caller waits only for pieces a helper has already started, never for a helper that has not
 * woken up. So a busy machine costs the speed-up and nothing more. (ND4J's own pools, OpenMP and
 * OpenBLAS, each as wide as the machine, wait for each other instead: on 2 cores they made an
 * MLP epoch 4× slower than one thread, and several times slower again when another process held
 * a core. So Descent sets both pools to one thread and splits the work itself.)
 *
 * <p>Which thread runs a piece is the only thing that varies from run to run, and a piece
 * computes the same numbers on any thread, so a split's result does not depend on who ran what
 * (an optimizer step's is also the same on any number of cores; a matrix product's bands follow
 * the number of cores, see {@code descent.nn.Gemm}). A helper spins for
 * {@value #SPIN_MICROS} µs after its last piece (the next split of a training step comes sooner
 * than that), then sleeps until the next split.
 *
 * <p>Default: every core of the machine. Override with the system property {@code descent.threads},
 * the environment variable {@code DESCENT_THREADS}, or {@link #set(int)}; 1 runs everything on
 * the calling thread.
 */
public final class Cores {

    /** A loop cut into pieces 0, 1, …, n − 1 that may run in any order, on any thread. */
    @FunctionalInterface
    public interface Pieces {
        void run(int piece);
    }

    static final int SPIN_MICROS = 200;

    private static volatile int count;
    private static volatile Helper[] helpers = new Helper[0];
    /** The split helpers join: the newest one posted. */
    private static volatile Round posted;
    private static final ThreadLocal<Round> ROUND = ThreadLocal.withInitial(Round::new);

    static {
        configure();
    }

    private Cores() {
    }

    /** The number of threads a split runs on, the caller included. */
    public static int count() {
        return count;
    }

    /** Runs splits on {@code n} threads (the caller and n − 1 helpers) from now on. */
    public static synchronized void set(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        for (Helper h : helpers) {
            h.retire();
        }
        helpers = new Helper[n - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1);
            helpers[i].start();
        }
        count = n;
    }

    /**
     * Runs {@code job.run(p)} for every p in [0, pieces) on this thread and the idle helpers, and
     * returns when all have finished. An exception from a piece is rethrown here once the pieces
     * already started have finished; the pieces not yet started are then skipped.
     */
    public static void run(Pieces job, int pieces) {
        if (pieces < 0) {
            throw new IllegalArgumentException("pieces must be >= 0, got " + pieces);
        }
        Round round = ROUND.get();
        if (pieces <= 1 || count == 1 || round.running || Thread.currentThread() instanceof Helper) {
            for (int p = 0; p < pieces; p++) {
                job.run(p);                     // nothing to share, or a split inside a piece
            }
            return;
        }
        if (!round.isOver()) {                  // the caller was stopped mid-split (an interrupted
            round = new Round();                // cell): leave that round to its helpers
            ROUND.set(round);
        }
        round.start(job, pieces);
        posted = round;
        for (Helper h : helpers) {
            h.wake();
        }
        round.running = true;
        try {
            round.work();
            round.awaitOthers();
        } finally {
            round.running = false;
        }
        round.finish();
    }

    /**
     * Runs {@code work} with every split inside it on the calling thread alone: for work that
     * already keeps the cores busy, such as a sweep's trainings side by side, where helpers
     * would only take turns with them (measured: a 2-core sweep 10-20% slower).
     */
    public static <T> T onThisThread(Supplier<T> work) {
        Round round = ROUND.get();
        boolean was = round.running;
        round.running = true;
        try {
            return work.get();
        } finally {
            round.running = was;
        }
    }

    /** The threads a split runs on and ND4J's pool sizes, e.g. "Descent 2, OpenMP 1, OpenBLAS 1". */
    public static String describe() {
        return "Descent " + count + ", OpenMP " + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()
                + ", OpenBLAS " + Nd4j.factory().blas().getMaxThreads();
    }

    /** Sets ND4J's own pools, OpenMP and OpenBLAS, to one thread (see the class comment); idempotent. */
    public static void oneThreadInNd4j() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
    }

    /** Reads the override, sets ND4J's own pools to one thread, starts the helpers. */
    private static void configure() {
        oneThreadInNd4j();
        String v = System.getProperty("descent.threads", System.getenv("DESCENT_THREADS"));
        int n = Runtime.getRuntime().availableProcessors();
        if (v != null && !v.isBlank()) {
            try {
                n = Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("descent.threads must be an integer >= 1, got " + v);
            }
        }
        set(n);
    }

    /** One split: its job and a counter of claimed pieces, reused by the thread that posts it. */
    private static final class Round {
        private Pieces job;
        private int pieces;
        /** The number of pieces (high 32 bits) and the next unclaimed piece (low 32 bits). */
        private final AtomicLong claims = new AtomicLong();
        private final AtomicInteger finished = new AtomicInteger();
        private volatile Throwable failure;
        /** True while this thread runs a split's piece (or {@link #onThisThread}): splits then run inline. */
        boolean running;

        void start(Pieces job, int pieces) {
            this.job = job;
            this.pieces = pieces;
            failure = null;
            finished.set(0);
            claims.set((long) pieces << 32);    // publishes job and pieces to the helpers
        }

        /** Claims and runs pieces until none is left; true if it ran any. */
        boolean work() {
            boolean ran = false;
            for (long c = claims.get(); (int) c < (int) (c >>> 32); c = claims.get()) {
                if (!claims.compareAndSet(c, c + 1)) {
                    continue;
                }
                try {
                    if (failure == null) {
                        job.run((int) c);
                    }
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    finished.incrementAndGet();
                }
                ran = true;
            }
            return ran;
        }

        boolean hasWork() {
            long c = claims.get();
            return (int) c < (int) (c >>> 32);
        }

        /** Waits for the pieces the helpers are still running. */
        void awaitOthers() {
            for (int spins = 0; finished.get() < pieces; spins++) {
                if (spins < 10_000) Thread.onSpinWait(); else Thread.yield();
            }
        }

        boolean isOver() {
            return finished.get() >= pieces;
        }

        void finish() {
            job = null;
            Throwable e = failure;
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error r) throw r;
            if (e != null) throw new IllegalStateException(e);
        }
    }

    /** A helper: runs pieces of the posted split, spins a while, then sleeps until woken. */
    private static final class Helper extends Thread {
        private volatile boolean sleeping, retired;

        /**
         * A helper in the root thread group, not in the group of whoever created it: the kernel
         * stops an interrupted cell by stopping the cell's thread group, which must not take the
         * helpers with it.
         */
        Helper(int index) {
            super(root(), "descent-core-" + index);
            setDaemon(true);
        }

        private static ThreadGroup root() {
            ThreadGroup g = Thread.currentThread().getThreadGroup();
            while (g.getParent() != null) {
                g = g.getParent();
            }
            return g;
        }

        void wake() {
            if (sleeping) {
                LockSupport.unpark(this);
            }
        }

        void retire() {
            retired = true;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (!retired) {
                Round r = posted;
                if (r != null && r.work()) {
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_MICROS * 1_000L) {
                    Thread.onSpinWait();
                } else {
                    sleeping = true;
                    r = posted;
                    if (r == null || !r.hasWork()) {
                        LockSupport.park(this);
                    }
                    sleeping = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
