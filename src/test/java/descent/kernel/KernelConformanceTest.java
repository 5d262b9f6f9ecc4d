package descent.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jupyter's conformance suite for kernels, {@code jupyter_kernel_test} (Debian:
 * python3-jupyter-kernel-test), run by {@code src/test/python/kernel/conformance.py} against a
 * kernelspec written by {@link Install} for this test's class path. Each test of the suite becomes
 * one test here ({@link CheckScript}); the one the kernel has no sample for (the pager) is
 * reported as skipped.
 */
class KernelConformanceTest {

    private static final CheckScript SCRIPT = CheckScript.named("conformance")
            .needing("jupyter_kernel_test", "python3-jupyter-kernel-test").allowingSkips();
    private static final List<String> TESTS = List.of("test_kernel_info", "test_execute_stdout",
            "test_execute_stderr", "test_completion", "test_is_complete", "test_error", "test_execute_result",
            "test_display_data", "test_history", "test_inspect", "test_clear_output", "test_pager");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> jupyterKernelTest() throws Exception {
        SCRIPT.requirePython();
        Path jupyterPath = work.resolve("jupyter");
        Install.write(jupyterPath, UsersClassPath.in(work));
        return SCRIPT.run(jupyterPath, work, TESTS);
    }
}
