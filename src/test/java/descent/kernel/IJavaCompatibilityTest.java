package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * IJava's magics, display API and session settings, driven through jupyter_client by
 * {@code src/test/python/kernel/ijava_check.py}, plus the IJava-style notebook
 * {@code src/test/resources/ijava/ijava-style.ipynb} executed headless. Each check it reports
 * becomes one test here ({@link CheckScript}).
 *
 * <p>No network: the Maven checks resolve from repositories this test writes (one stands in for
 * Central through Maven's {@code maven.repo.central} property) into a temporary local repository;
 * a second kernel resolves offline from that cache. The notebook resolves Gson 2.10.1 from the
 * user's local repository, where the build puts it (pom.xml, execution ijava-notebook-artifact).
 */
class IJavaCompatibilityTest {

    private static final CheckScript SCRIPT = CheckScript.named("ijava_check")
            .needing("jupyter_client, zmq, nbclient", "python3-jupyter-client python3-zmq python3-nbclient");
    private static final List<String> CHECKS = List.of("maven_failure_names_coordinate_and_changes_nothing",
            "maven_checksum", "maven_transitive_from_central", "maven_repo_and_aliases", "load_from_pom_file",
            "load_from_pom_cell", "users_jar_wins_over_kernel_internals", "clash_with_session_library_is_named",
            "load_guesses_extension", "load_notebook", "display_mime_types", "unknown_mime_type_is_an_error",
            "render_and_update_display", "kernel_instance_eval_and_magic_calls", "magic_as_expression",
            "default_imports_and_printf", "env_classpath_and_startup_scripts", "env_compiler_options",
            "env_timeout", "maven_offline_from_cache", "maven_offline_uncached_says_so", "ijava_style_notebook");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> throughJupyterClient() throws Exception {
        SCRIPT.requirePython();
        Path jupyter = work.resolve("jupyter");
        Path spec = Install.write(jupyter, UsersClassPath.in(work.resolve("cp")));
        Path central = work.resolve("central");
        Path extra = work.resolve("extra");
        Path local = work.resolve("local");
        writeRepositories(central, extra, work.resolve("build"));
        Path jars = work.resolve("jars");
        Files.createDirectories(jars);
        jar(jars.resolve("fake-gson.jar"), "com.google.gson.Gson",
                "package com.google.gson; public class Gson { public static String who() { return \"user\"; } }");
        jar(jars.resolve("tablesaw-core-0.38.1.jar"), "tech.tablesaw.api.Table",
                "package tech.tablesaw.api; public class Table { }");
        jar(jars.resolve("startup.jar"), "startup.Tool",
                "package startup; public class Tool { public static int seven() { return 7; } }");
        Files.writeString(work.resolve("startup.jsh"), "int fromScripts = 1;\n");

        kernelspec(spec, "java-maven", List.of("-Dmaven.repo.local=" + local,
                "-Dmaven.repo.central=" + central.toUri()), Map.of());
        kernelspec(spec, "java-offline", List.of("-Dmaven.repo.local=" + local,
                "-Dmaven.repo.central=http://127.0.0.1:9/"), Map.of(
                "IJAVA_CLASSPATH", jars.resolve("startup.jar").toString(),
                "IJAVA_STARTUP_SCRIPTS_PATH", work.resolve("startup.jsh").toString(),
                "JJAVA_STARTUP_SCRIPT", "int fromScript = 2;",
                "JJAVA_COMPILER_OPTS", "-parameters"));
        kernelspec(spec, "java-timeout", List.of(), Map.of("IJAVA_TIMEOUT", "5000"));

        return SCRIPT.run(jupyter, work, CHECKS, work.toString(), extra.toUri().toString(), jars.toString(),
                Path.of("src/test/resources/ijava").toAbsolutePath().toString());
    }

    /** A copy of the kernelspec {@code java} named {@code name}, with more JVM options and environment. */
    private static void kernelspec(Path javaSpec, String name, List<String> jvmOptions, Map<String, String> env)
            throws IOException {
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        JsonObject json = gson.fromJson(Files.readString(javaSpec), JsonObject.class);
        JsonArray argv = json.getAsJsonArray("argv");
        JsonArray with = new JsonArray();
        with.add(argv.get(0));
        jvmOptions.forEach(with::add);
        for (int i = 1; i < argv.size(); i++) {
            with.add(argv.get(i));
        }
        json.add("argv", with);
        env.forEach(json.getAsJsonObject("env")::addProperty);
        Path dir = javaSpec.getParent().resolveSibling(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), gson.toJson(json));
    }

    /**
     * Two Maven repositories. "central": example:greeting:1.0, which needs example:name:2.0;
     * example:pommed:1.0 and example:celled:1.0; example:tampered:1.0, whose jar's checksum is
     * wrong. "extra": example:other:1.0.
     */
    private static void writeRepositories(Path central, Path extra, Path build) throws Exception {
        artifact(central, build, "name", "2.0", "package example.name; public class Name {"
                + " public static String version() { return \"2.0\"; } }", null, false);
        artifact(central, build, "greeting", "1.0", "package example.greeting; public class Greeting {"
                + " public static String hello(String who) { return \"Hello, \" + who + \" (name \""
                + " + example.name.Name.version() + \")\"; } }", "name:2.0", false);
        artifact(central, build, "pommed", "1.0", "package example.pommed; public class Pommed {"
                + " public static int answer() { return 41; } }", null, false);
        artifact(central, build, "celled", "1.0", "package example.celled; public class Celled {"
                + " public static int answer() { return 43; } }", null, false);
        artifact(central, build, "tampered", "1.0", "package example.tampered; public class Tampered { }", null, true);
        artifact(extra, build, "other", "1.0", "package example.other; public class Other {"
                + " public static String where() { return \"extra\"; } }", null, false);
    }

    /** Writes example:{@code id}:{@code version} (jar, POM, SHA-1 files) into {@code repository}. */
    private static void artifact(Path repository, Path build, String id, String version, String source,
            String dependency, boolean badChecksum) throws Exception {
        Path dir = repository.resolve("example").resolve(id).resolve(version);
        Files.createDirectories(dir);
        String className = source.replaceAll("(?s)package ([\\w.]+);.*?class (\\w+).*", "$1.$2");
        Path jar = dir.resolve(id + "-" + version + ".jar");
        jar(jar, className, source, build.resolve("classes-" + id), repository.resolve("example/name/2.0/name-2.0.jar"));
        String deps = dependency == null ? "" : "<dependencies><dependency><groupId>example</groupId><artifactId>"
                + dependency.split(":")[0] + "</artifactId><version>" + dependency.split(":")[1]
                + "</version></dependency></dependencies>";
        Path pom = dir.resolve(id + "-" + version + ".pom");
        Files.writeString(pom, "<project><modelVersion>4.0.0</modelVersion><groupId>example</groupId><artifactId>"
                + id + "</artifactId><version>" + version + "</version>" + deps + "</project>\n");
        Files.writeString(pom.resolveSibling(pom.getFileName() + ".sha1"), sha1(Files.readAllBytes(pom)));
        Files.writeString(jar.resolveSibling(jar.getFileName() + ".sha1"),
                badChecksum ? sha1(new byte[0]) : sha1(Files.readAllBytes(jar)));
    }

    private static void jar(Path jar, String className, String source) throws Exception {
        jar(jar, className, source, jar.getParent().resolveSibling("classes-" + jar.getFileName()), null);
    }

    /** Compiles {@code source} (against {@code classPath} when it exists) into a jar of its one class. */
    private static void jar(Path jar, String className, String source, Path classes, Path classPath) throws Exception {
        Path src = classes.resolve("src").resolve(className.replace('.', '/') + ".java");
        Path out = classes.resolve("out");
        Files.createDirectories(src.getParent());
        Files.createDirectories(out);
        Files.writeString(src, source);
        List<String> args = new ArrayList<>(List.of("-d", out.toString()));
        if (classPath != null && Files.exists(classPath)) {
            args.addAll(List.of("-cp", classPath.toString()));
        }
        args.add(src.toString());
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)),
                "javac " + className);
        String entry = className.replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out2 = new JarOutputStream(file)) {
            out2.putNextEntry(new JarEntry(entry));
            out2.write(Files.readAllBytes(out.resolve(entry)));
            out2.closeEntry();
        }
    }

    private static String sha1(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
