import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes descent/optim/FloatRules.java: the float twin of every update rule in descent.optim.
 *
 * <p>A rule is a static method whose javadoc names its twin, "{@code FloatRules.adam} is this
 * text in float". Its twin is the same text with {@code double} replaced by {@code float}, and
 * renamed: Java has no generics over primitives, and computing float data in double would cost
 * the vectorisation (see descent.optim.Flat), so the twin is generated rather than written.
 * {@code fma}, {@code max}, {@code min}, {@code abs} have float overloads and {@code sqrt} gets
 * one here. A decimal literal in a rule would be a double in the twin: refused.
 *
 * <p>Run by Maven's generate-sources phase (pom.xml):
 * {@code java tools/FloatRules.java src/main/java/descent/optim target/generated-sources/float-rules}
 */
public class FloatRules {
    private static final Pattern TWIN = Pattern.compile("\\{@code FloatRules\\.(\\w+)\\} is this text in float");
    private static final Pattern NAME = Pattern.compile("(\\w+)\\s*\\(");

    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args[0]), out = Path.of(args[1], "descent", "optim", "FloatRules.java");
        List<String> twins = new ArrayList<>();
        Set<String> imports = new TreeSet<>();   // the java.* imports of the files with rules
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> found = twinsIn(file);
                twins.addAll(found);
                if (found.isEmpty()) continue;
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import java.")) imports.add(line + "\n");
                }
            }
        }
        String text = """
                package descent.optim;

                import static java.lang.Math.abs;
                import static java.lang.Math.fma;
                import static java.lang.Math.max;
                import static java.lang.Math.min;

                """ + String.join("", imports) + """

                /**
                 * The float twin of every update rule in descent.optim, generated at build time by
                 * tools/FloatRules.java from the rules' double text. Do not edit: edit the rule.
                 */
                final class FloatRules {
                    private FloatRules() {}

                    /** √x in float. */
                    private static float sqrt(float x) {
                        return (float) Math.sqrt(x);
                    }
                """ + String.join("", twins) + "}\n";
        Files.createDirectories(out.getParent());
        if (!Files.exists(out) || !Files.readString(out).equals(text)) Files.writeString(out, text);
    }

    /** The twins of the rules in one source file. */
    static List<String> twinsIn(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file), twins = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher twin = TWIN.matcher(lines.get(i));
            if (!twin.find()) continue;
            while (!lines.get(i).contains("*/")) i++;
            int start = ++i, depth = 0;
            StringBuilder method = new StringBuilder();
            boolean opened = false;
            for (; i < lines.size(); i++) {
                String line = lines.get(i);
                method.append(line).append('\n');
                for (char c : line.replaceAll("//.*", "").toCharArray()) {
                    if (c == '{') { depth++; opened = true; }
                    if (c == '}') depth--;
                }
                if (opened && depth == 0) break;
            }
            twins.add(twin(file, lines.get(start).trim(), method.toString(), twin.group(1)));
        }
        return twins;
    }

    static String twin(Path file, String header, String method, String name) {
        String code = method.replaceAll("//.*", "");
        if (!code.contains("static")) throw new IllegalStateException(file + ": a rule must be static: " + header);
        Matcher decimal = Pattern.compile("(?<![\\w.])\\d+\\.\\d*|(?<![\\w.])\\d+[eE]|(?<![\\w.])\\.\\d").matcher(code);
        if (decimal.find()) {
            throw new IllegalStateException(file + ": a decimal literal would stay double in the float twin: "
                    + decimal.group() + " in " + header);
        }
        Matcher first = NAME.matcher(method.substring(method.indexOf("static")));
        first.find();
        String renamed = method.replaceFirst("\\b" + first.group(1) + "\\s*\\(", name + "(")
                .replaceFirst("\\b(private|protected|public)\\s+", "");
        return "\n    /** From " + file.getFileName() + ". */\n"
                + renamed.replaceAll("\\bdouble\\b", "float").replaceAll("\\bDouble\\b", "Float");
    }
}
