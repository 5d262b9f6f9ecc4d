package descent.kernel;

import java.lang.reflect.Method;

import jdk.jshell.SourceCodeAnalysis;

/**
 * Holds back JShell's class path index until the first cell has run, or completion is asked for.
 *
 * <p>As soon as it is asked for its {@link SourceCodeAnalysis}, JShell starts indexing every
 * class of the JDK and of the class path on a thread of its own, for completion. On two cores
 * that thread took CPU from the kernel's start: over five starts each, run in turns, 1.83 s to
 * the first result with the index held back against 2.06 s without. JShell pauses the index
 * itself while a cell runs, through the same two methods used here, which it does not expose:
 * they are called by reflection (the kernel's JVM opens {@code jdk.jshell}, see
 * {@link Compactor}). Without that, the index is not held back and nothing else changes.
 */
final class IndexHold {

    private final SourceCodeAnalysis analysis;
    private boolean held;

    /** Holds the index of {@code analysis} back until {@link #release()}. */
    IndexHold(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
        held = call("suspendIndexing");
    }

    /** True while the index is held back. */
    boolean holding() {
        return held;
    }

    /** Lets the index go on; only the first call does anything. */
    void release() {
        if (held) {
            held = false;
            call("resumeIndexing");
        }
    }

    private boolean call(String name) {
        try {
            Method method = analysis.getClass().getMethod(name);
            method.setAccessible(true);
            method.invoke(analysis);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
