package descent.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Makes JShell forget the snippets that can never run again, so that a long session neither
 * grows nor slows down.
 *
 * <p>JShell keeps every snippet it ever compiled: the snippet with its wrapped source, its keys
 * and dependencies, and its class file in three places (the compiler's in-memory output, the
 * class tracker, the wrapper map). A statement, an expression, a dropped {@code $N} value or a
 * redeclared variable stays there for good, and javac reads every one of those class files again
 * at the start of each of the four or five compilations a cell takes. Its javac contexts keep
 * growing too: every cell adds names to their name tables and listeners to their scopes.
 *
 * <p>After each cell the kernel hands over the snippets that are done ({@link #retire}): the ones
 * that are not declarations (statements, expressions) and the declarations that were dropped,
 * replaced or rejected. Then {@link #sweep} removes every class file that no live snippet owns,
 * and every 50 snippets it lets JShell start fresh javac contexts, as JShell itself does when the
 * class path changes. Classes already loaded stay loaded (one class loader holds them all, see
 * {@link SnippetLoader}), so objects made by forgotten cells go on working.
 *
 * <p>Measured in-process, over 1,500 trivial cells after 1,000 others: without this class a cell
 * took 8.1 ms (median) and kept 6.0 KB of heap; with it, 3.4 ms and 0.35 KB, which is the loaded
 * class itself (its {@code Class} object and cached reflection).
 *
 * <p>None of these records can be reached through JShell's API, so this class reads them by
 * reflection, which needs {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} on the kernel's
 * command line ({@link Install} writes it). Without it, or on a JDK whose internals differ, the
 * compactor is off: {@link #status()} says why, and the kernel works as plain JShell does.
 */
final class Compactor {

    /** JShell's package for cell classes, as in their binary names ("REPL.$JShell$12"). */
    private static final String PACKAGE = "REPL.";

    /** Snippets run between two fresh sets of javac contexts (see {@link #sweep}). */
    private static final int RENEW_EVERY = 50;

    private final JShell shell;
    private final SnippetLoader loader;
    private final String status;
    private Set<Snippet> snippets;                  // SnippetMaps.snippets: every snippet
    private List<Snippet> byKeyIndex;               // SnippetMaps.keyIndexToSnippet
    private Map<String, Set<Integer>> dependencies; // SnippetMaps.dependencies: name → key indexes
    private List<Map<String, ?>> keys;              // KeyMap: variable, method and class keys
    private Map<String, ?> wrappers;                // OuterWrapMap.classOuters: class → wrapped source
    private Map<String, ?> classFiles;              // MemoryFileManager.classObjects: javac's output
    private Map<String, ?> tracked;                 // ClassTracker.map: class → bytecode
    private Object taskFactory;                     // JShell's TaskFactory, holding javac's contexts
    private Method renewCompiler;                   // TaskFactory.initTaskPool
    private int sweeps;
    private Method className;
    private Method key;
    private Method keyIndex;

    Compactor(JShell shell, SnippetLoader loader) {
        this.shell = shell;
        this.loader = loader;
        this.status = open();
    }

    /** "on", or why the compactor is off. */
    String status() {
        return status;
    }

    private String open() {
        try {
            Object maps = field(shell, "maps");
            Object keyMap = field(shell, "keyMap");
            snippets = cast(field(maps, "snippets"));
            byKeyIndex = cast(field(maps, "keyIndexToSnippet"));
            dependencies = cast(field(maps, "dependencies"));
            keys = List.of(cast(field(keyMap, "varMap")), cast(field(keyMap, "methodMap")),
                    cast(field(keyMap, "classMap")));
            taskFactory = field(shell, "taskFactory");
            wrappers = cast(field(field(shell, "outerMap"), "classOuters"));
            classFiles = cast(field(field(taskFactory, "fileManager"), "classObjects"));
            tracked = cast(field(field(shell, "classTracker"), "map"));
            renewCompiler = method(taskFactory.getClass(), "initTaskPool");
            className = method(Snippet.class, "className");
            key = method(Snippet.class, "key");
            keyIndex = method(Class.forName("jdk.jshell.Key"), "index");
            return "on";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "off: " + e;
        }
    }

    /**
     * Forgets {@code snippet} if it is done: not a declaration, or no longer a live one. True if
     * it was forgotten now; false if it is live, was forgotten before, or the compactor is off.
     */
    boolean retire(Snippet snippet) {
        if (!status.equals("on") || !snippets.contains(snippet)
                || snippet.kind().isPersistent() && shell.status(snippet).isActive()) {
            return false;
        }
        try {
            snippets.remove(snippet);
            Object snippetKey = key.invoke(snippet);
            int index = (int) keyIndex.invoke(snippetKey);
            if (index < byKeyIndex.size() && byKeyIndex.get(index) == snippet) {
                byKeyIndex.set(index, null);
                dependencies.values().forEach(indexes -> indexes.remove(index));
                dependencies.values().removeIf(Set::isEmpty);
                keys.forEach(map -> map.values().remove(snippetKey));
            }
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot retire snippet " + snippet.id(), e);
        }
    }

    /** Removes the class files, wrappers and loaded-class names that no live snippet owns. */
    void sweep() {
        if (!status.equals("on")) {
            return;
        }
        Set<String> live = new HashSet<>();
        for (Snippet snippet : snippets) {
            live.add(className(snippet));
        }
        wrappers.keySet().removeIf(name -> !live.contains(name));
        classFiles.keySet().removeIf(name -> !live.contains(outer(name)));
        tracked.keySet().removeIf(name -> !live.contains(outer(name)));
        loader.forgetAllBut(name -> live.contains(outer(name)));
        if (++sweeps % RENEW_EVERY == 0) {
            renewCompiler();
        }
    }

    /**
     * Lets JShell start fresh javac contexts. Also needed after a snippet too large for a class
     * file ("code too large"): javac's reused contexts then fail every later snippet with "too
     * many constants".
     */
    void renewCompiler() {
        if (!status.equals("on")) {
            return;
        }
        try {
            renewCompiler.invoke(taskFactory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot renew javac's contexts", e);
        }
    }

    private String className(Snippet snippet) {
        try {
            return (String) className.invoke(snippet);
        } catch (InvocationTargetException e) {
            return "";                              // a snippet with no wrapper has no class
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the class of snippet " + snippet.id(), e);
        }
    }

    /** "$JShell$12" for "REPL.$JShell$12" and for its nested "REPL.$JShell$12$Point". */
    private static String outer(String binaryName) {
        String name = binaryName.startsWith(PACKAGE) ? binaryName.substring(PACKAGE.length()) : binaryName;
        int nested = name.indexOf('$', "$JShell$".length());
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static Method method(Class<?> owner, String name) throws ReflectiveOperationException {
        Method method = owner.getDeclaredMethod(name);
        method.setAccessible(true);
        return method;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
