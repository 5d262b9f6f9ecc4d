package descent.kernel;

import java.lang.reflect.Field;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.RandomFactory;

/**
 * One ND4J generator for every snippet of a session, so that {@code Nd4j.getRandom().setSeed(42);}
 * seeds the {@code Nd4j.randn(…)} of the next statement and of the next cell.
 *
 * <p>ND4J keeps its default generator, {@code Nd4j.getRandom()}, per thread, and each snippet runs
 * on a thread of its own ({@link InProcessExecution}, as in JShell and IJava). Left alone, every
 * statement would draw from a fresh generator seeded from the clock, and a seed set in one
 * statement would be lost by the next: a lesson's "random" inputs would change on every run while
 * the code said they were seeded. So the generator of the first snippet that runs after ND4J has
 * loaded is kept, and handed to the thread of every later snippet. Threads that a cell starts
 * itself keep ND4J's rule, a generator of their own.
 */
final class SessionRandom {

    /** The package of ND4J's CPU generator: defined once ND4J's initialisation has chosen it. */
    private static final String GENERATOR_PACKAGE = "org.nd4j.linalg.cpu.nativecpu.rng";

    /** ND4J's per-thread generators (its RandomFactory's ThreadLocal), found once the session is kept. */
    private static volatile ThreadLocal<Random> perThread;
    private static volatile Random session;

    private SessionRandom() {
    }

    /** Makes the session's generator this thread's {@code Nd4j.getRandom()}; call first on a snippet's thread. */
    static void adopt() {
        Random random = session;
        if (random != null) {
            perThread.set(random);
        }
    }

    /**
     * Keeps this thread's {@code Nd4j.getRandom()} as the session's, if there is none yet and ND4J
     * has loaded (asking earlier would load ND4J for a cell that never used it); call last on a
     * snippet's thread.
     */
    static void keep() {
        if (session != null || ClassLoader.getSystemClassLoader().getDefinedPackage(GENERATOR_PACKAGE) == null) {
            return;
        }
        try {
            perThread = threadRandom();             // written before session: adopt reads session first
            session = Nd4j.getRandom();
        } catch (LinkageError e) {
            // ND4J failed to load: the cell reports that itself; there is no generator to keep
        }
    }

    @SuppressWarnings("unchecked")
    private static ThreadLocal<Random> threadRandom() {
        try {
            Field field = RandomFactory.class.getDeclaredField("threadRandom");
            field.setAccessible(true);
            return (ThreadLocal<Random>) field.get(Nd4j.getRandomFactory());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ND4J's RandomFactory has no field threadRandom: "
                    + "this ND4J keeps its generators another way", e);
        }
    }
}
