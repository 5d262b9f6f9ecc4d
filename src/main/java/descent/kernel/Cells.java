package descent.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The kernel's JShell: runs cells (Java snippets and magics), keeps their values as real objects,
 * and turns failures into {@link CellException}s that point at the cell and line.
 */
final class Cells {

    /**
     * Imported in every session (JShell's and IJava's defaults, then Descent's); the descent
     * packages only if they are on the class path.
     */
    static final List<String> IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*", "java.util.concurrent.*",
            "java.util.function.*", "java.util.prefs.*", "java.util.regex.*", "java.util.stream.*",
            "descent.optim.*", "descent.schedule.*", "descent.init.*", "descent.surface.*",
            "descent.plot.*", "descent.nn.*", "descent.train.*", "descent.data.*", "descent.display.*",
            "org.nd4j.linalg.factory.Nd4j", "org.nd4j.linalg.api.ndarray.INDArray",
            "org.knowm.xchart.*", "tech.tablesaw.api.*",
            "static descent.kernel.Notebook.*");

    /** What a cell evaluated to: a value to show, or nothing (a statement, a declaration). */
    record Result(Object value, boolean hasValue) {
        static final Result NONE = new Result(null, false);
    }

    private final SnippetLoader loader = new SnippetLoader();
    private final InProcessExecution engine = new InProcessExecution(loader);
    private final JShell shell;
    private final Compactor compactor;
    private final SourceCodeAnalysis analysis;
    private final IndexHold indexHold;
    private final Magics magics;
    private final Settings settings = Settings.from(System.getenv());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cell-timeout");
        t.setDaemon(true);
        return t;
    });
    private volatile int running;
    /** Where each snippet came from: cell number and first line (0-based), for tracebacks. */
    private record Origin(int cell, int line) {
    }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private boolean librarySourcesAdded;

    Cells(Kernel kernel) {
        shell = JShell.builder()
                .executionEngine(new InProcessExecution.Provider(engine), Map.of())
                .compilerOptions(Stream.concat(Stream.of("-proc:none"), settings.compilerOptions().stream())
                        .toArray(String[]::new))
                .fileManager(IndexedFileManager::new)
                .build();
        analysis = shell.sourceCodeAnalysis();
        indexHold = new IndexHold(analysis);
        compactor = new Compactor(shell, loader);
        if (!compactor.status().equals("on")) {
            System.err.println("descent kernel: finished snippets are kept (compactor " + compactor.status() + ")");
        }
        magics = new Magics(this);
        Notebook.kernel = kernel;
        for (String name : IMPORTS) {
            if (available(name)) {
                shell.eval("import " + name + ";");
            }
        }
        startup();
    }

    /** The kernelspec's class path and start-up scripts ({@link Settings}); failures go to the log. */
    private void startup() {
        try {
            for (String path : settings.classPath()) {
                magics.run("%classpath \"" + path + "\"", 0);
            }
            for (String pattern : settings.startupScripts()) {
                for (Path script : Magics.glob(pattern, "IJAVA_STARTUP_SCRIPTS_PATH", 0, 0)) {
                    magics.run("%load \"" + script + "\"", 0);
                }
            }
            if (settings.startupScript() != null) {
                magics.run(settings.startupScript(), 0);
            }
        } catch (CellException e) {
            Kernel.log("start-up: " + String.join("\n", e.traceback()));
        }
    }

    /** True if the package or class {@code name} (an import without "import") can be found. */
    private static boolean available(String name) {
        String dotted = name.replace("static ", "").replace(".*", "");
        String path = dotted.replace('.', '/');
        ClassLoader loader = Cells.class.getClassLoader();
        return loader.getResource(path) != null || loader.getResource(path + ".class") != null
                || ModuleLayer.boot().modules().stream().anyMatch(m -> m.getPackages().contains(dotted));
    }

    JShell shell() {
        return shell;
    }

    /** Whether finished snippets are forgotten ("on"), or why not. */
    String compaction() {
        return compactor.status();
    }

    /** JShell's analysis, for completion and inspection (which also end the index's hold). */
    SourceCodeAnalysis analysis() {
        indexHold.release();
        return analysis;
    }

    /** Runs a whole cell: magics first, then Java. */
    Result run(String cell, int count) throws CellException {
        running = count;
        Deadline deadline = new Deadline(settings.timeoutMillis());
        try (deadline) {
            return magics.run(cell, count);
        } catch (CellException e) {
            if (deadline.expired()) {
                String message = "the cell ran longer than the kernelspec's timeout (IJAVA_TIMEOUT) of "
                        + settings.timeoutMillis() + " ms and was stopped (" + e.name() + ")";
                throw new CellException("TimeoutException", message, List.of("TimeoutException: " + message));
            }
            throw e;
        } finally {
            indexHold.release();                    // after the first cell, see IndexHold
        }
    }

    /**
     * Stops the cell it was made for, and only that cell, when it runs past {@code millis} (none
     * when not positive): a timer that fires as the cell ends must not stop the next one.
     */
    private final class Deadline implements AutoCloseable {
        private final ScheduledFuture<?> timeout;
        private boolean ended;
        private boolean expired;

        Deadline(long millis) {
            timeout = millis > 0 ? timer.schedule(this::expire, millis, TimeUnit.MILLISECONDS) : null;
        }

        private synchronized void expire() {
            if (!ended && CellGuard.requestStop()) {           // as an interrupt does (Kernel.interrupt)
                expired = true;
                engine.stop();
            }
        }

        synchronized boolean expired() {
            return expired;
        }

        @Override
        public synchronized void close() {
            ended = true;
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }

    /** Runs {@code code} (magics included) from within the running cell; its value, or null. */
    Object eval(String code) throws CellException {
        return magics.runLines(code, running, 0).value();
    }

    Magics magics() {
        return magics;
    }

    /** Adds jars or class directories to the running session. */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /**
     * Runs Java source (one or more snippets) that starts at {@code firstLine} (0-based) of cell
     * {@code count}; the result is the value of the last snippet if that is an expression.
     */
    Result runJava(String code, int count, int firstLine) throws CellException {
        Result result = Result.NONE;
        String rest = code;
        int consumed = 0;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            String source;
            String remaining;
            if (info.completeness().isComplete()) {
                source = info.source();
                remaining = info.remaining();
            } else {
                source = rest;
                remaining = "";
            }
            String taken = rest.substring(0, rest.length() - remaining.length());
            int start = taken.indexOf(source.strip().replaceAll(";$", ""));
            int line = firstLine + lines(code, consumed + Math.max(start, 0));
            if (CellGuard.stopRequested()) {
                throw interrupted(count, line);
            }
            result = runSnippet(source, count, line, code, firstLine, consumed);
            consumed += taken.length();
            rest = remaining;
        }
        return result;
    }

    private Result runSnippet(String source, int count, int line, String code, int firstLine, int offset)
            throws CellException {
        List<SnippetEvent> events = shell.eval(source);
        try {
            return outcome(events, count, line, code, firstLine, offset);
        } finally {
            forgetFinished(events);
        }
    }

    /** The value of the snippet just evaluated, or the failure it met. */
    private Result outcome(List<SnippetEvent> events, int count, int line, String code, int firstLine, int offset)
            throws CellException {
        Object value = engine.takeLastValue();
        if (CellGuard.stopRequested()) {
            throw interrupted(count, line);
        }
        Result result = Result.NONE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), new Origin(count, line));
            if (!event.status().isDefined()) {
                throw notDefined(snippet, event.status(), count, code, firstLine, offset);
            }
            if (event.exception() != null) {
                throw runtimeError(event.exception());
            }
            if (isExpression(snippet)) {
                result = new Result(value, true);
            }
            if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                shell.drop(snippet);            // not kept as $1, $2, …: see below
            }
        }
        return result;
    }

    static CellException interrupted(int count, int line) {
        return new CellException("Interrupted", "the cell was stopped by an interrupt request",
                List.of("Interrupted: the cell was stopped at In [" + count + "], near line " + (line + 1)));
    }

    /**
     * The error for a snippet JShell did not define: rejected, or kept as
     * {@code RECOVERABLE_NOT_DEFINED}. The latter is dropped, so it cannot break later cells, and
     * after a snippet too large for a class file javac starts afresh ({@link Compactor#renewCompiler}).
     */
    private CellException notDefined(Snippet snippet, Snippet.Status status, int count, String code, int firstLine,
            int offset) {
        CellException error = compileError(snippet, count, code, firstLine, offset);
        if (status.isActive()) {
            shell.drop(snippet);
        }
        if (error.getMessage().matches("code too large|too many constants")) {
            compactor.renewCompiler();
        }
        return error;
    }

    /** Lets the compactor forget this eval's snippets that are done, and their origins. */
    private void forgetFinished(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            if (compactor.retire(event.snippet())) {
                origins.remove(event.snippet().id());
            }
        }
        compactor.sweep();
    }

    /*
     * Why a cell's value is not kept as JShell's $1, $2, …: JShell compiles every new snippet
     * with an import of each live variable, so a session of expression cells slows down cell by
     * cell (measured: 15 ms per cell after 300 cells, 45 ms after 1,500; 10.5 ms with the values
     * dropped). Variables the cell declares (var x = …) are kept as usual.
     */

    private static boolean isExpression(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, ASSIGNMENT_SUBKIND -> true;
            default -> false;
        } && !(snippet instanceof VarSnippet v && v.typeName().equals("void"));
    }

    /** The rejected snippet's errors; each names the cell line holding the offending text. */
    private CellException compileError(Snippet snippet, int count, String code, int firstLine, int offset) {
        String source = snippet.source();
        List<String> trace = new ArrayList<>();
        String first = null;
        for (Diag diag : shell.diagnostics(snippet).collect(Collectors.toList())) {
            if (!diag.isError()) {
                continue;
            }
            int at = (int) Math.max(0, Math.min(diag.getStartPosition(), source.length()));
            int lineStart = source.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = source.indexOf('\n', at);
            String codeLine = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            int end = (int) Math.min(Math.max(diag.getEndPosition(), at + 1), lineStart + codeLine.length());
            String message = diag.getMessage(Locale.ROOT).replaceAll("\\R\\s*location: class\\s*$", "");
            first = first == null ? message.lines().findFirst().orElse(message) : first;
            int inCell = code.indexOf(codeLine.strip(), offset);
            int cellLine = firstLine + lines(code, inCell < 0 ? offset : inCell) + 1;
            trace.add("In [" + count + "], line " + cellLine + ": " + message);
            trace.add("    " + codeLine);
            trace.add("    " + " ".repeat(at - lineStart) + "^" + "~".repeat(Math.max(0, end - at - 1)));
        }
        if (first == null) {
            String unresolved = snippet instanceof DeclarationSnippet d
                    ? shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) : "";
            first = "JShell could not define " + source.strip().lines().findFirst().orElse("")
                    + (unresolved.isEmpty() ? "" : " (it uses something not yet declared: " + unresolved + ")");
            trace.add(first);
        }
        return new CellException("CompilationException", first, trace);
    }

    private CellException runtimeError(JShellException e) {
        if (e instanceof UnresolvedReferenceException u) {
            String message = u.getSnippet().source().strip().lines().findFirst().orElse("")
                    + " uses something not yet declared: "
                    + shell.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", "));
            return new CellException("UnresolvedReferenceException", message, List.of(message));
        }
        String name = e instanceof EvalException ev ? ev.getExceptionClassName() : e.getClass().getName();
        List<String> trace = new ArrayList<>();
        Throwable t = e;
        String prefix = "";
        while (t != null) {
            String className = t instanceof EvalException ev ? ev.getExceptionClassName() : t.getClass().getName();
            trace.add(prefix + className + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            trace.addAll(frames(t.getStackTrace()));
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return new CellException(name, String.valueOf(e.getMessage()), trace);
    }

    /** The stack frames up to the last one in cell code, cell frames named by cell and line. */
    private List<String> frames(StackTraceElement[] stack) {
        int last = -1;
        for (int i = 0; i < stack.length; i++) {
            if (inCell(stack[i])) {
                last = i;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= (last < 0 ? stack.length - 1 : last); i++) {
            StackTraceElement f = stack[i];
            if (inCell(f)) {
                Origin origin = origins.get(f.getFileName().substring(1));
                String method = f.getMethodName().isEmpty() || f.getMethodName().equals("do_it$")
                        ? "cell" : f.getMethodName();
                lines.add("    at " + method + (origin == null   // code of a finished cell, run later
                        ? " (an earlier cell)"
                        : " (In [" + origin.cell() + "], line " + (origin.line() + f.getLineNumber()) + ")"));
            } else {
                lines.add("    at " + f);
            }
        }
        return lines;
    }

    /** True for a frame of cell code: JShell names its file "#" and the snippet id. */
    private static boolean inCell(StackTraceElement f) {
        return f.getFileName() != null && f.getFileName().startsWith("#");
    }

    /** Number of line breaks in {@code s} before {@code end}. */
    static int lines(String s, int end) {
        int n = 0;
        for (int i = 0; i < Math.min(end, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Signature and javadoc of what is at {@code at}, or null. */
    String documentation(String code, int at) {
        if (!librarySourcesAdded) {
            librarySourcesAdded = true;
            LibrarySources.addTo(analysis);
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, at, true);
        if (docs.isEmpty()) {
            int end = at;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
            docs = analysis.documentation(code.substring(0, end) + "(", end + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        return InheritedDocs.restore(analysis, docs).stream()
                .map(d -> d.signature() + (d.javadoc() == null ? "" : "\n\n" + d.javadoc()))
                .collect(Collectors.joining("\n\n"));
    }

    /** Jupyter's is-complete answer: "complete", "invalid", or the indent to continue with. */
    String isComplete(String code) {
        String rest = magics.javaPart(code);
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return Kernel.IS_COMPLETE_YES;
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    if (analysis.sourceToSnippets(info.source()).stream()
                            .anyMatch(s -> s.kind() == Snippet.Kind.ERRONEOUS)) {
                        return Kernel.IS_COMPLETE_BAD;          // complete, but not Java: int = 7q;
                    }
                    if (info.remaining().isBlank()) {
                        return Kernel.IS_COMPLETE_YES;
                    }
                    rest = info.remaining();
                    break;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ";
                default:
                    return Kernel.IS_COMPLETE_BAD;
            }
        }
    }

    /** Stops the running cell, if any ({@link CellGuard}, {@link InProcessExecution#stop()}). */
    void stop() {
        if (CellGuard.requestStop()) {
            engine.stop();
        }
    }

    void close() {
        shell.close();
    }
}
