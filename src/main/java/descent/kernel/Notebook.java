package descent.kernel;

/**
 * What a cell can call directly (the kernel imports these statically): show a value now, and
 * replace it later, e.g. for a live chart.
 *
 * <pre>{@code
 * String id = display(chart);          // shows the chart, returns its display id
 * ...                                  // add points
 * updateDisplay(id, chart);            // redraws it in place
 * display(chart, "svg");               // this once as SVG
 * clearOutput();                       // empties the cell's output
 * }</pre>
 */
public final class Notebook {

    static volatile Kernel kernel;

    private Notebook() {
    }

    /** Shows {@code value} below the cell; returns the id by which it can be updated. */
    public static String display(Object value) {
        return running().display(value, null);
    }

    /** Shows {@code value} in {@code format}: "png" or "svg" for charts. */
    public static String display(Object value, String format) {
        return running().display(value, format);
    }

    /** Replaces the output shown under {@code id} with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        running().updateDisplay(id, value, null);
    }

    /** Replaces the output shown under {@code id} with {@code value} in {@code format}. */
    public static void updateDisplay(String id, Object value, String format) {
        running().updateDisplay(id, value, format);
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
