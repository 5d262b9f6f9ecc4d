package descent.display;

import java.util.Objects;

/**
 * Where the library's rich output goes: charts, tables, progress bars.
 *
 * <p>The library never depends on the Jupyter kernel. Instead the kernel, when it starts, installs
 * a {@link Sink} here; outside a notebook there is none, and output falls back to plain text on
 * standard output. The training loop, for example, shows a live chart in a notebook and logs a
 * compact line per epoch elsewhere.
 */
public final class Display {

    /** A rich front end, such as a notebook. */
    public interface Sink {
        /** Shows {@code value} and returns an id by which it can be replaced later. */
        String display(Object value);

        /** Replaces what was shown under {@code id} with {@code value}. */
        void update(String id, Object value);
    }

    private static volatile Sink sink;

    private Display() {
    }

    /** Installs the front end; the kernel calls this once at start. {@code null} removes it. */
    public static void install(Sink frontEnd) {
        sink = frontEnd;
    }

    /** True when a rich front end is installed, so live charts make sense. */
    public static boolean interactive() {
        return sink != null;
    }

    /** Shows {@code value}; returns its display id, or {@code null} when printed as text. */
    public static String display(Object value) {
        Sink s = sink;
        if (s != null) {
            return s.display(value);
        }
        System.out.println(value);
        return null;
    }

    /** Replaces the output shown under {@code id}; prints {@code value} when there is no front end. */
    public static void update(String id, Object value) {
        Sink s = sink;
        if (s != null && id != null) {
            s.update(id, value);
        } else {
            System.out.println(Objects.toString(value));
        }
    }
}
