package descent.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import descent.kernel.UsersClassPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lesson in {@code notebooks/} runs headless through Descent's own Java kernel, without an
 * error, and shows what it declares.
 *
 * <p>A notebook declares its expectations in its metadata, for example
 * {@code "descent": {"min_images": 3, "timeout": 60}} (at least three images; each cell done
 * within 60 s). The Python driver {@code src/test/python/notebooks/execute.py} runs a copy of the
 * notebook with Jupyter's nbclient and reports, naming the notebook and the cell, any failing or
 * timed-out cell, error or stderr output, JavaScript output, or missing image — in the run and in
 * the stored copy, which must already show its outputs. The stored notebooks are never rewritten.
 *
 * <p>The kernelspec is written by {@code descent.kernel.Install} for a user's class path
 * ({@link UsersClassPath}: the library's jar and its runtime dependencies) into a temporary
 * Jupyter path, so the test runs the kernel as built and never touches the user's own kernels. Notebooks run {@code descent.notebooks.parallel} (default 2) at a time, one kernel
 * each. Without Jupyter (a python3 with nbclient, nbformat and jupyter_client) the test is skipped,
 * or fails when the environment variable {@code CI} is set.
 */
class NotebooksTest {

    private static final Path NOTEBOOKS = Path.of("notebooks");
    private static final Path DRIVER = Path.of("src/test/python/notebooks/execute.py");
    private static final int PARALLEL = Integer.getInteger("descent.notebooks.parallel", 2);
    private static final long NOTEBOOK_LIMIT_MINUTES = 20;

    /** The outcome of one driver run: its exit status, its report and the kernel's log. */
    private record Run(int exit, String report, String log, double seconds) {
        String explain() {
            return report + "\n--- kernel and driver log (last lines) ---\n" + log;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAndShowsWhatItDeclares(@TempDir Path work)
            throws IOException, InterruptedException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in " + NOTEBOOKS.toAbsolutePath());

        Optional<String> python = Jupyter.python();
        if (python.isEmpty()) {
            String reason = "Jupyter not found: no python3 with nbclient, nbformat and jupyter_client"
                    + " (set DESCENT_PYTHON, or run ./lab test, which installs it)";
            if (System.getenv("CI") != null) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }

        Map<String, String> env = Jupyter.environment(work);
        installKernel(env.get("JUPYTER_PATH"));

        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        Map<Path, Future<Run>> runs = notebooks.stream().collect(Collectors.toMap(nb -> nb,
                nb -> pool.submit(() -> execute(python.get(), nb, work, env))));
        pool.shutdown();

        return notebooks.stream().map(nb -> dynamicTest(nb.getFileName().toString(), () -> {
            Run run = runs.get(nb).get();
            System.out.printf("%s ran in %.1f s%n", nb.getFileName(), run.seconds());
            assertEquals(0, run.exit(), run.explain());
        }));
    }

    /** Writes the kernelspec "java" for a kernel on a user's class path into {@code dir}. */
    static void installKernel(String dir) throws IOException, InterruptedException {
        Process install = new ProcessBuilder(javaExecutable(), "-cp",
                UsersClassPath.in(Path.of(dir).resolve("classpath")), "descent.kernel.Install", dir)
                .redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes());
        assertTrue(install.waitFor(2, TimeUnit.MINUTES), "descent.kernel.Install did not finish");
        assertEquals(0, install.exitValue(), "descent.kernel.Install " + dir + " failed:\n" + output);
    }

    /** Runs the driver on a copy of {@code notebook} in {@code work}. */
    private static Run execute(String python, Path notebook, Path work, Map<String, String> env)
            throws IOException, InterruptedException {
        String name = notebook.getFileName().toString();
        Path executed = work.resolve(name);
        Path report = work.resolve(name + ".report.txt");
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(python, DRIVER.toString(), "--check-source",
                notebook.toString(), executed.toString())
                .redirectOutput(report.toFile()).redirectError(log.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process driver = builder.start();
        if (!driver.waitFor(NOTEBOOK_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroyForcibly();
            return new Run(-1, name + ": not finished after " + NOTEBOOK_LIMIT_MINUTES + " min",
                    tail(log), NOTEBOOK_LIMIT_MINUTES * 60.0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(driver.exitValue(), Files.readString(report), tail(log), seconds);
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
