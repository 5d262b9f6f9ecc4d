package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void ijavaNamesAndJJavaNamesWhichWin() {
        Settings s = Settings.from(Map.of(
                "IJAVA_CLASSPATH", "a.jar" + File.pathSeparator + " lib/*.jar" + File.pathSeparator,
                "IJAVA_STARTUP_SCRIPT", "int i = 1;",
                "JJAVA_STARTUP_SCRIPT", "int j = 2;",
                "IJAVA_TIMEOUT", "1500",
                "JJAVA_COMPILER_OPTS", "-parameters  -Xlint:all"));
        assertEquals(List.of("a.jar", "lib/*.jar"), s.classPath());
        assertEquals(List.of(), s.startupScripts());
        assertEquals("int j = 2;", s.startupScript());
        assertEquals(1500, s.timeoutMillis());
        assertEquals(List.of("-parameters", "-Xlint:all"), s.compilerOptions());
        assertEquals(-1, Settings.from(Map.of()).timeoutMillis());
    }

    @Test
    void timeoutMustBeMilliseconds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Map.of("IJAVA_TIMEOUT", "3s")));
        assertEquals("IJAVA_TIMEOUT/JJAVA_TIMEOUT must be milliseconds, got 3s", e.getMessage());
    }
}
