package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/** The kernelspec: class-data sharing when the class path is all jars, none with a directory. */
class InstallTest {

    @TempDir
    Path work;

    private static final String CLASS_PATH = System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path"));

    @Test
    void directoryOnClassPathMeansNoArchive() throws Exception {
        List<String> argv = argv(Install.write(work, CLASS_PATH));
        assertTrue(argv.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), argv.toString());
        assertEquals(Kernel.class.getName(), argv.get(argv.size() - 2));
    }

    @Test
    void jarsOnlyClassPathGetsAnArchiveMadeOnce() throws Exception {
        List<String> jars = new ArrayList<>();
        for (String entry : CLASS_PATH.split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(entry);
            } else if (entry.endsWith("classes") && !entry.endsWith("test-classes")) {
                jars.add(jar(Path.of(entry), work.resolve("descent.jar")).toString());
            }
        }
        String classPath = String.join(File.pathSeparator, jars);
        Path archive = archive(argv(Install.write(work, classPath)));
        assertTrue(Files.size(archive) > 1 << 20, "archive " + archive + " is " + Files.size(archive) + " bytes");
        long made = Files.getLastModifiedTime(archive).toMillis();

        assertEquals(archive, archive(argv(Install.write(work, classPath))), "same build, same archive");
        assertEquals(made, Files.getLastModifiedTime(archive).toMillis(), "the archive was made again");
    }

    private static Path archive(List<String> argv) {
        String option = argv.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElse(null);
        assertFalse(option == null, "no archive option in " + argv);
        Path archive = Path.of(option.substring(option.indexOf('=') + 1));
        assertTrue(Files.isRegularFile(archive), archive.toString());
        return archive;
    }

    private static List<String> argv(Path kernelJson) throws IOException {
        List<String> argv = new ArrayList<>();
        JsonParser.parseString(Files.readString(kernelJson)).getAsJsonObject().getAsJsonArray("argv")
                .forEach(a -> argv.add(a.getAsString()));
        return argv;
    }

    /** The class folder {@code dir} packed into the jar {@code file}. */
    private static Path jar(Path dir, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out);
                Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jar.putNextEntry(new JarEntry(dir.relativize(p).toString().replace(File.separatorChar, '/')));
                jar.write(Files.readAllBytes(p));
                jar.closeEntry();
            }
        }
        return file;
    }
}
