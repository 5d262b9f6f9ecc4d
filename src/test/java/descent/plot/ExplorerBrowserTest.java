package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import descent.optim.Momentum;
import descent.surface.Surfaces;
import descent.surface.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explorers in a real browser: Debian's headless Chromium, driven by {@code playwright-core}
 * ({@code src/test/node/explorer.cjs}) with every request that is not a local file blocked, moves
 * the sliders with the keyboard and checks that the lines drawn are the walks Java computed for
 * that setting — on a page made here, and on every exported lesson page that has explorers; in
 * the lessons' slide decks every explorer draws itself. Without
 * Node.js, Chromium or {@code tools/course/node_modules} ({@code ./lab test} installs them) the
 * test is skipped, or fails when the environment variable {@code CI} is set.
 */
class ExplorerBrowserTest {

    private static final Path SCRIPT = Path.of("src/test/node/explorer.cjs");
    private static final Path MODULES = Path.of("tools/course/node_modules");

    @Test
    void movingTheSlidersDrawsTheWalkOfThatSetting(@TempDir Path dir) throws Exception {
        requireBrowser();
        Explorer explorer = ExplorerTest.momentumOnTheRavine();
        Path page = Files.writeString(dir.resolve("explorer.html"),
                "<!doctype html><meta charset=utf-8><title>explorer</title><body>" + explorer.html());
        double[][] moves = {{4, 1}, {0, 3}, {5, 0}};      // slider positions of η and γ
        double[] etas = {0.001, 0.002, 0.004, 0.008, 0.016, 0.03};
        double[] gammas = {0, 0.5, 0.9, 0.99};
        List<String> checks = new ArrayList<>();
        for (double[] move : moves) {
            double eta = etas[(int) move[0]];
            double gamma = gammas[(int) move[1]];
            Trajectory walk = Trajectory.of(new Momentum(eta, gamma), Surfaces.ravine(100), new double[] {-9, 2}, 100);
            String points = Explorer.points(walk.xs(), walk.ys(),
                    Explorer.equalScaleWindow(Surfaces.ravine(100).window(), Explorer.PLOT_WIDTH));
            checks.add("{\"explorer\":0,\"positions\":{\"η\":" + (int) move[0] + ",\"γ\":" + (int) move[1]
                    + "},\"expected\":[\"" + points.substring(1, points.length() - 1) + "\"]}");
        }
        String report = run(page, Files.writeString(dir.resolve("checks.json"), "[" + String.join(",", checks) + "]"));
        assertTrue(report.contains("3 passed, 0 failed"), report);
        assertTrue(report.contains("\"moved\":true"), report);
    }

    @Test
    void exportedLessonsRedrawTheirExplorers(@TempDir Path dir) throws Exception {
        requireBrowser();
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        List<Path> withExplorers = new ArrayList<>();
        int explorers = 0;
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            for (Path nb : files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                String text = Files.readString(nb);
                int count = text.split("class=\\\\\"descent-explorer\\\\\"", -1).length - 1;
                if (count > 0) {
                    withExplorers.add(Files.copy(nb, lessons.resolve(nb.getFileName())));
                    explorers += count;
                }
            }
        }
        Assumptions.assumeTrue(explorers > 0, "no stored lesson shows an explorer yet");
        Path site = dir.resolve("site");
        Process export = new ProcessBuilder(python(), "tools/course/site.py", lessons.toString(), site.toString())
                .redirectErrorStream(true).start();
        String exported = new String(export.getInputStream().readAllBytes());
        assertTrue(export.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, export.exitValue(), exported);
        int checked = 0;
        for (Path lesson : withExplorers) {
            Path page = site.resolve(lesson.getFileName().toString().replace(".ipynb", ".html"));
            String html = Files.readString(page);
            int onPage = html.split("class=\"descent-explorer\"", -1).length - 1;
            List<String> checks = new ArrayList<>();
            for (int e = 0; e < onPage; e++) {
                checks.add("{\"explorer\":" + e + ",\"positions\":\"last\",\"expected\":\"page\"}");
                checks.add("{\"explorer\":" + e + ",\"positions\":\"first\",\"expected\":\"page\"}");
            }
            String report = run(page, Files.writeString(dir.resolve(lesson.getFileName() + ".checks.json"),
                    "[" + String.join(",", checks) + "]"));
            assertTrue(report.contains(checks.size() + " passed, 0 failed"), lesson + ":\n" + report);
            checked += onPage;
        }
        assertEquals(explorers, checked, "every stored explorer is on its exported page");

        Path decks = dir.resolve("slides");
        List<String> slides = new ArrayList<>(List.of(python(), "tools/course/slides.py",
                MODULES.resolve("reveal.js").toString(), decks.toString()));
        withExplorers.forEach(p -> slides.add(p.toString()));
        Process deck = new ProcessBuilder(slides).redirectErrorStream(true).start();
        String made = new String(deck.getInputStream().readAllBytes());
        assertTrue(deck.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, deck.exitValue(), made);
        for (Path lesson : withExplorers) {
            String name = lesson.getFileName().toString().replace(".ipynb", "");
            Path slidesPage;
            try (Stream<Path> found = Files.walk(decks)) {
                slidesPage = found.filter(p -> p.getFileName().toString().startsWith(name)
                        && p.toString().endsWith(".html")).findFirst().orElseThrow(() -> new AssertionError("no deck for " + name + ":\n" + made));
            }
            int inDeck = Files.readString(slidesPage).split("class=\"descent-explorer\"", -1).length - 1;
            String report = run(slidesPage, Files.writeString(dir.resolve(name + ".deck.json"), "[]"), inDeck);
            assertTrue(report.contains("drawn " + inDeck + " explorers"), slidesPage + ":\n" + report);
            assertTrue(report.contains("0 passed, 0 failed"), slidesPage + ":\n" + report);
        }
    }

    private static String run(Path page, Path checks) throws IOException, InterruptedException {
        return run(page, checks, 1);
    }

    private static String run(Path page, Path checks, int explorers) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), page.toString(), checks.toString(),
                Integer.toString(explorers)).redirectErrorStream(true);
        builder.environment().put("NODE_PATH", MODULES.toAbsolutePath().toString());
        Process node = builder.start();
        String report = new String(node.getInputStream().readAllBytes());
        if (!node.waitFor(3, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            fail("the browser check did not finish in 3 minutes:\n" + report);
        }
        return report;
    }

    private static String python() {
        String configured = System.getenv("DESCENT_PYTHON");
        return configured != null ? configured : "/usr/bin/python3";
    }

    private static void requireBrowser() throws IOException, InterruptedException {
        String missing = null;
        if (!Files.isDirectory(MODULES.resolve("playwright-core"))) {
            missing = MODULES + "/playwright-core (npm ci --prefix tools/course)";
        } else if (!Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))) {
            missing = "Chromium (apt-get install chromium)";
        } else {
            try {
                Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                node.getInputStream().readAllBytes();
                if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                    missing = "Node.js";
                }
            } catch (IOException e) {
                missing = "Node.js (apt-get install nodejs)";
            }
        }
        if (missing != null) {
            String reason = "the browser test needs " + missing + "; ./lab test installs it";
            if (System.getenv("CI") != null) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
    }
}
