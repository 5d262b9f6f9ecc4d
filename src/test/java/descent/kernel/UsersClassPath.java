package descent.kernel;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The class path a user's kernel has, for the tests that start kernels: the library as a jar
 * (built from target/classes, since tests run before Maven packages it) and its runtime
 * dependencies (target/runtime-classpath.txt, written by the build), all jars. With it
 * {@link Install} makes the class-data-sharing archive, as {@code ./lab setup} does, and the
 * kernel compiles cells against what users have, not against the test class path.
 */
public final class UsersClassPath {

    private UsersClassPath() {
    }

    /** Writes {@code dir/descent.jar} and returns the class path. */
    public static String in(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve("descent.jar");
        Path classes = Path.of("target/classes");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) all.filter(p -> !p.equals(classes)).sorted()::iterator) {
                String name = classes.relativize(p).toString().replace(File.separatorChar, '/');
                boolean directory = Files.isDirectory(p);        // package entries too, as in
                out.putNextEntry(new JarEntry(directory ? name + "/" : name));   // Maven's jar
                if (!directory) {
                    out.write(Files.readAllBytes(p));
                }
                out.closeEntry();
            }
        }
        return jar + File.pathSeparator + Files.readString(Path.of("target/runtime-classpath.txt")).strip();
    }
}
