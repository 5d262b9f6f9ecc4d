package descent.kernel;

import java.util.List;

/**
 * A cell's failure as the notebook shows it: the exception's real name (e.g.
 * {@code java.lang.ArithmeticException}), its message, and a traceback trimmed to the user's code.
 */
final class CellException extends Exception {

    private final String name;
    private final List<String> traceback;

    CellException(String name, String message, List<String> traceback) {
        super(message, null, false, false);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    String name() {
        return name;
    }

    List<String> traceback() {
        return traceback;
    }
}
