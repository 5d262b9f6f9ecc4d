package descent.kernel;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.StringModelSource;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.ParsedLineMagic;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The magics IJava and JJava notebooks use, so the same notebooks run here:
 * <ul>
 * <li>{@code %classpath path...} and {@code %jars path...}: add jars or class folders; a file
 *     name may be a glob ({@code lib/*.jar});</li>
 * <li>{@code %maven group:artifact:version...} (also {@code %addMavenDependency},
 *     {@code %addMavenDependencies}): add Maven artifacts with their runtime dependencies;
 *     {@code %mavenRepo id url} (also {@code %addMavenRepo}) adds a repository to search;
 *     {@code %loadFromPOM pom.xml [scope...]} adds a POM's dependencies, and a cell starting with
 *     {@code %%loadFromPOM} does so for the POM, or the {@code <dependency>},
 *     {@code <dependencies>}, {@code <repository>} and {@code <repositories>} elements, below it
 *     ({@link MavenDependencies});</li>
 * <li>{@code %load file}: run a file of snippets, magics included; a name without extension tries
 *     {@code .jsh}, {@code .jshell}, {@code .java} and {@code .ijava}; {@code %load x.ipynb} runs
 *     that notebook's code cells;</li>
 * <li>{@code %time code}: run one line and print its wall time; {@code %%time} as the first line
 *     of a cell times the whole cell.</li>
 * </ul>
 * A magic takes a whole line starting with {@code %}; the lines between magics are Java. After
 * {@code =} a line magic is an expression: {@code List<String> jars = %jars lib/*.jar} (in Java
 * code it is {@code lineMagic("jars", List.of("lib/*.jar"))}). Jars a magic adds come before the
 * kernel's own in cells ({@link UserJars}); a jar the kernel already has, by file name, is not
 * added again.
 */
final class Magics {

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(\\w+)\\s*(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(\\w+)[ \\t]*(.*)\\R?");
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");
    private static final List<String> LOAD_EXTENSIONS = List.of(".jsh", ".jshell", ".java", ".ijava");
    private static final String AVAILABLE = "%classpath, %jars, %maven, %addMavenDependency, %addMavenDependencies,"
            + " %mavenRepo, %addMavenRepo, %loadFromPOM, %load, %time; cell magics %%time, %%loadFromPOM";

    /**
     * Rewrites {@code x = %name args} into a call of {@link Notebook#lineMagic} (jjava's parser
     * splits the arguments; its cell-magic pattern never matches: {@link #run} handles those).
     */
    private static final MagicParser EXPRESSIONS = new MagicParser("(?<==)\\s*%", "\\A(?!)", new MagicTranspiler() {
        @Override
        public String transpileLine(ParsedLineMagic magic) {
            return " descent.kernel.Notebook.lineMagic(" + literal(magic.magicCall.name) + ", java.util.List.of("
                    + magic.magicCall.args.stream().map(Magics::literal).collect(Collectors.joining(", ")) + "));";
        }
    });

    private final Cells cells;
    private final MavenDependencies maven = new MavenDependencies();
    private final Set<String> kernelJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(p -> Path.of(p).getFileName()).filter(p -> p != null).map(Path::toString)
            .collect(Collectors.toUnmodifiableSet());

    Magics(Cells cells) {
        this.cells = cells;
    }

    /** Runs a cell: a cell magic if it starts with one, else line by line (see {@link #runLines}). */
    Cells.Result run(String cell, int count) throws CellException {
        Matcher m = CELL_MAGIC.matcher(cell);
        if (m.lookingAt()) {
            return cellMagic(m.group(1), m.group(2).strip(), cell.substring(m.end()), count);
        }
        return runLines(cell, count, 0);
    }

    /** Runs a cell magic; {@code %%time} runs the rest of the cell, timed. */
    Cells.Result cellMagic(String name, String args, String body, int count) throws CellException {
        switch (name) {
            case "time" -> {
                long start = System.nanoTime();
                try {
                    return runLines(body, count, 1);
                } finally {
                    printWallTime(start);
                }
            }
            case "loadFromPOM" -> {
                StringModelSource pom = new StringModelSource(pom(body, count));
                return addJars("%%" + name, resolve("%%" + name, () -> maven.resolvePom(pom, "the cell's POM",
                        words(args)), count, 0), true, count, 0);
            }
            default -> throw failure("%" + name, "unknown cell magic %%" + name + "; available: " + AVAILABLE, count, 0);
        }
    }

    /** Runs lines: runs of Java lines by JShell, magic lines here; the value is the last one's. */
    Cells.Result runLines(String cell, int count, int firstLine) throws CellException {
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
                cells.runJava(EXPRESSIONS.resolveMagics(java.toString()), count, firstLine + javaStart);
            }
            java.setLength(0);
            String args = m.group(2).strip();
            result = lineMagic(m.group(1), args, words(args), count, firstLine + i);
        }
        if (!java.toString().isBlank()) {
            result = cells.runJava(EXPRESSIONS.resolveMagics(java.toString()), count, firstLine + javaStart);
        }
        return result;
    }

    /** The cell without its magic lines, for the is-complete check; a cell magic's body is not Java. */
    String javaPart(String cell) {
        Matcher cellMagic = CELL_MAGIC.matcher(cell);
        if (cellMagic.lookingAt()) {
            return cellMagic.group(1).equals("time") ? javaPart(cell.substring(cellMagic.end())) : "";
        }
        StringBuilder java = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            if (!LINE_MAGIC.matcher(line).matches()) {
                java.append(EXPRESSIONS.resolveMagics(line)).append('\n');
            }
        }
        return java.toString();
    }

    /** A line magic called from Java ({@code lineMagic(...)}): its value, or an exception. */
    Object call(String name, List<String> args) throws CellException {
        return lineMagic(name, String.join(" ", args), List.copyOf(args), 0, 0).value();
    }

    /** Runs line magic {@code name}; {@code args} as written, and split into {@code words}. */
    private Cells.Result lineMagic(String name, String args, List<String> words, int count, int line)
            throws CellException {
        String magic = "%" + name;
        switch (name) {
            case "classpath", "jars" -> {
                List<Path> paths = new ArrayList<>();
                for (String arg : words) {
                    paths.addAll(glob(arg, magic, count, line));
                }
                return addJars(magic, paths, false, count, line);
            }
            case "maven", "addMavenDependency", "addMavenDependencies" -> {
                if (words.isEmpty()) {
                    throw failure(magic, "give one or more group:artifact:version", count, line);
                }
                return addJars(magic, resolve(magic, () -> maven.resolve(words), count, line), true, count, line);
            }
            case "mavenRepo", "addMavenRepo" -> {
                if (words.size() != 2) {
                    throw failure(magic, "expected a repository id and URL, got " + words, count, line);
                }
                maven.addRepository(words.get(0), words.get(1));
                return Cells.Result.NONE;
            }
            case "loadFromPOM" -> {
                if (words.isEmpty()) {
                    throw failure(magic, "give the POM file, then scopes if not compile and runtime", count, line);
                }
                Path pom = glob(words.get(0), magic, count, line).get(0);
                return addJars(magic, resolve(magic, () -> maven.resolvePom(new FileModelSource(pom.toFile()),
                        pom.toString(), words.subList(1, words.size())), count, line), true, count, line);
            }
            case "load" -> {
                return load(loadable(unquote(args), count, line), count, line);
            }
            case "time" -> {
                long start = System.nanoTime();
                try {
                    return cells.runJava(EXPRESSIONS.resolveMagics(args), count, line);
                } finally {
                    printWallTime(start);
                }
            }
            default -> throw failure(magic, "unknown magic " + magic + "; available: " + AVAILABLE, count, line);
        }
    }

    /** The file {@code %load name} means: as given, else with IJava's extensions in order. */
    private static Path loadable(String name, int count, int line) throws CellException {
        Path path = Path.of(name);
        if (Files.isRegularFile(path) || name.matches(".*\\.[^/\\\\.]+$")) {
            return path;
        }
        for (String extension : LOAD_EXTENSIONS) {
            Path candidate = Path.of(name + extension);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw failure("%load", "no file " + path.toAbsolutePath() + " nor with " + String.join(", ", LOAD_EXTENSIONS),
                count, line);
    }

    /** Runs a file of snippets, or a notebook's code cells one after another. */
    private Cells.Result load(Path file, int count, int line) throws CellException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw failure("%load", "cannot read " + file.toAbsolutePath() + ": " + e, count, line);
        }
        if (!file.toString().endsWith(".ipynb")) {
            return runLines(text, count, line);
        }
        Cells.Result result = Cells.Result.NONE;
        try {
            for (JsonElement c : JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                if (cell.get("cell_type").getAsString().equals("code")) {
                    JsonElement source = cell.get("source");
                    StringBuilder code = new StringBuilder();
                    if (source.isJsonArray()) {
                        source.getAsJsonArray().forEach(s -> code.append(s.getAsString()));
                    } else {
                        code.append(source.getAsString());
                    }
                    result = run(code.toString(), count);
                }
            }
        } catch (RuntimeException e) {
            throw failure("%load", file + " is not a notebook: " + e.getMessage(), count, line);
        }
        return result;
    }

    /** Something a Maven resolution returns, or why not. */
    private interface Resolution {
        List<Path> jars() throws MavenDependencies.Failure;
    }

    private static List<Path> resolve(String magic, Resolution resolution, int count, int line) throws CellException {
        try {
            return resolution.jars();
        } catch (MavenDependencies.Failure e) {
            throw failure(magic, e.getMessage(), count, line);
        }
    }

    /**
     * Adds jars to the session; prints where one clashes with a library the session shares with
     * Descent. Resolved jars the kernel has already (same file name) are left out. The value is
     * the list of paths added.
     */
    private Cells.Result addJars(String magic, List<Path> paths, boolean resolved, int count, int line)
            throws CellException {
        List<String> added = new ArrayList<>();
        for (Path p : paths) {
            if (resolved && kernelJars.contains(String.valueOf(p.getFileName()))) {
                continue;
            }
            String path = p.toAbsolutePath().toString();
            try {
                UserJars.clashes(p, Magics.class.getClassLoader()).forEach(System.err::println);
            } catch (IOException e) {
                throw failure(magic, "cannot read " + path + ": " + e, count, line);
            }
            cells.addToClasspath(path);
            added.add(path);
        }
        return new Cells.Result(added, false);
    }

    /** The POM a {@code %%loadFromPOM} cell means: a whole POM, or its elements put into one. */
    private static String pom(String body, int count) throws CellException {
        if (body.strip().startsWith("<?xml") || body.strip().startsWith("<project")) {
            return body;
        }
        try {
            var builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
            Document parts = builder.parse(new InputSource(new StringReader("<parts>" + body + "</parts>")));
            Document pom = builder.newDocument();
            Element project = (Element) pom.appendChild(pom.createElement("project"));
            Element dependencies = pom.createElement("dependencies");
            Element repositories = pom.createElement("repositories");
            for (Node n = parts.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    switch (e.getTagName()) {
                        case "dependency" -> dependencies.appendChild(pom.importNode(e, true));
                        case "repository" -> repositories.appendChild(pom.importNode(e, true));
                        case "dependencies", "repositories" -> {
                            Element into = e.getTagName().equals("dependencies") ? dependencies : repositories;
                            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                                into.appendChild(pom.importNode(c, true));
                            }
                        }
                        default -> project.appendChild(pom.importNode(e, true));
                    }
                }
            }
            for (String[] field : new String[][] {{"modelVersion", "4.0.0"}, {"groupId", "notebook"},
                    {"artifactId", "cell"}, {"version", "1"}}) {
                if (project.getElementsByTagName(field[0]).getLength() == 0) {
                    project.appendChild(pom.createElement(field[0])).setTextContent(field[1]);
                }
            }
            project.appendChild(dependencies);
            project.appendChild(repositories);
            StringWriter xml = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(pom), new StreamResult(xml));
            return xml.toString();
        } catch (Exception e) {
            throw failure("%%loadFromPOM", "the cell is not POM XML: " + e.getMessage(), count, 0);
        }
    }

    /** The files {@code pattern} names; a glob in the last path element may match several. */
    static List<Path> glob(String pattern, String magic, int count, int line) throws CellException {
        Path path = Path.of(pattern);
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

    /** The words of a magic's arguments; quotes ("a b" or 'a b') keep spaces in one. */
    private static List<String> words(String args) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(args);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }

    private static String unquote(String s) {
        List<String> words = words(s);
        return words.size() == 1 ? words.get(0) : s.strip();
    }

    /** {@code s} as a Java string literal. */
    private static String literal(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    private static CellException failure(String magic, String message, int count, int line) {
        List<String> trace = new ArrayList<>();
        message.lines().forEach(m -> trace.add("In [" + count + "], line " + (line + 1) + ": " + magic + ": " + m));
        return new CellException("MagicException", magic + ": " + message, trace);
    }

    private static void printWallTime(long startNanos) {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        System.out.println(ms < 1000 ? String.format(Locale.ROOT, "Wall time: %.1f ms", ms)
                : String.format(Locale.ROOT, "Wall time: %.2f s", ms / 1000));
    }
}
