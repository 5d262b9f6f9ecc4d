package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel driven by a real Jupyter client: Debian's jupyter_client runs
 * {@code src/test/python/kernel/protocol_check.py} against a kernelspec written by {@link Install}
 * for this test's class path. Each check the script reports becomes one test here.
 *
 * <p>Without Jupyter the test is skipped, or fails when the environment variable {@code CI} is set.
 */
class KernelProtocolTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final List<String> CHECKS = List.of("execute", "interrupt_first_nd4j_use", "streams",
            "display_and_update_display", "display_sink_for_the_library", "render_chart_png_and_svg",
            "render_image_gif_html", "render_table", "render_ndarray", "register_renderer",
            "runtime_error_named_and_trimmed", "compile_error_points_at_text", "complete", "inspect",
            "inspect_shows_javadoc", "complete_optimizer_members", "is_complete", "magics", "interrupt",
            "faults_throw_oom_exit", "exit_and_halt_named", "not_defined_is_an_error", "interrupt_at_any_moment",
            "thread_output_reaches_the_notebook", "clear_output", "kernel_info_and_history",
            "binds_only_to_connection_ip", "security_barrage", "latency",
            "memory_growth", "restart", "shutdown");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> throughJupyterClient() throws Exception {
        requireJupyter();
        Path jupyterPath = work.resolve("jupyter");
        Install.write(jupyterPath, UsersClassPath.in(work));
        Path extra = extraJar(work.resolve("extra"));

        ProcessBuilder pb = new ProcessBuilder(PYTHON, "src/test/python/kernel/protocol_check.py",
                work.toString(), extra.toString()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", work.resolve("runtime").toString());
        Process process = pb.start();
        List<String> lines = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(line -> {
                System.out.println("[protocol_check] " + line);
                lines.add(line);
            });
        }
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("protocol_check.py did not finish in 240 s");
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : CHECKS) {
            String pass = "PASS " + name;
            String failed = "FAIL " + name;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String line = lines.stream().filter(l -> l.equals(pass) || l.startsWith(pass + " ")
                        || l.startsWith(failed)).findFirst().orElse(null);
                if (line == null) {
                    fail("check " + name + " did not report; output:\n" + String.join("\n", lines));
                }
                assertTrue(line.startsWith("PASS"), line);
            }));
        }
        tests.add(DynamicTest.dynamicTest("script exit status", () -> assertEquals(0, process.exitValue(),
                String.join("\n", lines))));
        return tests.stream();
    }

    private static void requireJupyter() throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of(PYTHON)) && new ProcessBuilder(PYTHON, "-c",
                "import jupyter_client, zmq").redirectErrorStream(true).start().waitFor() == 0;
        if (!present) {
            String reason = PYTHON + " with jupyter_client and pyzmq is missing"
                    + " (Debian: apt-get install python3-jupyter-client python3-zmq)";
            if (System.getenv("CI") != null) {
                fail(reason);
            }
            Assumptions.assumeTrue(false, reason + "; skipping the kernel protocol test");
        }
    }

    /** A jar with {@code extra.Extra.answer() == 42}, for the %jars and %classpath magics. */
    private static Path extraJar(Path dir) throws IOException {
        Path src = dir.resolve("src/extra/Extra.java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, "package extra; public class Extra { public static int answer() { return 42; } }");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertEquals(0, status, "javac of the extra jar");
        Path jars = dir.resolve("jars");
        Files.createDirectories(jars);
        try (OutputStream file = Files.newOutputStream(jars.resolve("extra.jar"));
                JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("extra/Extra.class"));
            jar.write(Files.readAllBytes(classes.resolve("extra/Extra.class")));
            jar.closeEntry();
        }
        return jars;
    }
}
