package descent.bench;

import descent.data.Batches;
import descent.data.DataSet;
import descent.data.Datasets;
import descent.nn.Network;
import descent.cores.Cores;
import descent.optim.Momentum;
import descent.train.Trainer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import tech.tablesaw.api.Table;

/**
 * The seed experiment, timed in one run: MLP 784-200-10, ReLU, softmax cross-entropy, batch 64,
 * SGD with momentum 0.9, lr 0.01, Fashion-MNIST's 60,000 training images — in Descent (default
 * settings), in PyTorch 1.13 ({@code tools/bench/mlp_torch.py}, one thread, when
 * {@code /usr/bin/python3} has torch) and in DL4J's MultiLayerNetwork (Nesterov momentum: DL4J has
 * no heavy-ball updater). Prints wall and CPU seconds per epoch (the median of the epochs after
 * the first; CPU time is the whole process's, so Descent's, which uses every core by default,
 * shows what the speed costs), the ratios to PyTorch, and the last epoch's mean training loss.
 *
 * <pre>
 *   mvn -B -o -q test-compile
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) descent.bench.MlpBench [epochs]
 * </pre>
 * (cp.txt from {@code mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * -Dmdep.includeScope=test}.)
 */
public final class MlpBench {

    record Result(String name, double[] seconds, double[] cpu, double[] losses) {
        double secondsPerEpoch() {
            return median(seconds);
        }

        double cpuPerEpoch() {
            return median(cpu);
        }

        /** The median of the epochs after the first (which includes the JIT's warm-up). */
        static double median(double[] v) {
            double[] s = java.util.Arrays.copyOfRange(v, v.length > 1 ? 1 : 0, v.length);
            java.util.Arrays.sort(s);
            return s[s.length / 2];
        }

        double lastLoss() {
            return losses[losses.length - 1];
        }
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        DataSet train = Datasets.fashionMnist().train();
        System.out.printf("MLP 784-200-10, batch 64, momentum 0.9, lr 0.01, %d epochs of %,d images; %s; load %s%n",
                epochs, train.size(), cpu(), load());
        List<Result> results = new ArrayList<>();
        results.add(descent(train, epochs));
        System.out.println("Descent threads: " + Cores.describe());
        Result torch = torch(epochs);
        if (torch != null) {
            results.add(torch);
        }
        results.add(dl4j(train, epochs));
        System.out.printf("%n%-9s %9s %8s %11s %8s %10s   load %s%n", "library", "s/epoch", "ratio", "cpu s/epoch",
                "ratio", "last loss", load());
        for (Result r : results) {
            System.out.printf("%-9s %9.3f %8s %11.3f %8s %10.4f   wall per epoch: %s%n", r.name, r.secondsPerEpoch(),
                    torch == null ? "-" : String.format("%.2f", r.secondsPerEpoch() / torch.secondsPerEpoch()),
                    r.cpuPerEpoch(),
                    torch == null ? "-" : String.format("%.2f", r.cpuPerEpoch() / torch.cpuPerEpoch()),
                    r.lastLoss(), java.util.Arrays.toString(round(r.seconds)));
        }
        // Same network, data and settings, different random draws: the last losses should agree
        // to a few per cent (DL4J steps with Nesterov momentum, so it may differ a little more).
        double reference = results.get(0).lastLoss();
        for (Result r : results.subList(1, results.size())) {
            double gap = Math.abs(r.lastLoss() - reference) / reference;
            System.out.printf("last loss of %s against Descent's: %.1f%% apart (%s)%n", r.name, 100 * gap,
                    gap <= 0.05 ? "agree" : "DISAGREE: check the set-up");
        }
    }

    /** One fit per epoch (each with its own shuffling seed), to time each epoch in wall and CPU time. */
    static Result descent(DataSet train, int epochs) {
        Network net = Network.mlp(784, 200, 10).relu().seed(1).build();
        Momentum momentum = new Momentum(0.01, 0.9);
        double[] seconds = new double[epochs];
        double[] cpu = new double[epochs];
        double[] losses = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            Table h = Trainer.of(net, momentum).epochs(1).batchSize(64).seed(e).fit(train);
            cpu[e] = (processCpuNanos() - cpuStart) / 1e9;
            seconds[e] = (System.nanoTime() - start) / 1e9;
            losses[e] = h.doubleColumn("loss").getDouble(0);
        }
        return new Result("Descent", seconds, cpu, losses);
    }

    /** The CPU time of the whole JVM (the training thread and the helpers that share its work). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static Result torch(int epochs) throws Exception {
        if (!new File("/usr/bin/python3").canExecute()) {
            return null;
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "tools/bench/mlp_torch.py",
                Datasets.folder("fashion-mnist").toString(), String.valueOf(epochs), "1").redirectErrorStream(true);
        // torch.set_num_threads(1) alone still leaves an OpenMP thread spinning beside the
        // training (process CPU twice the wall time, and slower); one thread means one thread.
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.trim().split(" ");
                if (f.length == 8 && f[0].equals("epoch")) {
                    seconds.add(Double.parseDouble(f[3]));
                    cpu.add(Double.parseDouble(f[5]));
                    losses.add(Double.parseDouble(f[7]));
                    System.out.println("torch " + line);
                } else if (line.contains("No module named")) {
                    System.out.println("PyTorch not installed: " + line);
                }
            }
        }
        if (p.waitFor() != 0 || seconds.isEmpty()) {
            return null;
        }
        return new Result("PyTorch", seconds.stream().mapToDouble(d -> d).toArray(),
                cpu.stream().mapToDouble(d -> d).toArray(), losses.stream().mapToDouble(d -> d).toArray());
    }

    static Result dl4j(DataSet train, int epochs) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1).updater(new Nesterovs(0.01, 0.9)).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(200).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(200).nOut(10)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER_UNIFORM).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Batches batches = train.batches(64, 1);
        double[] seconds = new double[epochs];
        double[] cpu = new double[epochs];
        double[] losses = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            double sum = 0;
            int n = 0;
            for (Batches.Batch b : batches) {
                net.fit(new org.nd4j.linalg.dataset.DataSet(b.features(), b.oneHot()));
                sum += net.score();
                n++;
            }
            seconds[e] = (System.nanoTime() - start) / 1e9;
            cpu[e] = (processCpuNanos() - cpuStart) / 1e9;
            losses[e] = sum / n;
            System.out.printf("DL4J epoch %d %.3f s loss %.4f%n", e + 1, seconds[e], losses[e]);
        }
        return new Result("DL4J", seconds, cpu, losses);
    }

    static String cpu() {
        return Runtime.getRuntime().availableProcessors() + " cores";
    }

    static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static double[] round(double[] s) {
        double[] r = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = Math.round(s[i] * 1000) / 1000.0;
        }
        return r;
    }
}
