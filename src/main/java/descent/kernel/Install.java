package descent.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;

/**
 * Writes the kernelspec that starts {@link Kernel}: {@code <dir>/kernels/java/kernel.json}.
 *
 * <p>Run it with the class path the kernel should have (the project's full runtime class path):
 * {@code java -cp <classpath> descent.kernel.Install <dir>}, then start Jupyter with
 * {@code JUPYTER_PATH=<dir>}. The kernelspec runs the same {@code java} binary as the installer.
 *
 * <p>It sets {@code OMP_NUM_THREADS=1} and {@code OPENBLAS_NUM_THREADS=1}: on small machines
 * ND4J's default (OpenMP and OpenBLAS each starting a thread per core) makes them fight over the
 * cores. Descent itself uses every core through {@link descent.cores.Cores}; to limit it, add
 * {@code DESCENT_THREADS} to {@code env} in the generated kernel.json (lab copies it from the
 * environment).
 *
 * <p>Class-data sharing: when the class path holds only jars (as {@code ./lab} passes it), the
 * installer runs {@link WarmUp} once under {@code -XX:ArchiveClassesAtExit} and the kernel maps
 * the resulting archive at start ({@code -XX:SharedArchiveFile}), so the classes of JShell's
 * compiler, the renderers and XChart are not loaded and verified again at every start. Java 17
 * refuses directories on an archived class path, so with directories (e.g. {@code target/classes})
 * there is no archive, and the installer says so. The archive's name is a hash of the Java binary,
 * the options and every jar's path, size and time, so a new build makes a new archive; a stale
 * archive is still safe: the JVM checks it at start and runs without it when it does not match.
 */
public final class Install {

    /** Kernelspec name: the same as IJava's and JJava's, so their notebooks open unchanged. */
    public static final String NAME = "java";

    /** Environment of the kernel process: fast thread defaults for ND4J on few cores. */
    static final Map<String, String> ENV = Map.of("OMP_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1");

    /** Options of the kernel's JVM. */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xss4m",
            "-Djava.awt.headless=true",
            "--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED",     // for Compactor
            "--enable-native-access=ALL-UNNAMED");               // ND4J's native code, without warnings

    /**
     * Options for Java 23 and later only (Java 17 refuses the first), against lines in the user's
     * terminal: JavaCPP, under ND4J, reads arrays through sun.misc.Unsafe, of which Java 24+ warns
     * at its first use; and Java 25 reports as errors that the JDK's own class-data archive was
     * made without this kernel's module options (it then maps the archive all the same).
     */
    static final List<String> JVM_OPTIONS_23 = List.of("--sun-misc-unsafe-memory-access=allow", "-Xlog:cds=off");

    private Install() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: java -cp <classpath> descent.kernel.Install <jupyter-path-dir>");
            System.exit(2);
        }
        Path file = write(Path.of(args[0]), System.getProperty("java.class.path"));
        System.out.println("Installed kernelspec '" + NAME + "' at " + file);
    }

    /** The class path's entries made absolute, so the kernel can start from any folder. */
    private static List<String> absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return entries;
    }

    /** Writes the kernelspec for {@code classPath} under {@code dir}; returns the kernel.json path. */
    static Path write(Path dir, String classPath) throws IOException, InterruptedException {
        Path spec = dir.resolve("kernels").resolve(NAME);
        Files.createDirectories(spec);
        List<String> entries = absolute(classPath);
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(JVM_OPTIONS);
        Path sources = LibrarySources.projectSources();
        if (sources != null) {
            java.add("-D" + LibrarySources.PROPERTY + "=" + sources);     // their javadoc on Shift-Tab
        }
        if (Runtime.version().feature() >= 23) {
            java.addAll(JVM_OPTIONS_23);
        }
        List<String> argv = new ArrayList<>(java);
        argv.addAll(sharedArchive(spec, java, entries));
        argv.add("-cp");
        argv.add(String.join(File.pathSeparator, entries));
        argv.add(Kernel.class.getName());
        argv.add("{connection_file}");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", "Java (Descent)");
        json.put("language", "java");
        json.put("interrupt_mode", "message");
        json.put("env", ENV);
        Path file = spec.resolve("kernel.json");
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n");
        return file;
    }

    /**
     * The option that maps the class-data-sharing archive for this JVM and class path, making the
     * archive first if there is none yet; no option (and a line on standard error saying why) when
     * the class path has a directory or the archive cannot be made.
     */
    static List<String> sharedArchive(Path spec, List<String> java, List<String> entries)
            throws IOException, InterruptedException {
        String directory = entries.stream().filter(e -> !e.endsWith(".jar")).findFirst().orElse(null);
        if (directory != null) {
            System.err.println("descent kernel: no class-data-sharing archive (the kernel starts slower):"
                    + " the class path has a directory, " + directory + ", and Java archives only jars");
            return List.of();
        }
        StringBuilder key = new StringBuilder(String.join(" ", java));
        for (String jar : entries) {
            File f = new File(jar);
            key.append(' ').append(jar).append(':').append(f.length()).append(':').append(f.lastModified());
        }
        Path archive = spec.resolve("descent-" + Integer.toHexString(key.toString().hashCode()) + ".jsa");
        if (!Files.exists(archive)) {
            try (Stream<Path> old = Files.list(spec)) {
                for (Path p : (Iterable<Path>) old.filter(p -> p.toString().endsWith(".jsa"))::iterator) {
                    Files.delete(p);
                }
            }
            if (!makeArchive(archive, java, entries)) {
                return List.of();
            }
        }
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    /** Runs {@link WarmUp} under {@code -XX:ArchiveClassesAtExit}; true if the archive was made. */
    private static boolean makeArchive(Path archive, List<String> java, List<String> entries)
            throws IOException, InterruptedException {
        System.err.println("descent kernel: making the class-data-sharing archive " + archive.getFileName()
                + " (once per build; the kernel then starts faster)");
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", String.join(File.pathSeparator, entries),
                WarmUp.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() == 0 && Files.exists(archive)) {
            return true;
        }
        Files.deleteIfExists(archive);
        System.err.println("descent kernel: could not make the class-data-sharing archive; the kernel runs"
                + " without it. Output of the warm-up run:\n" + output);
        return false;
    }
}
