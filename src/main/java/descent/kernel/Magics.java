package descent.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The magics IJava and JJava notebooks use, so the same notebooks run here:
 * <ul>
 * <li>{@code %classpath path...} and {@code %jars path...}: add jars or class folders; a file
 *     name may be a glob ({@code lib/*.jar});</li>
 * <li>{@code %load file}: run a file of Java snippets (.jsh or .java);</li>
 * <li>{@code %time code}: run one line and print its wall time; {@code %%time} as the first line
 *     of a cell times the whole cell.</li>
 * </ul>
 * A magic takes a whole line starting with {@code %}; the lines between magics are Java.
 */
final class Magics {

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(\\w+)\\s*(.*)$");
    private static final Pattern CELL_TIME = Pattern.compile("^\\s*%%time\\s*\\R");

    private final Cells cells;

    Magics(Cells cells) {
        this.cells = cells;
    }

    /** Runs a cell: line by line, Java runs of lines by JShell, magic lines here. */
    Cells.Result run(String cell, int count) throws CellException {
        Matcher timed = CELL_TIME.matcher(cell);
        if (timed.find()) {
            long start = System.nanoTime();
            try {
                return runLines(cell.substring(timed.end()), count, 1);
            } finally {
                printWallTime(start);
            }
        }
        return runLines(cell, count, 0);
    }

    private Cells.Result runLines(String cell, int count, int firstLine) throws CellException {
        String[] lines = cell.split("\n", -1);
        Cells.Result result = Cells.Result.NONE;
        StringBuilder java = new StringBuilder();
        int javaStart = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE_MAGIC.matcher(lines[i]);
            if (!m.matches()) {
                if (java.length() == 0) {
                    javaStart = i;
                }
                java.append(lines[i]).append('\n');
                continue;
            }
            if (!java.toString().isBlank()) {
                cells.runJava(java.toString(), count, firstLine + javaStart);
            }
            java.setLength(0);
            result = magic(m.group(1), m.group(2).strip(), count, firstLine + i);
        }
        if (!java.toString().isBlank()) {
            result = cells.runJava(java.toString(), count, firstLine + javaStart);
        }
        return result;
    }

    /** The cell without its magic lines, for the is-complete check. */
    String javaPart(String cell) {
        StringBuilder java = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            if (!LINE_MAGIC.matcher(line).matches() && !line.strip().startsWith("%%")) {
                java.append(line).append('\n');
            }
        }
        return java.toString();
    }

    private Cells.Result magic(String name, String args, int count, int line) throws CellException {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "classpath", "jars" -> {
                for (String arg : args.split("\\s+")) {
                    if (!arg.isEmpty()) {
                        for (Path p : glob(arg, name, count, line)) {
                            cells.addToClasspath(p.toAbsolutePath().toString());
                        }
                    }
                }
                return Cells.Result.NONE;
            }
            case "load" -> {
                Path file = Path.of(unquote(args));
                String code;
                try {
                    code = Files.readString(file);
                } catch (IOException e) {
                    throw failure(name, "cannot read " + file.toAbsolutePath() + ": " + e, count, line);
                }
                return cells.runJava(code, count, line);
            }
            case "time" -> {
                long start = System.nanoTime();
                try {
                    return cells.runJava(args, count, line);
                } finally {
                    printWallTime(start);
                }
            }
            default -> throw failure(name, "unknown magic %" + name
                    + "; available: %classpath, %jars, %load, %time, %%time", count, line);
        }
    }

    /** The files {@code pattern} names; a glob in the last path element may match several. */
    private static List<Path> glob(String pattern, String magic, int count, int line) throws CellException {
        Path path = Path.of(unquote(pattern));
        String last = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!last.contains("*") && !last.contains("?") && !last.contains("[") && !last.contains("{")) {
            if (!Files.exists(path)) {
                throw failure(magic, "no such file: " + path.toAbsolutePath(), count, line);
            }
            return List.of(path);
        }
        Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, last)) {
            files.forEach(found::add);
        } catch (IOException e) {
            throw failure(magic, "cannot list " + dir.toAbsolutePath() + ": " + e, count, line);
        }
        if (found.isEmpty()) {
            throw failure(magic, "nothing matches " + path.toAbsolutePath(), count, line);
        }
        found.sort(null);
        return found;
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))
                ? t.substring(1, t.length() - 1) : t;
    }

    private static CellException failure(String magic, String message, int count, int line) {
        return new CellException("MagicException", "%" + magic + ": " + message,
                List.of("In [" + count + "], line " + (line + 1) + ": %" + magic + ": " + message));
    }

    private static void printWallTime(long startNanos) {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        System.out.println(ms < 1000 ? String.format(Locale.ROOT, "Wall time: %.1f ms", ms)
                : String.format(Locale.ROOT, "Wall time: %.2f s", ms / 1000));
    }
}
