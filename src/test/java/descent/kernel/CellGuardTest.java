package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classes rewritten by {@link CellGuard}: exits refused and named, loops stoppable, the rest unchanged. */
class CellGuardTest {

    private static final String SOURCE = """
            public class Cell {
                public static void exit() { System.exit(3); }
                public static void runtimeExit() { Runtime.getRuntime().exit(4); }
                public static void halt() { Runtime.getRuntime().halt(5); }
                public static void exitByReference() { java.util.function.IntConsumer end = System::exit; end.accept(6); }
                public static long spin() { long n = 0; while (true) { n++; } }
                public static int sum(int to) { int s = 0; for (int i = 1; i <= to; i++) { s += i; } return s; }
            }
            """;

    @TempDir
    Path work;

    @AfterEach
    void endCell() {
        CellGuard.cellEnds();
    }

    private Class<?> rewrittenCell() throws Exception {
        Path source = work.resolve("Cell.java");
        Files.writeString(source, SOURCE);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", work.toString(), source.toString()));
        byte[] rewritten = CellGuard.rewrite(Files.readAllBytes(work.resolve("Cell.class")));
        return new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass("Cell", rewritten, 0, rewritten.length);
            }
        }.define();
    }

    private static Throwable thrownBy(Class<?> cell, String method) throws Exception {
        Method m = cell.getMethod(method);
        return assertThrows(InvocationTargetException.class, () -> m.invoke(null)).getCause();
    }

    @Test
    void exitsAreRefusedAndNamed() throws Exception {
        Class<?> cell = rewrittenCell();
        assertEquals("System.exit(3) was called in a cell; the kernel keeps running (restart the kernel to start afresh)",
                thrownBy(cell, "exit").getMessage());
        assertTrue(thrownBy(cell, "runtimeExit").getMessage().startsWith("Runtime.exit(4) was called"));
        assertTrue(thrownBy(cell, "halt").getMessage().startsWith("Runtime.halt(5) was called"));
        assertTrue(thrownBy(cell, "exitByReference").getMessage().startsWith("System.exit(6) was called"));
        assertTrue(thrownBy(cell, "halt") instanceof SecurityException);
    }

    @Test
    void aStopRequestEndsALoopAndOnlyWhileACellRuns() throws Exception {
        Class<?> cell = rewrittenCell();
        assertEquals(5050, cell.getMethod("sum", int.class).invoke(null, 100));
        assertEquals(false, CellGuard.requestStop(), "no cell runs: nothing to stop");
        CellGuard.cellStarts();
        Thread stopper = new Thread(() -> {
            sleep(200);
            CellGuard.requestStop();
        });
        stopper.start();
        assertTrue(thrownBy(cell, "spin") instanceof CellGuard.Stopped);
        stopper.join();
        CellGuard.cellEnds();
        assertEquals(55, cell.getMethod("sum", int.class).invoke(null, 10), "after the cell, code runs on");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
