package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compactor forgets finished snippets without changing what cells do: declarations made in
 * one cell keep working in later ones, objects made by forgotten cells keep working, and a long
 * run of cells leaves JShell with as many snippets as at its start.
 */
class CompactorTest {

    private Cells cells;
    private int count;

    @BeforeEach
    void start() {
        cells = new Cells(null);
    }

    @AfterEach
    void stop() {
        cells.close();
    }

    private Object run(String code) throws CellException {
        return cells.run(code, ++count).value();
    }

    @Test
    void isOnInTheKernelsJvm() {
        assertEquals("on", cells.compaction(), "surefire and the kernelspec open jdk.jshell to the kernel");
    }

    @Test
    void aLongRunOfCellsKeepsNoSnippets() throws CellException {
        run("int base = 7;");
        run("int twice(int x) { return 2 * x; }");
        long declared = cells.shell().snippets().count();
        for (int i = 0; i < 300; i++) {
            assertEquals(2 * (base(i)), run("twice(base + " + i + ")"));
            run("int unused = " + i + ";");                      // a redeclaration replaces the last
            run("System.out.print(\"\");");                      // a statement
        }
        assertEquals(declared + 1, cells.shell().snippets().count(), "the live ones, and the last 'unused'");
    }

    private static int base(int i) {
        return 7 + i;
    }

    @Test
    void classesAndPackagePrivateMembersOutliveTheirCells() throws CellException {
        run("class Counter { int n; void add() { n++; } }");
        run("Counter c = new Counter();");
        for (int i = 0; i < 5; i++) {
            run("c.add();");
        }
        assertEquals(5, run("c.n"));
        run("List<Runnable> later = new ArrayList<>();");
        run("later.add(() -> c.add());");                            // a lambda of a finished statement
        run("later.add(new Runnable() { public void run() { c.n += 10; } });");
        run("later.forEach(Runnable::run);");
        assertEquals(16, run("c.n"));
    }

    @Test
    void dependentsFollowARedeclaredVariable() throws CellException {
        run("int scale = 2;");
        run("int scaled(int x) { return scale * x; }");
        assertEquals(6, run("scaled(3)"));
        run("int scale = 5;");
        assertEquals(15, run("scaled(3)"));
        run("String scale = \"no longer a number\";");              // the method is now unresolved
        CellException e = assertThrows(CellException.class, () -> run("scaled(3)"));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
        run("int scale = 4;");
        assertEquals(12, run("scaled(3)"));
    }

    @Test
    void errorsStillNameTheirCells() throws CellException {
        run("int fail(int x) {\n  return 10 / x;\n}");
        CellException e = assertThrows(CellException.class, () -> run("int y = 1;\nfail(0)"));
        assertEquals("java.lang.ArithmeticException", e.name());
        assertTrue(e.traceback().stream().anyMatch(l -> l.contains("at fail (In [1], line 2)")), e.traceback().toString());
        assertTrue(e.traceback().stream().anyMatch(l -> l.contains("at cell (In [2], line 2)")), e.traceback().toString());
        CellException rejected = assertThrows(CellException.class, () -> run("int z = \"text\";"));
        assertEquals("CompilationException", rejected.name());
        assertEquals(1, run("y"));
    }
}
