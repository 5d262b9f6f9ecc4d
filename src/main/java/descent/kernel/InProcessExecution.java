package descent.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
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
 * {@code LocalExecutionControl}; {@link #stop()} stops that group: the snippet and any thread it
 * started. The group is a daemon group, so it goes away with its last thread (JShell's groups
 * stay attached to their parent: a small leak per cell). {@code Thread.stop} works on Java 17;
 * later JDKs degrade it, see the package documentation.
 */
final class InProcessExecution extends DirectExecutionControl {

    private final SnippetLoader loader;
    private volatile ThreadGroup running;
    private volatile boolean stopped;
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

    /** True if the last {@link #stop()} hit a running snippet; reading it clears it. */
    boolean takeStopped() {
        boolean was = stopped;
        stopped = false;
        return was;
    }

    @Override
    @SuppressWarnings("removal")
    protected String invoke(Method doit) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ThreadGroup group = new ThreadGroup("cell");
        group.setDaemon(true);
        Thread thread = new Thread(group, () -> {
            try {
                result.set(doit.invoke(null));
            } catch (InvocationTargetException e) {
                failure.set(e.getCause());
            } catch (Throwable e) {
                failure.set(e);
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
        Throwable thrown = failure.get();
        if (thrown instanceof ThreadDeath && stopped) {
            throw new StoppedException();
        }
        if (thrown != null) {
            throw new InvocationTargetException(thrown);
        }
        lastValue = result.get();
        return valueString(lastValue);
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        ThreadGroup group = running;
        if (group != null) {
            stopped = true;
            group.stop();
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
