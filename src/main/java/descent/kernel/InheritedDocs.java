package descent.kernel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * Finds the javadoc of a method called through a subclass, which JShell loses since Java 21.
 *
 * <p>To offer inherited methods in completion, JShell lists them as copies owned by the subclass
 * (JDK-8296789, in Java 21). Shift-Tab then looks for the copy's javadoc in the subclass's source
 * file, where the method is not declared, and finds none: on Java 25, {@code new Adam(0.01).step}
 * showed {@code ElementwiseOptimizer.step}'s signature without its javadoc, and
 * {@code list.stream} {@code Collection.stream}'s. The signature still names the declaring type, so
 * this asks JShell again through that type, {@code ((ElementwiseOptimizer) null).step(}, and takes
 * the answer with the same signature. On Java 17 every javadoc is found at once and this asks
 * nothing.
 */
final class InheritedDocs {

    /** JShell's signature of a method, "R T&lt;…&gt;.&lt;…&gt;m(…)": the declaring type T and the name m. */
    private static final Pattern METHOD = Pattern.compile(".* ([\\w.$]+)(?:<[^(]*>)?\\.(?:<[^(]*>)?([\\w$]+)\\(");
    /**
     * What JShell shows only when it read the method from source: a parameter's name (a word after
     * its type, before "," or ")") and a type parameter's bound Object.
     */
    private static final Pattern FROM_SOURCE = Pattern.compile("(?<=[\\w$>\\].]) [\\w$]+(?=[,)])| extends Object(?=[,>])");

    private InheritedDocs() {
    }

    /** {@code docs} with each method that has no javadoc replaced by its declaring type's, where that has it. */
    static List<Documentation> restore(SourceCodeAnalysis analysis, List<Documentation> docs) {
        Map<String, List<Documentation>> asked = new HashMap<>();
        return docs.stream().map(doc -> {
            Matcher method = METHOD.matcher(doc.signature());
            if (doc.javadoc() != null || !method.lookingAt()) {
                return doc;
            }
            String probe = "((" + method.group(1) + ") null)." + method.group(2) + "(";
            String signature = comparable(doc.signature());
            return asked.computeIfAbsent(probe, p -> analysis.documentation(p, p.length(), true)).stream()
                    .filter(found -> found.javadoc() != null && comparable(found.signature()).equals(signature))
                    .findFirst().orElse(doc);
        }).toList();
    }

    private static String comparable(String signature) {
        return FROM_SOURCE.matcher(signature).replaceAll("");
    }
}
