package descent.kernel;

import java.util.List;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What a cell can call directly (the kernel imports these statically): IJava's display API and
 * its helpers.
 *
 * <pre>{@code
 * String id = display(chart);               // shows the chart, returns its display id
 * ...                                       // add points
 * updateDisplay(id, chart);                 // redraws it in place
 * display(chart, "image/svg+xml");          // this once as SVG
 * display("<b>bold</b>", "text/html");      // a string as the content of a MIME type
 * List<String> jars = lineMagic("jars", List.of("lib/*.jar"));   // also: = %jars lib/*.jar
 * clearOutput();                          // empties the cell's output
 * }</pre>
 * MIME types are checked: one that is not type/subtype, or that the value cannot be shown as, is
 * an error ({@link Renderers}).
 */
public final class Notebook {

    static volatile Kernel kernel;

    private Notebook() {
    }

    /** Shows {@code value} below the cell; returns the id by which it can be updated. */
    public static String display(Object value) {
        return running().display(value, List.of());
    }

    /** Shows {@code value} as exactly {@code mimeTypes}, e.g. "text/html", "image/svg+xml". */
    public static String display(Object value, String... mimeTypes) {
        return running().display(value, List.of(mimeTypes));
    }

    /** Replaces the output shown under {@code id} with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        running().updateDisplay(id, value, List.of());
    }

    /** Replaces the output shown under {@code id} with {@code value} as exactly {@code mimeTypes}. */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        running().updateDisplay(id, value, List.of(mimeTypes));
    }

    /** {@code value} as display data, shown where the cell ends with it (or passed to display). */
    public static DisplayData render(Object value) {
        return Kernel.displayData(value, List.of());
    }

    /** {@code value} as display data of exactly {@code mimeTypes}. */
    public static DisplayData render(Object value, String... mimeTypes) {
        return Kernel.displayData(value, List.of(mimeTypes));
    }

    /** The running kernel. */
    public static Kernel getKernelInstance() {
        return running();
    }

    /** Runs {@code code} (Java and magics) in this session now; the value of its last expression, or null. */
    public static Object eval(String code) {
        return running().evalRaw(code);
    }

    /** Runs line magic {@code name} (without %) with {@code args}; e.g. %jars gives the jars it added. */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) {
        try {
            return (T) running().cells().magics().call(name, args);
        } catch (CellException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    /** Runs cell magic {@code name} (without %%) with {@code args} on {@code body}. */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, List<String> args, String body) {
        try {
            return (T) running().cells().magics().cellMagic(name, String.join(" ", args), body, 0).value();
        } catch (CellException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    /** {@code System.out.printf}, as IJava's and JShell's sessions have it. */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    /** Clears what the cell has shown so far (text, displays), e.g. before showing a new frame. */
    public static void clearOutput() {
        running().clearOutput();
    }

    private static Kernel running() {
        Kernel k = kernel;
        if (k == null) {
            throw new IllegalStateException("display(...) needs the Descent Jupyter kernel");
        }
        return k;
    }
}
