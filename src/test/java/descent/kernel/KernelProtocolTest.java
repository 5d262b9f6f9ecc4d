package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel driven by a real Jupyter client: Debian's jupyter_client runs
 * {@code src/test/python/kernel/protocol_check.py} against a kernelspec written by {@link Install}
 * for this test's class path. Each check the script reports becomes one test here
 * ({@link CheckScript}).
 */
class KernelProtocolTest {

    private static final CheckScript SCRIPT = CheckScript.named("protocol_check").within(Duration.ofSeconds(240));
    private static final List<String> CHECKS = List.of("execute", "interrupt_first_nd4j_use", "streams",
            "display_and_update_display", "display_sink_for_the_library", "render_chart_png_and_svg",
            "render_image_gif_html", "render_table", "render_ndarray", "register_renderer",
            "runtime_error_named_and_trimmed", "compile_error_points_at_text", "complete", "inspect",
            "inspect_shows_javadoc", "complete_optimizer_members", "is_complete", "magics", "interrupt",
            "faults_throw_oom_exit", "exit_and_halt_named", "not_defined_is_an_error", "interrupt_at_any_moment",
            "thread_output_reaches_the_notebook", "nd4j_seed_carries_across_statements", "clear_output", "kernel_info_and_history",
            "binds_only_to_connection_ip", "security_barrage", "latency",
            "memory_growth", "restart", "shutdown");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> throughJupyterClient() throws Exception {
        SCRIPT.requirePython();
        Path jupyterPath = work.resolve("jupyter");
        Install.write(jupyterPath, UsersClassPath.in(work));
        Path extra = extraJar(work.resolve("extra"));
        return SCRIPT.run(jupyterPath, work, CHECKS, work.toString(), extra.toString());
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
