package descent.kernel;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Which classes a cell takes from the jars a user added ({@code %maven}, {@code %jars},
 * {@code %classpath}), and which it shares with the kernel.
 *
 * <p>A cell's class loader looks in the user's jars <em>first</em> for every class except the
 * shared ones, so a user's Gson, JNA or Guava wins over the versions the kernel runs on (its
 * protocol stack: jjava, jeromq, Gson; ND4J's own dependencies), while the kernel keeps using its
 * own. Shared, and so always the kernel's: the JDK, Descent itself, and the libraries whose
 * objects pass between cells and Descent ({@link #SESSION_LIBRARIES}: ND4J, XChart, Tablesaw). A
 * jar that brings one of those too cannot win without breaking Descent, so adding it prints which
 * class clashes and the two versions.
 */
final class UserJars {

    /** Package prefixes shared with the kernel beyond the JDK, with the library each belongs to. */
    static final Map<String, String> SESSION_LIBRARIES = Map.of(
            "descent.", "Descent", "org.nd4j.", "ND4J", "org.knowm.xchart.", "XChart", "tech.tablesaw.", "Tablesaw");

    private static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
            .flatMap(m -> m.getPackages().stream()).collect(Collectors.toUnmodifiableSet());

    private UserJars() {
    }

    /** True if a cell must see the kernel's {@code className}, even when a user's jar has one. */
    static boolean shared(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 || JDK_PACKAGES.contains(className.substring(0, dot)) || library(className) != null;
    }

    private static String library(String className) {
        return SESSION_LIBRARIES.entrySet().stream().filter(e -> className.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * One line per session library that {@code jar} brings again while the kernel already has it:
     * the library, a class of it, the jar's version and the session's. Empty for a folder or a jar
     * without such classes.
     */
    static List<String> clashes(Path jar, ClassLoader kernel) throws IOException {
        if (!jar.toString().endsWith(".jar")) {
            return List.of();
        }
        Map<String, String> first = new LinkedHashMap<>();     // library -> first clashing class file
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.contains("-")) {    // not META-INF/…, module-info, package-info
                    String className = name.substring(0, name.length() - 6).replace('/', '.');
                    String library = library(className);
                    if (library != null && !first.containsKey(library) && kernel.getResource(name) != null) {
                        first.put(library, name);
                    }
                }
            }
        }
        return first.entrySet().stream().map(e -> {
            String className = e.getValue().replace('/', '.').replaceAll("\\.class$", "");
            return jar.getFileName() + " has " + e.getKey() + "'s " + className + ", which this session already"
                    + " loads from " + origin(kernel.getResource(e.getValue())) + " (Descent needs it): cells get"
                    + " that one, and code built for " + jar.getFileName() + " may fail with NoSuchMethodError";
        }).collect(Collectors.toList());
    }

    /** The jar file a resource comes from, by name, or the URL when it is not in a jar. */
    private static String origin(URL resource) {
        try {
            if (resource.openConnection() instanceof JarURLConnection jar) {
                return Path.of(jar.getJarFileURL().toURI()).getFileName().toString();
            }
        } catch (IOException | java.net.URISyntaxException e) {
            // fall through: the URL itself still says where it is
        }
        return resource.toString();
    }
}
