package descent.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel's own JVM, so the value of a cell is the real object
 * (a chart, a table, an array) that the kernel can render, not its {@code toString()}.
 *
 * <p>Each snippet runs on a fresh thread in a thread group of its own, as in JShell's
 * {@code LocalExecutionControl}; ND4J's default generator goes with it from one snippet's thread to the
 * next ({@link SessionRandom}). The group is a daemon group, so it goes away with its last
 * thread (JShell's groups stay attached to their parent: a small leak per cell). {@link #stop()}
 * interrupts the group's threads, the snippet and any thread it started; the stop checks that
 * {@link CellGuard} puts into cell code end them at their next loop turn or call.
 */
final class InProcessExecution extends DirectExecutionControl {

    /** How long a stopped snippet may go on in code without stop checks before Thread.stop, where it works. */
    private static final long GRACE_MS = 500;

    private static final ScheduledExecutorService STOPPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cell-stopper");
        t.setDaemon(true);
        return t;
    });

    private final SnippetLoader loader;
    private volatile ThreadGroup running;
    private Object lastValue;

    InProcessExecution(SnippetLoader loader) {
        super(loader);
        this.loader = loader;
    }

    /** The value of the last snippet run, or {@code null}; reading it forgets it. */
    Object takeLastValue() {
        Object value = lastValue;
        lastValue = null;
        return value;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        if (CellGuard.stopRequested()) {
            throw new StoppedException();
        }
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ThreadGroup group = new ThreadGroup("cell");
        group.setDaemon(true);
        Thread thread = new Thread(group, () -> {
            try {
                SessionRandom.adopt();
                result.set(doit.invoke(null));
            } catch (InvocationTargetException e) {
                failure.set(e.getCause());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                SessionRandom.keep();
            }
        }, "cell");
        thread.setContextClassLoader(loader.classLoader());
        ThreadGroup outer = running;                // a cell's eval(...) runs snippets inside it
        running = group;
        try {
            thread.start();
            thread.join();
        } finally {
            running = outer;
        }
        if (CellGuard.stopRequested()) {
            throw new StoppedException();
        }
        Throwable thrown = failure.get();
        if (thrown != null) {
            throw new InvocationTargetException(thrown);
        }
        lastValue = result.get();
        return valueString(lastValue);
    }

    /**
     * Interrupts the running snippet's threads. Code without stop checks (a library's loop) that
     * still runs {@value #GRACE_MS} ms later is stopped with {@code Thread.stop} on Java 17 to 19,
     * except while it initializes a class (stopped there, the class would stay unusable for the
     * session, e.g. ND4J on its first use); on Java 20 and later it runs to its next stop check.
     */
    @Override
    public void stop() {
        ThreadGroup group = running;
        if (group != null) {
            group.interrupt();
            STOPPER.schedule(() -> forceStop(group), GRACE_MS, TimeUnit.MILLISECONDS);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void forceStop(ThreadGroup group) {
        if (running != group) {
            return;
        }
        Thread[] threads = new Thread[group.activeCount() + 8];
        for (Thread thread : Arrays.copyOf(threads, group.enumerate(threads))) {
            if (Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getMethodName().equals("<clinit>"))) {
                STOPPER.schedule(() -> forceStop(group), 100, TimeUnit.MILLISECONDS);
                return;
            }
            try {
                thread.stop();
            } catch (UnsupportedOperationException e) {
                return;                                     // Java 20+: only the stop checks remain
            }
        }
    }

    /** Hands JShell this engine; {@link Kernel} keeps the same instance to read values. */
    static final class Provider implements ExecutionControlProvider {
        private final InProcessExecution engine;

        Provider(InProcessExecution engine) {
            this.engine = engine;
        }

        @Override
        public String name() {
            return "descent-in-process";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return engine;
        }
    }
}
