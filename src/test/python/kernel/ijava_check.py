"""IJava compatibility of Descent's kernel, through Debian's jupyter_client and nbclient.

Run by descent.kernel.IJavaCompatibilityTest, which writes the kernelspecs "java", "java-maven"
(a temporary local Maven repository; Central is a repository the test wrote), "java-offline"
(the same local repository, Central unreachable, IJava's environment settings) and
"java-timeout" (IJAVA_TIMEOUT). Prints
"PASS <name> <detail>" or "FAIL <name> <why>" per check.
Usage: ijava_check.py <work-dir> <extra-repo-url> <jars-dir> <notebook-dir>
"""
import os
import shutil
import sys
import time

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

import checks
from checks import check

WORK, EXTRA_REPO, JARS, NOTEBOOKS = sys.argv[1:5]

class Cell:
    def __init__(self, reply, outputs):
        self.reply, self.outputs = reply, outputs

    @property
    def ok(self):
        return self.reply["status"] == "ok"

    def of(self, msg_type):
        return [c for t, c in self.outputs if t == msg_type]

    def result(self):
        results = self.of("execute_result")
        return results[-1]["data"]["text/plain"] if results else None

    def text(self, name="stdout"):
        return "".join(c["text"] for c in self.of("stream") if c["name"] == name)

    def error(self):
        return self.reply.get("ename", "") + ": " + self.reply.get("evalue", "")

    def __repr__(self):
        return "reply=%s outputs=%s" % (self.reply, [(t, str(c)[:300]) for t, c in self.outputs])


def run(kc, code, timeout=120):
    msg_id = kc.execute(code)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        if msg["msg_type"] not in ("status", "execute_input"):
            outputs.append((msg["msg_type"], msg["content"]))
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return Cell(reply["content"], outputs)


def ok(kc, code):
    cell = run(kc, code)
    assert cell.ok, cell
    return cell


def fails(kc, code, *words):
    cell = run(kc, code)
    assert not cell.ok, cell
    for word in words:
        assert word in cell.error(), "%r not in %r; traceback %s" % (word, cell.error(), cell.reply.get("traceback"))
    return cell.error()


def maven_kernel():
    km, kc = start_new_kernel(kernel_name="java-maven", startup_timeout=90, cwd=WORK)
    try:
        @check("maven_failure_names_coordinate_and_changes_nothing")
        def _():
            error = fails(kc, "%maven example:greeting:1.0 example:missing:9", "example:missing:jar:9", "not found")
            fails(kc, 'Class.forName("example.greeting.Greeting")', "ClassNotFoundException")
            return error.splitlines()[0][:160]

        @check("maven_checksum")
        def _():
            return fails(kc, "%maven example:tampered:1.0", "example:tampered:jar:1.0", "checksum")[:160]

        @check("maven_transitive_from_central")
        def _():
            cell = ok(kc, '%maven example:greeting:1.0\nexample.greeting.Greeting.hello("Ada")')
            assert cell.result() == "Hello, Ada (name 2.0)", cell
            assert os.path.exists(os.path.join(WORK, "local/example/name/2.0/name-2.0.jar"))

        @check("maven_repo_and_aliases")
        def _():
            fails(kc, "%addMavenDependencies example:other:1.0", "example:other", "not found")
            cell = ok(kc, "%mavenRepo extra " + EXTRA_REPO + "\n%addMavenDependencies example:other:1.0\n"
                          "example.other.Other.where()")
            assert cell.result() == "extra", cell
            ok(kc, "%addMavenRepo extra2 " + EXTRA_REPO + "\n%addMavenDependency example:other:1.0")

        @check("load_from_pom_file")
        def _():
            with open(os.path.join(WORK, "pom.xml"), "w") as f:
                f.write("<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId><artifactId>t</artifactId>"
                        "<version>1</version><properties><v>1.0</v></properties><dependencies><dependency>"
                        "<groupId>example</groupId><artifactId>pommed</artifactId><version>${v}</version>"
                        "</dependency></dependencies></project>")
            cell = ok(kc, "%loadFromPOM pom.xml\nexample.pommed.Pommed.answer()")
            assert cell.result() == "41", cell

        @check("load_from_pom_cell")
        def _():
            ok(kc, "%%loadFromPOM\n<dependencies>\n  <dependency>\n    <groupId>example</groupId>\n"
                   "    <artifactId>celled</artifactId>\n    <version>1.0</version>\n  </dependency>\n</dependencies>")
            assert ok(kc, "example.celled.Celled.answer()").result() == "43"

        @check("users_jar_wins_over_kernel_internals")
        def _():
            cell = ok(kc, "%jars " + os.path.join(JARS, "fake-gson.jar") + "\ncom.google.gson.Gson.who()")
            assert cell.result() == "user", cell

        @check("clash_with_session_library_is_named")
        def _():
            cell = ok(kc, "%jars " + os.path.join(JARS, "tablesaw-core-0.38.1.jar"))
            warning = cell.text("stderr")
            for word in ("tech.tablesaw.api.Table", "tablesaw-core-0.38.1.jar", "tablesaw-core-0.43.1.jar"):
                assert word in warning, warning
            assert ok(kc, "Table.class.getProtectionDomain().getCodeSource().getLocation().getPath()"
                          ".endsWith(\"tablesaw-core-0.43.1.jar\")").result() == "true"
            return warning.strip()[:200]

        @check("load_guesses_extension")
        def _():
            with open(os.path.join(WORK, "tools.jshell"), "w") as f:
                f.write("int triple(int x) { return 3 * x; }\n")
            assert ok(kc, "%load tools\ntriple(5)").result() == "15"
            fails(kc, "%load nothing-here", ".jsh, .jshell, .java, .ijava")

        @check("load_notebook")
        def _():
            shutil.copy(os.path.join(NOTEBOOKS, "library.ipynb"), WORK)
            shutil.copy(os.path.join(NOTEBOOKS, "helpers.jsh"), WORK)
            assert ok(kc, "%load library.ipynb\nsquare(7) + greeting").result() == "49LOADED!"

        @check("display_mime_types")
        def _():
            cell = ok(kc, 'display("<i>x</i>", "text/html", "text/plain");')
            data = cell.of("display_data")[0]["data"]
            assert data == {"text/html": "<i>x</i>", "text/plain": "<i>x</i>"}, data
            chart = ok(kc, 'var chart = new XYChart(200, 100);\nchart.addSeries("s", new double[] {1, 2}, '
                           'new double[] {3, 4});\ndisplay(chart, "image/svg+xml");')
            assert list(chart.of("display_data")[0]["data"]) == ["image/svg+xml"], chart

        @check("unknown_mime_type_is_an_error")
        def _():
            fails(kc, 'display(chart, "svg")', "is not a MIME type")
            return fails(kc, 'display(42, "text/html")', "cannot be shown as text/html")[:160]

        @check("render_and_update_display")
        def _():
            cell = ok(kc, 'String id = display("1", "text/markdown");\nupdateDisplay(id, "**2**", "text/markdown");'
                          '\nupdateDisplay(id, "3");\nrender("<b>4</b>", "text/html")')
            updates = cell.of("update_display_data")
            assert updates[0]["data"] == {"text/markdown": "**2**"}, updates
            assert updates[1]["data"]["text/plain"] == "3", updates
            assert cell.of("execute_result")[0]["data"] == {"text/html": "<b>4</b>"}, cell
            assert "text/plain" in ok(kc, "render(12)").of("execute_result")[0]["data"]

        @check("kernel_instance_eval_and_magic_calls")
        def _():
            assert ok(kc, "getKernelInstance().getBanner().startsWith(\"Descent\")").result() == "true"
            assert ok(kc, 'eval("int e = 20;\\ne + 1")').result() == "21"
            assert ok(kc, "e").result() == "20"
            fails(kc, 'eval("1 +")', "IllegalStateException")
            jars = ok(kc, 'List<String> added = lineMagic("jars", List.of("' + os.path.join(JARS, "startup.jar")
                      + '"));\nadded.size() + " " + startup.Tool.seven()')
            assert jars.result() == "1 7", jars
            timed = ok(kc, 'cellMagic("time", List.of(), "6 * 7")')
            assert timed.result() == "42" and "Wall time" in timed.text(), timed

        @check("magic_as_expression")
        def _():
            cell = ok(kc, "List<String> a = %jars " + os.path.join(JARS, "*.jar") + "\na.size()")
            assert cell.result() == "3", cell

        @check("default_imports_and_printf")
        def _():
            cell = ok(kc, 'File f = new File(".");\nBigInteger b = BigInteger.TWO;\nURI u = URI.create("x:y");\n'
                          'Function<Integer, Integer> g = x -> x + 1;\nConcurrentHashMap<String, Integer> n = new ConcurrentHashMap<>(Map.of("k", 3));\n'
                          'Matcher m = Pattern.compile("a+").matcher("aa");\nPath p = Paths.get(".");\n'
                          'Preferences.class.getName();\nprintf("%d-%s%n", g.apply(n.get("k")), m.matches());')
            assert cell.text() == "4-true\n", cell
    finally:
        km.shutdown_kernel(now=True)


def offline_kernel():
    km, kc = start_new_kernel(kernel_name="java-offline", startup_timeout=90, cwd=WORK)
    try:
        @check("env_classpath_and_startup_scripts")
        def _():
            assert ok(kc, "fromScripts + fromScript + startup.Tool.seven()").result() == "10"

        @check("env_compiler_options")
        def _():
            cell = ok(kc, "class P { void m(int alpha) { } }\n"
                          "P.class.getDeclaredMethod(\"m\", int.class).getParameters()[0].getName()")
            assert cell.result() == "alpha", cell

        @check("maven_offline_from_cache")
        def _():
            cell = ok(kc, '%maven example:greeting:1.0\nexample.greeting.Greeting.hello("Bo")')
            assert cell.result() == "Hello, Bo (name 2.0)", cell

        @check("maven_offline_uncached_says_so")
        def _():
            return fails(kc, "%maven example:uncached:1.0", "example:uncached", "cannot reach", "offline")[:200]
    finally:
        km.shutdown_kernel(now=True)


def timeout_kernel():
    """IJAVA_TIMEOUT in a kernel of its own: on a loaded machine any cell may take seconds."""
    km, kc = start_new_kernel(kernel_name="java-timeout", startup_timeout=90, cwd=WORK)
    try:
        @check("env_timeout")
        def _():
            for _ in range(3):                  # the first cells compile slowly; one must pass
                if run(kc, "1 + 1").ok:
                    break
            start = time.time()
            fails(kc, "long n = 0;\nwhile (true) { n++; }", "TimeoutException", "5000 ms")
            stopped = time.time() - start
            assert ok(kc, "2 + 2").result() == "4"
            return "stopped after %.1f s" % stopped
    finally:
        km.shutdown_kernel(now=True)


def notebook():
    @check("ijava_style_notebook")
    def _():
        folder = os.path.join(WORK, "notebook")
        shutil.copytree(NOTEBOOKS, folder)
        nb = nbformat.read(os.path.join(folder, "ijava-style.ipynb"), as_version=4)
        NotebookClient(nb, kernel_name="java", timeout=180, startup_timeout=90,
                       resources={"metadata": {"path": folder}}).execute()
        code = [c for c in nb.cells if c.cell_type == "code"]

        def plain(i):
            return "".join(o["data"]["text/plain"] for o in code[i].outputs if o.output_type == "execute_result")

        assert plain(0) == "gson-2.10.1.jar", code[0].outputs
        assert plain(1) == '{"lr":0.1}', code[1].outputs
        assert plain(2) == "144 LOADED!", code[2].outputs
        assert plain(3) == "AGAIN!", code[3].outputs
        shown = [o for o in code[4].outputs if o.output_type == "display_data"]
        assert shown[0]["data"] == {"text/html": "<b>epoch 2</b>"}, shown          # updated in place
        assert shown[1]["data"]["text/plain"] == "plain text", shown
        assert "true\n" in "".join(o.get("text", "") for o in code[4].outputs), code[4].outputs
        assert plain(5) == "9", code[5].outputs
        return "%d code cells" % len(code)


maven_kernel()
offline_kernel()
timeout_kernel()
notebook()
checks.exit()
