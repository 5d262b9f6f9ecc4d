package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * A Python script under {@code src/test/python/kernel} that drives kernels through a real Jupyter
 * client, run as JUnit tests. The script prints one line per check, "PASS name", "PASS name what
 * it measured", "FAIL name why" or "SKIP name why"; each check the test names becomes one test,
 * which fails when its check failed or did not report (with the script's whole output), and one
 * more test requires the script's exit status 0. Its output is echoed, each line prefixed with the
 * script's name.
 *
 * <p>Without {@code /usr/bin/python3} and the modules the script imports, the test is skipped, or
 * fails when the environment variable {@code CI} is set.
 */
final class CheckScript {

    private static final String PYTHON = "/usr/bin/python3";

    private final String name;
    private String modules = "jupyter_client, zmq";
    private String debianPackages = "python3-jupyter-client python3-zmq";
    private Duration limit = Duration.ofSeconds(300);
    private boolean skips;

    private CheckScript(String name) {
        this.name = name;
    }

    /** The script {@code src/test/python/kernel/<name>.py}. */
    static CheckScript named(String name) {
        return new CheckScript(name);
    }

    /** The modules it imports, "a, b" (jupyter_client and zmq unless told), and the Debian packages that install them. */
    CheckScript needing(String modules, String debianPackages) {
        this.modules = modules;
        this.debianPackages = debianPackages;
        return this;
    }

    /** How long the whole script may run (300 s unless told). */
    CheckScript within(Duration limit) {
        this.limit = limit;
        return this;
    }

    /** Lets a check report SKIP, which skips its test; otherwise a SKIP fails it. */
    CheckScript allowingSkips() {
        this.skips = true;
        return this;
    }

    /** Skips the calling test (fails it when {@code CI} is set) unless Python has the modules; call it first. */
    void requirePython() throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of(PYTHON)) && new ProcessBuilder(PYTHON, "-c",
                "import " + modules).redirectErrorStream(true).start().waitFor() == 0;
        if (!present) {
            String reason = PYTHON + " with " + modules + " is missing (Debian: apt-get install " + debianPackages + ")";
            if (System.getenv("CI") != null) {
                fail(reason);
            }
            Assumptions.assumeTrue(false, reason + "; skipping " + name + ".py");
        }
    }

    /**
     * Runs the script with {@code args}, Jupyter finding kernelspecs in {@code jupyterPath} and
     * keeping its runtime files in {@code work}; one test per check in {@code checks}, then the
     * exit status.
     */
    Stream<DynamicTest> run(Path jupyterPath, Path work, List<String> checks, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "src/test/python/kernel/" + name + ".py"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString());
        Process process = pb.start();
        List<String> lines = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(line -> {
                System.out.println("[" + name + "] " + line);
                lines.add(line);
            });
        }
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(name + ".py did not finish in " + limit.toSeconds() + " s");
        }
        Stream<DynamicTest> each = checks.stream().map(check -> DynamicTest.dynamicTest(check, () -> {
            String line = lines.stream().filter(l -> l.matches("(PASS|FAIL|SKIP) \\Q" + check + "\\E( .*)?"))
                    .findFirst().orElse(null);
            if (line == null) {
                fail("check " + check + " did not report; output:\n" + String.join("\n", lines));
            }
            Assumptions.assumeFalse(skips && line.startsWith("SKIP"), line);
            assertTrue(line.startsWith("PASS"), line);
        }));
        DynamicTest exit = DynamicTest.dynamicTest("script exit status",
                () -> assertEquals(0, process.exitValue(), String.join("\n", lines)));
        return Stream.concat(each, Stream.of(exit));
    }
}
