package descent.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Standard output (or error) of the kernel's JVM, routed to the notebook while a cell runs.
 *
 * <p>Text is sent in chunks: at a line end once {@value #MIN_GAP_MS} ms have passed since the last
 * chunk, by {@link #flushPending()} (which the kernel calls every few tens of milliseconds, so a
 * progress line without a newline shows up too) and when the cell ends. Text written after the
 * cell ended (by a thread the cell started) goes on to the same cell's sink, as in ipykernel,
 * until the next cell attaches its own; only before the first cell does text go to the original
 * stream, i.e. the kernel's log.
 */
final class CellStream extends OutputStream {

    private static final long MIN_GAP_MS = 20;

    private final PrintStream fallback;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Consumer<String> target;
    private long lastSent;

    CellStream(PrintStream fallback) {
        this.fallback = fallback;
    }

    /** A print stream over this router (UTF-8). */
    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    /** Sends text to {@code sink} from now on, with what is still pending. */
    synchronized void attach(Consumer<String> sink) {
        target = sink;
    }

    /** The cell has ended: sends what is left (and later text to the same sink). */
    synchronized void detach() {
        flushPending();
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (target == null) {
            fallback.write(b, off, len);
            return;
        }
        pending.write(b, off, len);
        boolean lineEnd = len > 0 && b[off + len - 1] == '\n';
        if (lineEnd && System.currentTimeMillis() - lastSent >= MIN_GAP_MS || pending.size() > 1 << 16) {
            flushPending();
        }
    }

    /** Sends the complete UTF-8 characters collected so far. */
    synchronized void flushPending() {
        if (target == null || pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int end = completeUtf8Length(bytes);
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
        if (end > 0) {
            lastSent = System.currentTimeMillis();
            target.accept(new String(bytes, 0, end, StandardCharsets.UTF_8));
        }
    }

    /** Length of the longest prefix that does not end inside a multi-byte character. */
    private static int completeUtf8Length(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if (b < 0x80) {
                return n;                        // ASCII: complete
            }
            if (b >= 0xC0) {                     // lead byte: is its sequence complete?
                int size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return back >= size ? n : n - back;
            }
        }
        return n;
    }
}
