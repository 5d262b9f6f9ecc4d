package descent.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kernelspec settings IJava and JJava read from the kernel's environment, honoured under
 * both names ({@code IJAVA_…} or {@code JJAVA_…}; the JJava one wins when both are set):
 * <ul>
 * <li>{@code CLASSPATH}: jars and folders (globs allowed) added before the first cell, separated
 *     by {@code File.pathSeparator};</li>
 * <li>{@code STARTUP_SCRIPTS_PATH}: files of snippets run at start (globs allowed, same
 *     separator); {@code STARTUP_SCRIPT}: snippets run after them;</li>
 * <li>{@code TIMEOUT}: milliseconds a cell may run before it is stopped (-1 or unset: no limit);</li>
 * <li>{@code COMPILER_OPTS}: options for JShell's compiler, separated by spaces.</li>
 * </ul>
 */
record Settings(List<String> classPath, List<String> startupScripts, String startupScript, long timeoutMillis,
        List<String> compilerOptions) {

    static Settings from(Map<String, String> env) {
        return new Settings(split(get(env, "CLASSPATH"), File.pathSeparator),
                split(get(env, "STARTUP_SCRIPTS_PATH"), File.pathSeparator),
                get(env, "STARTUP_SCRIPT"),
                timeout(get(env, "TIMEOUT")),
                split(get(env, "COMPILER_OPTS"), " "));
    }

    private static String get(Map<String, String> env, String name) {
        String jjava = env.get("JJAVA_" + name);
        return jjava != null ? jjava : env.get("IJAVA_" + name);
    }

    private static List<String> split(String value, String separator) {
        List<String> parts = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(java.util.regex.Pattern.quote(separator))) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }

    private static long timeout(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("IJAVA_TIMEOUT/JJAVA_TIMEOUT must be milliseconds, got " + value);
        }
    }
}
