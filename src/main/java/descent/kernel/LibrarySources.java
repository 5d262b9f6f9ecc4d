package descent.kernel;

import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jdk.jshell.SourceCodeAnalysis;

/**
 * Lets Shift-Tab (inspection) show the javadoc of Descent's classes — the formula, its source and
 * the torch equivalence — and not only their signatures.
 *
 * <p>JShell reads javadoc from source files, and looks for them only in the JDK's {@code src.zip}
 * (Temurin ships it; on Debian it is the package {@code openjdk-17-source}). {@link Install}
 * finds Descent's own sources, the project's {@code src/main/java} next to the {@code target/}
 * that holds the classes it runs from, and names them in the kernelspec ({@value #PROPERTY});
 * the kernel adds them to the list of source roots JShell keeps once it has looked. That list is
 * not part of JShell's API: it is read by reflection, which the kernelspec's
 * {@code --add-opens jdk.jshell/jdk.jshell} allows (see {@link Compactor}); the kernel test checks
 * it on Java 17 and 25. Where it fails, inspection shows signatures only, as plain JShell does.
 */
final class LibrarySources {

    /** The system property naming the directory of Descent's sources. */
    static final String PROPERTY = "descent.sources";

    private LibrarySources() {
    }

    /** Adds Descent's sources to {@code analysis}; false (nothing changed) where that cannot be done. */
    static boolean addTo(SourceCodeAnalysis analysis) {
        String sources = System.getProperty(PROPERTY);
        if (sources == null) {
            return false;
        }
        analysis.documentation("Object", 6, false);        // JShell finds the JDK's sources now
        try {
            Field field = analysis.getClass().getDeclaredField("availableSources");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Path> roots = (List<Path>) field.get(analysis);
            roots.add(Path.of(sources));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Kernel.log("inspection shows no javadoc of Descent's classes: " + e);
            return false;
        }
    }

    /** {@code src/main/java} of the project whose {@code target/} holds these classes, or null. */
    static Path projectSources() {
        try {
            Path classes = Path.of(LibrarySources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path project = classes.getParent().getParent();  // target/classes or target/descent-….jar
            Path sources = project == null ? null : project.resolve("src/main/java");
            return sources != null && Files.isDirectory(sources.resolve("descent")) ? sources : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
