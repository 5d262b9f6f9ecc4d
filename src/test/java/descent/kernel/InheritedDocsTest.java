package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shift-Tab on a method called through a subclass shows the javadoc of the class that declares it,
 * overload by overload ({@link InheritedDocs}; without it JShell 21 and later show none). The
 * classes are compiled here, and their sources are named as the kernelspec names Descent's.
 */
class InheritedDocsTest {

    @TempDir
    Path dir;
    private Cells cells;

    @AfterEach
    void close() {
        System.clearProperty(LibrarySources.PROPERTY);
        if (cells != null) {
            cells.close();
        }
    }

    @Test
    void inheritedMethodsShowTheirDeclaringClassesJavadoc() throws Exception {
        Path sources = dir.resolve("src");
        Path base = write(sources.resolve("inherited/Base.java"), """
                package inherited;
                public abstract class Base<T> {
                    /** Adds the number n. */
                    public void add(int n) {}
                    /** Adds the text s. */
                    public void add(String s) {}
                    /** Gives back the values, of any type. */
                    public <U> java.util.List<U> values(java.util.Map<? extends T, U> byKey) { return null; }
                }
                """);
        Path sub = write(sources.resolve("inherited/Sub.java"), """
                package inherited;
                /** Adds nothing of its own. */
                public class Sub extends Base<String> {}
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), base.toString(), sub.toString()), "javac");
        System.setProperty(LibrarySources.PROPERTY, sources.toString());
        cells = new Cells(null);
        cells.run("%classpath " + classes, 1);

        assertEquals(List.of("void inherited.Base<T extends Object>.add(int n)", "Adds the number n.",
                "void inherited.Base<T extends Object>.add(String s)", "Adds the text s."),
                inspect("new inherited.Sub().add"));
        assertEquals(List.of("List<U> inherited.Base<T extends Object>.<U extends Object>values(Map<? extends T,U> byKey)",
                "Gives back the values, of any type."),
                inspect("new inherited.Sub().values"));
    }

    /** Shift-Tab at the end of {@code code}: signatures and javadoc, each stripped. */
    private List<String> inspect(String code) {
        String inspection = cells.documentation(code, code.length());
        assertNotNull(inspection, code);
        return Stream.of(inspection.split("\n\n")).map(String::strip).toList();
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
