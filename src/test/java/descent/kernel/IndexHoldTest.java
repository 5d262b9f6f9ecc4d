package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jdk.jshell.JShell;

/** The hold reaches JShell's index on this JDK, and lets it go once. */
class IndexHoldTest {

    @Test
    void holdsUntilReleased() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            IndexHold hold = new IndexHold(shell.sourceCodeAnalysis());
            assertTrue(hold.holding(), "surefire opens jdk.jshell, as the kernelspec does");
            hold.release();
            assertFalse(hold.holding());
            hold.release();                                  // a second release changes nothing
            assertFalse(hold.holding());
            shell.eval("int x = 1;");                        // JShell's own pause still balances
        }
    }
}
