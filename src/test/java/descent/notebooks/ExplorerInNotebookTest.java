package descent.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import descent.plot.Explorer;
import descent.plot.ExplorerTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An explorer stored in a trusted notebook comes alive in Jupyter Notebook itself: a Notebook
 * server on 127.0.0.1 serves a notebook whose stored output is an explorer, headless Chromium opens
 * it (every request to another host blocked), waits for the explorer to draw itself, moves its
 * sliders with the keyboard and checks the lines drawn are the walk Java computed for that
 * setting. Skipped without Jupyter, Node.js, Chromium or playwright-core, or failed when {@code CI}
 * is set.
 */
class ExplorerInNotebookTest {

    @Test
    void aTrustedNotebooksStoredExplorerRedrawsInJupyterNotebook(@TempDir Path work) throws Exception {
        Optional<String> python = Jupyter.python();
        boolean browser = Files.isDirectory(Path.of("tools/course/node_modules/playwright-core"))
                && Files.isExecutable(Path.of("/usr/bin/chromium"));
        if (python.isEmpty() || !browser) {
            String reason = "needs Jupyter, Chromium and tools/course/node_modules (./lab test installs them)";
            if (System.getenv("CI") != null) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        Map<String, String> env = Jupyter.environment(work);
        NotebooksTest.installKernel(env.get("JUPYTER_PATH"));
        Path lessons = Files.createDirectories(work.resolve("lessons"));
        Explorer explorer = ExplorerTest.momentumOnTheRavine();
        Files.writeString(work.resolve("explorer.html"), explorer.html());
        Files.writeString(work.resolve("explorer.png.b64"), Base64.getEncoder().encodeToString(explorer.png()));
        python(python.get(), env, """
                import sys, nbformat
                from nbformat.sign import NotebookNotary
                work = sys.argv[1]
                nb = nbformat.v4.new_notebook()
                nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java (Descent)", "language": "java"}
                cell = nbformat.v4.new_code_cell("ExplorerTest.momentumOnTheRavine()")
                cell.outputs = [nbformat.v4.new_output("display_data", data={
                    "text/html": open(work + "/explorer.html").read(),
                    "image/png": open(work + "/explorer.png.b64").read(),
                    "text/plain": "Explorer"})]
                nb.cells = [nbformat.v4.new_markdown_cell("An explorer, stored."), cell]
                nbformat.write(nb, work + "/lessons/explore.ipynb")
                NotebookNotary().sign(nb)
                """, work.toString());

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String token = Long.toHexString(System.nanoTime());
        List<String> command = new ArrayList<>(List.of(python.get(), "-m", "notebook", "--no-browser",
                "--ip=127.0.0.1", "--port=" + port, "--NotebookApp.token=" + token,
                "--notebook-dir=" + lessons));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--allow-root");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("notebook.log").toFile());
        builder.environment().putAll(env);
        Process server = builder.start();
        try {
            waitUntilServing(port, token, server, work.resolve("notebook.log"));
            Path checks = Files.writeString(work.resolve("checks.json"),
                    "[{\"explorer\":0,\"positions\":{\"η\":4,\"γ\":1},\"expected\":\"page\"},"
                            + "{\"explorer\":0,\"positions\":\"last\",\"expected\":\"page\"}]");
            ProcessBuilder nodeBuilder = new ProcessBuilder("node", "src/test/node/explorer.cjs",
                    "http://127.0.0.1:" + port + "/notebooks/explore.ipynb?token=" + token, checks.toString(), "1")
                    .redirectErrorStream(true);
            nodeBuilder.environment().put("NODE_PATH", Path.of("tools/course/node_modules").toAbsolutePath().toString());
            Process node = nodeBuilder.start();
            String report = new String(node.getInputStream().readAllBytes());
            assertTrue(node.waitFor(3, TimeUnit.MINUTES), report);
            assertTrue(report.contains("2 passed, 0 failed"), report + "\n" + Files.readString(work.resolve("notebook.log")));
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    private static void python(String python, Map<String, String> env, String code, String arg)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(python, "-c", code, arg).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
    }

    private static void waitUntilServing(int port, String token, Process server, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI status = URI.create("http://127.0.0.1:" + port + "/api/status?token=" + token);
        for (int i = 0; i < 240; i++) {
            if (!server.isAlive()) {
                fail("Jupyter Notebook stopped:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("Jupyter Notebook did not answer in 60 s:\n" + Files.readString(log));
    }
}
