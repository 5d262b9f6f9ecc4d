package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jupyter's conformance suite for kernels, {@code jupyter_kernel_test} (Debian:
 * python3-jupyter-kernel-test), run by {@code src/test/python/kernel/conformance.py} against a
 * kernelspec written by {@link Install} for this test's class path. Each test of the suite becomes
 * one test here; the one the kernel has no sample for (the pager) is reported as skipped.
 *
 * <p>Without the suite the test is skipped, or fails when the environment variable {@code CI} is set.
 */
class KernelConformanceTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final List<String> TESTS = List.of("test_kernel_info", "test_execute_stdout",
            "test_execute_stderr", "test_completion", "test_is_complete", "test_error", "test_execute_result",
            "test_display_data", "test_history", "test_inspect", "test_clear_output", "test_pager");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> jupyterKernelTest() throws Exception {
        requireSuite();
        Path jupyterPath = work.resolve("jupyter");
        Install.write(jupyterPath, UsersClassPath.in(work));
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "src/test/python/kernel/conformance.py").redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString());
        Process process = pb.start();
        List<String> lines = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(line -> {
                System.out.println("[conformance] " + line);
                lines.add(line);
            });
        }
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("conformance.py did not finish in 300 s");
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : TESTS) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String line = lines.stream().filter(l -> l.matches("(PASS|SKIP|FAIL) " + name + "( .*)?"))
                        .findFirst().orElse(null);
                if (line == null) {
                    fail("test " + name + " did not report; output:\n" + String.join("\n", lines));
                }
                Assumptions.assumeFalse(line.startsWith("SKIP"), line);
                assertEquals("PASS " + name, line);
            }));
        }
        tests.add(DynamicTest.dynamicTest("script exit status", () -> assertEquals(0, process.exitValue(),
                String.join("\n", lines))));
        return tests.stream();
    }

    private static void requireSuite() throws Exception {
        boolean present = Files.isExecutable(Path.of(PYTHON)) && new ProcessBuilder(PYTHON, "-c",
                "import jupyter_kernel_test").redirectErrorStream(true).start().waitFor() == 0;
        if (!present) {
            String reason = PYTHON + " with jupyter_kernel_test is missing"
                    + " (Debian: apt-get install python3-jupyter-kernel-test)";
            if (System.getenv("CI") != null) {
                fail(reason);
            }
            Assumptions.assumeTrue(false, reason + "; skipping the conformance suite");
        }
    }
}
