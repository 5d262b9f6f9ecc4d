package descent.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * cores, and the lessons' matrix products run several times faster on one thread (see the
 * README). Override by editing {@code env} in the generated kernel.json.
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
            "-Djava.security.manager=allow",
            "-Djava.awt.headless=true");

    private Install() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp <classpath> descent.kernel.Install <jupyter-path-dir>");
            System.exit(2);
        }
        Path file = write(Path.of(args[0]), System.getProperty("java.class.path"));
        System.out.println("Installed kernelspec '" + NAME + "' at " + file);
    }

    /** The class path with every entry made absolute, so the kernel can start from any folder. */
    private static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Writes the kernelspec for {@code classPath} under {@code dir}; returns the kernel.json path. */
    static Path write(Path dir, String classPath) throws IOException {
        Path spec = dir.resolve("kernels").resolve(NAME);
        Files.createDirectories(spec);
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_OPTIONS);
        argv.add("-cp");
        argv.add(absolute(classPath));
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
}
