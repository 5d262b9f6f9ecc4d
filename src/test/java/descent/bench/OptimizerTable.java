package descent.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link OptimizerBench} and prints, per optimizer, ns per parameter for Descent and ND4J's
 * fused updater, the memory-bandwidth floor (bytes the step must move per parameter divided by
 * the bandwidth of a plain copy measured in the same run, on as many cores as the steps use) and
 * the ratios.
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     descent.bench.OptimizerTable [optimizer,...]
 * </pre>
 * (Or any JMH command line: {@code org.openjdk.jmh.Main OptimizerBench -f 1 -wi 3 -i 5}.)
 */
public final class OptimizerTable {

    /**
     * Bytes a FLOAT step must move per parameter: g read by the check for NaN and ∞ (which refuses a
     * bad gradient before anything changes), then θ read and written, g read, each state read and
     * written.
     */
    static final Map<String, Integer> BYTES = new LinkedHashMap<>();
    static {
        BYTES.put("Sgd", 16);
        BYTES.put("Momentum", 24);
        BYTES.put("Nesterov", 24);
        BYTES.put("AdaGrad", 24);
        BYTES.put("AdaDelta", 32);
        BYTES.put("RmsProp", 24);
        BYTES.put("RmsPropCenteredMomentum", 40);
        BYTES.put("Adam", 32);
        BYTES.put("AdaMax", 32);
        BYTES.put("Nadam", 32);
        BYTES.put("AmsGrad", 40);
        BYTES.put("AdamW", 32);
        BYTES.put("RAdam", 32);
    }

    public static void main(String[] args) throws Exception {
        String[] names = args.length > 0 ? args[0].split(",") : BYTES.keySet().toArray(String[]::new);
        var options = new OptionsBuilder()
                .include(OptimizerBench.class.getName() + "\\.(descentStep|nd4jStep|copy)$")
                .param("optimizer", names)
                .forks(1).warmupIterations(3).measurementIterations(5)
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1))
                .build();
        Map<String, Double> ms = new LinkedHashMap<>();
        for (RunResult r : new Runner(options).run()) {
            String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            ms.put(r.getParams().getParam("optimizer") + "/" + method, r.getPrimaryResult().getScore());
        }
        double n = OptimizerBench.N;
        // copy: 8 bytes per parameter (read + write); the best copy of the run is the bandwidth
        double copyNs = ms.entrySet().stream().filter(e -> e.getKey().endsWith("/copy"))
                .mapToDouble(Map.Entry::getValue).min().orElseThrow() * 1e6 / n;
        double gbPerS = 8 / copyNs;
        System.out.printf("%nCopy bandwidth: %.1f GB/s (%.3f ns per 8-byte parameter copy) on %d cores%n%n", gbPerS, copyNs,
                descent.cores.Cores.count());
        System.out.println("| optimizer | bytes/param | floor ns/param | Descent ns/param | Descent/floor | ND4J ns/param | ND4J/Descent |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String name : names) {
            double floor = BYTES.get(name) / gbPerS;
            double ours = ms.get(name + "/descentStep") * 1e6 / n;
            Double theirs = OptimizerBench.nd4j(name) == null ? null : ms.get(name + "/nd4jStep") * 1e6 / n;
            System.out.printf("| %s | %d | %.2f | %.2f | %.2f | %s | %s |%n", name, BYTES.get(name), floor, ours, ours / floor,
                    theirs == null ? "—" : String.format("%.2f", theirs), theirs == null ? "—" : String.format("%.1f×", theirs / ours));
        }
    }
}
