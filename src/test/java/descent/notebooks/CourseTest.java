package descent.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teaching with Descent: the offline course site ({@code ./lab html}), the decks
 * ({@code ./lab slides}), the students' working copies ({@code ./lab}, {@code ./lab restore}) and
 * a class on JupyterHub ({@code ./lab hub}), each made by its script in {@code tools/course} and
 * checked here.
 *
 * <p>Offline means that a page or deck loads nothing from another host: no script, style sheet,
 * image, font or frame from an {@code http(s)://} address (links a reader may click are allowed),
 * and in Chromium, with every non-local request blocked, every formula is typeset
 * ({@code src/test/node/typeset.cjs}). The hub test ({@code src/test/python/course/hub_two_users.py})
 * logs two users in, runs a lesson in each one's server and checks their workspaces are apart.
 *
 * <p>What a test needs (Jupyter's Python, MathJax, Node.js with {@code tools/course/node_modules},
 * Chromium, JupyterHub) is installed by {@code ./lab test} and {@code .ci/run}; without it the test
 * is skipped, or fails when the environment variable {@code CI} is set.
 */
class CourseTest {

    private static final Path COURSE = Path.of("tools/course");
    private static final Path NOTEBOOKS = Path.of("notebooks");
    private static final Path NODE_MODULES = COURSE.resolve("node_modules");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String RACE_LESSON = "03-adaptive-rates";
    private static final String HUB_LESSON = "00-tour.ipynb";

    /** Where a page would load something from another host. */
    private static final Pattern EXTERNAL_RESOURCE = Pattern.compile(
            "<(?:script|link|img|iframe|source|video|audio|embed|object)\\b[^>]*?"
                    + "\\b(?:src|href|data)\\s*=\\s*[\"']?\\s*(?:https?:)?//"
                    + "|url\\(\\s*[\"']?\\s*(?:https?:)?//|@import\\s+[\"']?\\s*(?:https?:)?//",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE_OUTPUT = Pattern.compile("\"image/(?:png|gif|jpeg)\": ");
    private static final String INLINE_IMAGE = "src=\"data:image/";
    private static final String GIF_START = "data:image/gif;base64,R0lGOD";   // "GIF8" in base64
    private static final String PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
            + "60e6kgAAAABJRU5ErkJggg==";   // a PNG of one pixel

    /** The outcome of a command: exit status and everything it printed. */
    private record Run(int exit, String output) {
    }

    @Test
    void siteKeepsEveryImageAndTheRaceAndLoadsNothingFromElsewhere(@TempDir Path site)
            throws IOException, InterruptedException {
        String python = python();
        Run export = run(List.of(python, COURSE.resolve("site.py").toString(), NOTEBOOKS.toString(),
                site.toString()), Map.of(), 10);
        assertEquals(0, export.exit(), export.output());

        assertTrue(Files.isRegularFile(site.resolve("mathjax/MathJax.js")), "MathJax not copied into the site");
        String index = Files.readString(site.resolve("index.html"));
        assertTrue(index.contains("src=\"mathjax/MathJax.js?config="), "the index loads no MathJax");
        assertNoExternalResource("index.html", index);
        for (Path notebook : lessons()) {
            String name = notebook.getFileName().toString().replace(".ipynb", "");
            String page = Files.readString(site.resolve(name + ".html"));
            assertNoExternalResource(name + ".html", page);
            long outputs = IMAGE_OUTPUT.matcher(Files.readString(notebook)).results().count();
            long shown = count(page, INLINE_IMAGE);
            assertTrue(shown >= outputs, name + ".html shows " + shown + " images of the lesson's " + outputs);
            assertTrue(page.contains("src=\"mathjax/MathJax.js?config="), name + ".html loads no local MathJax");
        }
        String race = Files.readString(site.resolve(RACE_LESSON + ".html"));
        assertTrue(race.contains(GIF_START), RACE_LESSON + ".html lacks the animated race");
        assertFalse(race.contains("GIF image,"), RACE_LESSON + ".html shows the GIF's description, not the GIF");
    }

    @Test
    void siteKeepsAnInteractiveExplorerAsItIs(@TempDir Path dir) throws IOException, InterruptedException {
        String explorer = "<div class=\"descent-explorer\"><input type=\"range\" id=\"eta\">"
                + "<script>document.getElementById('eta').oninput = e => e.target.title = e.target.value;"
                + "</script></div>";
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.writeString(lessons.resolve("explorer.ipynb"), notebook(
                markdown("# An explorer\\n\\nSlide the rate."),
                code("Explore.rate()",
                        output("\"text/html\": " + json(explorer) + ", \"image/png\": \"" + PIXEL + "\""))));
        Run export = run(List.of(python(), COURSE.resolve("site.py").toString(), lessons.toString(),
                dir.resolve("site").toString()), Map.of(), 5);
        assertEquals(0, export.exit(), export.output());
        String page = Files.readString(dir.resolve("site/explorer.html"));
        assertTrue(page.contains(explorer), "the explorer's HTML and script are not in the page as they were");
    }

    @Test
    void deckIsALectureDerivedFromTheLessonsStructure(@TempDir Path dir) throws IOException, InterruptedException {
        requireNodeModules();
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        String prose = "Words about descent. ".repeat(25);   // 525 characters: two make two slides
        Files.writeString(lessons.resolve("lecture.ipynb"), notebook(
                markdown("# The title\\n\\nWhat the lesson is about, with $x^2$."),            // 1: title
                code("import descent.optim.*;\\nimport java.util.*;"),                         // left out
                code("var rate = 0.1;"),                                                       // fragment on 1
                markdown("## A part\\n\\nIts idea."),                                          // 2
                code("Charts.lines()", output("\"image/png\": \"" + PIXEL + "\", \"text/plain\": \"chart\"")), // 3
                markdown(prose + "\\n\\n" + prose)));                                          // 4 and 5
        Path decks = dir.resolve("decks");
        Run export = slides(decks, lessons.resolve("lecture.ipynb"), NOTEBOOKS.resolve(RACE_LESSON + ".ipynb"));
        assertEquals(0, export.exit(), export.output());

        String deck = Files.readString(decks.resolve("lecture.slides.html"));
        assertEquals(5, topLevelSlides(deck), "slides of the lecture");
        assertEquals(1, count(deck, "class=\"fragment\""), "code fragments of the lecture");
        assertFalse(deck.contains("descent.optim"), "the imports cell is in the deck");
        assertNoExternalResource("lecture.slides.html", deck);
        for (String part : List.of("reveal.js/dist/reveal.js", "reveal.js/dist/theme/white.css",
                "mathjax/MathJax.js")) {
            assertTrue(Files.isRegularFile(decks.resolve(part)), part + " not copied beside the decks");
        }

        String race = Files.readString(decks.resolve(RACE_LESSON + ".slides.html"));
        assertNoExternalResource(RACE_LESSON + ".slides.html", race);
        long headings = Files.readString(NOTEBOOKS.resolve(RACE_LESSON + ".ipynb")).lines()
                .filter(line -> line.matches("\\s*\"#{1,6} .*")).count();
        assertTrue(topLevelSlides(race) > headings, "a deck of " + topLevelSlides(race)
                + " slides for a lesson of " + headings + " headings");
        assertTrue(race.contains(GIF_START), "the race's deck lacks the animated race");
    }

    @Test
    void chromiumTypesetsThePagesAndTheDeckWithTheNetworkBlocked(@TempDir Path dir)
            throws IOException, InterruptedException {
        requireNodeModules();
        require(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        Path site = dir.resolve("site");
        Run export = run(List.of(python(), COURSE.resolve("site.py").toString(), NOTEBOOKS.toString(),
                site.toString()), Map.of(), 10);
        assertEquals(0, export.exit(), export.output());
        Path decks = dir.resolve("decks");
        Run deck = slides(decks, NOTEBOOKS.resolve(RACE_LESSON + ".ipynb"));
        assertEquals(0, deck.exit(), deck.output());

        Run check = run(List.of("node", "src/test/node/typeset.cjs", site.resolve("index.html").toString(),
                site.resolve(RACE_LESSON + ".html").toString(),
                decks.resolve(RACE_LESSON + ".slides.html").toString()),
                Map.of("NODE_PATH", NODE_MODULES.toAbsolutePath().toString()), 5);
        System.out.println(check.output());
        assertEquals(0, check.exit(), check.output());
        assertEquals(3, count(check.output(), "\"problems\":[]"), check.output());
    }

    @Test
    void workingCopyIsMadeOnceNeverOverwrittenAndRestoredOnRequest(@TempDir Path dir)
            throws IOException, InterruptedException {
        String python = python();
        Path work = dir.resolve("work");
        Path data = dir.resolve("jupyter-data");
        Map<String, String> env = Map.of("JUPYTER_DATA_DIR", data.toString());
        List<String> make = List.of(python, COURSE.resolve("workspace.py").toString(), "make",
                work.toString(), NOTEBOOKS.toString());
        Map<String, byte[]> originals = contents(NOTEBOOKS);

        assertEquals(0, run(make, env, 2).exit());
        assertSameFiles(originals, work);
        Run trusted = run(List.of(python, "-c", "import sys, nbformat; from nbformat.sign import NotebookNotary as N; "
                + "sys.exit(not all(N().check_signature(nbformat.read(f, 4)) for f in sys.argv[1:]))",
                work.resolve(HUB_LESSON).toString(), work.resolve(RACE_LESSON + ".ipynb").toString()), env, 2);
        assertEquals(0, trusted.exit(), "the copied lessons are not signed as trusted: " + trusted.output());

        Path race = work.resolve(RACE_LESSON + ".ipynb");
        byte[] studentsVersion = read(work.resolve(HUB_LESSON));
        Files.write(race, studentsVersion);
        Files.delete(work.resolve(HUB_LESSON));
        assertEquals(0, run(make, env, 2).exit());
        assertTrue(Arrays.equals(studentsVersion, read(race)), "a second open overwrote the student's lesson");
        assertTrue(Files.exists(work.resolve(HUB_LESSON)), "a second open did not bring back a missing lesson");

        Run restore = run(List.of("./lab", "restore", "--notebook-dir=" + work, "03"), Map.of(), 2);
        assertEquals(0, restore.exit(), restore.output());
        assertTrue(Arrays.equals(originals.get(RACE_LESSON + ".ipynb"), read(race)), "lesson 03 not restored");
        try (Stream<Path> replaced = Files.walk(work.resolve(".replaced"))) {
            assertTrue(replaced.anyMatch(p -> p.endsWith(RACE_LESSON + ".ipynb")
                            && Arrays.equals(studentsVersion, read(p))),
                    "the student's version of lesson 03 was not kept in .replaced/");
        }

        Run unknown = run(List.of("./lab", "restore", "--notebook-dir=" + work, "99"), Map.of(), 2);
        assertNotEquals(0, unknown.exit());
        assertTrue(unknown.output().contains("lesson '99': no such lesson"), unknown.output());
        Run tracked = run(List.of("./lab", "restore", "--notebook-dir=notebooks"), Map.of(), 2);
        assertNotEquals(0, tracked.exit(), "a working copy in the tracked notebooks/ was accepted");
        assertTrue(tracked.output().contains("that is the tracked lessons"), tracked.output());
        assertSameFiles(originals, NOTEBOOKS);
    }

    @Test
    void twoStudentsShareOneHubEachWithTheirOwnLessons(@TempDir Path work) throws IOException, InterruptedException {
        String python = python();
        require(run(List.of(python, "-c", "import jupyterhub"), Map.of(), 1).exit() == 0
                && run(List.of("sh", "-c", "command -v configurable-http-proxy"), Map.of(), 1).exit() == 0,
                "JupyterHub not found (apt-get install jupyterhub)");
        Map<String, String> env = Jupyter.environment(work);
        NotebooksTest.installKernel(env.get("JUPYTER_PATH"));
        Run hub = run(List.of(python, "src/test/python/course/hub_two_users.py",
                Path.of("").toAbsolutePath().toString(), env.get("JUPYTER_PATH"), work.toString(), HUB_LESSON),
                env, 20);
        System.out.println(hub.output());
        assertEquals(0, hub.exit(), hub.output() + "\n--- hub log (last lines) ---\n" + tail(work.resolve("hub.log")));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String python() {
        Optional<String> python = Jupyter.python();
        require(python.isPresent(), "Jupyter not found: no python3 with nbclient, nbformat and jupyter_client");
        return python.get();
    }

    private static void requireNodeModules() {
        require(Files.isDirectory(NODE_MODULES.resolve("reveal.js"))
                        && Files.isDirectory(NODE_MODULES.resolve("playwright-core")),
                "no " + NODE_MODULES + " (npm ci --prefix tools/course; ./lab test does it)");
    }

    /** Skips the test when a prerequisite is missing, or fails it on CI. */
    private static void require(boolean present, String reason) {
        if (!present) {
            if (System.getenv("CI") != null) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
    }

    private static Run slides(Path out, Path... notebooks) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python(), COURSE.resolve("slides.py").toString(),
                NODE_MODULES.resolve("reveal.js").toString(), out.toString()));
        Stream.of(notebooks).map(Path::toString).forEach(command::add);
        return run(command, Map.of(), 10);
    }

    private static Run run(List<String> command, Map<String, String> env, long minutes)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path output = Files.createTempFile("course-", ".out");
        try {
            Process process = builder.redirectOutput(output.toFile()).start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(String.join(" ", command) + ": not finished after " + minutes + " min:\n"
                        + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output));
        } finally {
            Files.delete(output);
        }
    }

    private static void assertNoExternalResource(String page, String html) {
        Matcher found = EXTERNAL_RESOURCE.matcher(html);
        if (found.find()) {
            fail(page + " loads from another host: "
                    + html.substring(found.start(), Math.min(html.length(), found.end() + 80)));
        }
    }

    /** dir holds exactly the files of originals, byte for byte. */
    private static void assertSameFiles(Map<String, byte[]> originals, Path dir) throws IOException {
        assertEquals(originals.keySet(), contents(dir).keySet(), "the files in " + dir);
        originals.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, read(dir.resolve(name))),
                dir.resolve(name) + " differs from the original"));
    }

    /** The slides of a reveal.js deck: its {@code <section>} elements not inside another. */
    private static int topLevelSlides(String deck) {
        Matcher tag = Pattern.compile("<(/?)section\\b").matcher(deck);
        int depth = 0;
        int slides = 0;
        while (tag.find()) {
            if (tag.group(1).isEmpty()) {
                slides += depth++ == 0 ? 1 : 0;
            } else {
                depth--;
            }
        }
        return slides;
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    private static List<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> all = Files.list(dir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    // ---- a small notebook, as JSON --------------------------------------------------------------

    private static String notebook(String... cells) {
        return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \"java\","
                + " \"display_name\": \"Java\", \"language\": \"java\"}}, \"cells\": ["
                + String.join(", ", cells) + "]}";
    }

    /** A markdown cell; source is JSON string content (newlines as \n). */
    private static String markdown(String source) {
        return "{\"cell_type\": \"markdown\", \"id\": \"" + id() + "\", \"metadata\": {},"
                + " \"source\": \"" + source + "\"}";
    }

    private static String code(String source, String... outputs) {
        return "{\"cell_type\": \"code\", \"id\": \"" + id() + "\", \"metadata\": {}, \"execution_count\": 1,"
                + " \"source\": \"" + source + "\", \"outputs\": [" + String.join(", ", outputs) + "]}";
    }

    private static String output(String data) {
        return "{\"output_type\": \"execute_result\", \"execution_count\": 1, \"metadata\": {},"
                + " \"data\": {" + data + "}}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int ids;

    private static String id() {
        return "cell-" + ++ids;
    }
}
