package descent.bench;

import descent.cores.Cores;
import descent.data.Batches;
import descent.data.DataSet;
import descent.data.Datasets;
import descent.nn.Network;
import descent.optim.Momentum;
import descent.train.Trainer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * no heavy-ball updater).
 *
 * <p>The libraries run in turns, one epoch each, so that a change in the machine's load falls on
 * all of them alike. The table gives, per library, the median and the best wall seconds per epoch
 * of the epochs after the first (which includes the JIT's warm-up), the median CPU seconds (the
 * whole process's: Descent uses every core by default, and this shows what the speed costs), the
 * ratios to PyTorch, and the last epoch's mean training loss; above it, the CPU model and the
 * load.
 *
 * <p>PyTorch is only as fast as the BLAS under it. Debian's torch calls whatever
 * {@code libblas.so.3} the system provides: without {@code libopenblas0} that is the reference
 * BLAS, a 64×784×200 product takes ≈3.5 ms instead of ≈0.15 ms and the peer is ≈10× slower than
 * it should be. The bench prints the library torch loaded and leaves PyTorch out of the table when
 * it is the reference BLAS (pass {@code --reference-blas} to keep it, marked).
 *
 * <pre>
 *   ./lab bench mlp [epochs] [--reference-blas]
 * </pre>
 */
public final class MlpBench {

    /** One library's epochs. */
    record Result(String name, double[] seconds, double[] cpu, double[] losses) {
        /** The median of the epochs after the first. */
        static double median(double[] v) {
            double[] s = afterFirst(v);
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        static double best(double[] v) {
            return Arrays.stream(afterFirst(v)).min().orElseThrow();
        }

        static double[] afterFirst(double[] v) {
            return Arrays.copyOfRange(v, v.length > 1 ? 1 : 0, v.length);
        }

        double lastLoss() {
            return losses[losses.length - 1];
        }
    }

    /** A library that trains one epoch per call and returns {wall s, CPU s, mean loss}. */
    interface Peer {
        double[] epoch() throws IOException;
    }

    public static void main(String[] args) throws Exception {
        int epochs = 4;
        boolean referenceBlas = false;
        for (String a : args) {
            if (a.equals("--reference-blas")) referenceBlas = true; else epochs = Integer.parseInt(a);
        }
        DataSet train = Datasets.fashionMnist().train();
        System.out.printf("MLP 784-200-10, batch 64, momentum 0.9, lr 0.01, %d epochs of %,d images, in turns%n",
                epochs, train.size());
        System.out.printf("CPU: %s, %d cores; load %s%n", cpuModel(), Runtime.getRuntime().availableProcessors(), load());
        System.out.println("Descent threads: " + Cores.describe());
        List<String> names = new ArrayList<>(List.of("Descent"));
        List<Peer> peers = new ArrayList<>(List.of(descent(train)));
        Peer torch = torch(epochs, referenceBlas);
        if (torch != null) {
            names.add("PyTorch");
            peers.add(torch);
        }
        names.add("DL4J");
        peers.add(dl4j(train));

        double[][][] runs = new double[peers.size()][3][epochs];   // [peer][wall, cpu, loss][epoch]
        for (int e = 0; e < epochs; e++) {
            for (int p = 0; p < peers.size(); p++) {
                double[] r = peers.get(p).epoch();
                for (int k = 0; k < 3; k++) runs[p][k][e] = r[k];
                System.out.printf("%-8s epoch %d  %.3f s  cpu %.3f s  loss %.4f%n", names.get(p), e + 1, r[0], r[1], r[2]);
            }
        }
        List<Result> results = new ArrayList<>();
        for (int p = 0; p < peers.size(); p++) {
            results.add(new Result(names.get(p), runs[p][0], runs[p][1], runs[p][2]));
        }
        print(results, torch == null ? null : results.get(1));
    }

    static void print(List<Result> results, Result torch) {
        System.out.printf("%n| library | median s/epoch | best s/epoch | ratio | median CPU s/epoch | ratio | last loss |%n");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            double wall = Result.median(r.seconds), cpu = Result.median(r.cpu);
            System.out.printf("| %s | %.3f | %.3f | %s | %.3f | %s | %.4f |%n", r.name, wall, Result.best(r.seconds),
                    torch == null ? "—" : String.format("%.2f", wall / Result.median(torch.seconds)), cpu,
                    torch == null ? "—" : String.format("%.2f", cpu / Result.median(torch.cpu)), r.lastLoss());
        }
        System.out.println("load " + load());
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
    static Peer descent(DataSet train) {
        Network net = Network.mlp(784, 200, 10).relu().seed(1).build();
        Momentum momentum = new Momentum(0.01, 0.9);
        int[] epoch = {0};
        return () -> {
            long start = System.nanoTime(), cpuStart = processCpuNanos();
            Table h = Trainer.of(net, momentum).epochs(1).batchSize(64).seed(epoch[0]++).fit(train);
            return new double[] {(System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9,
                    h.doubleColumn("loss").getDouble(0)};
        };
    }

    /** The CPU time of the whole JVM (the training thread and the helpers that share its work). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * PyTorch in its own process, once it has said which BLAS it multiplies with; null if there is
     * no torch, or if it runs on the reference BLAS and {@code referenceBlas} is false. Each epoch:
     * a line to the process's stdin, then its "epoch e seconds s cpu c loss l" line.
     */
    static Peer torch(int epochs, boolean referenceBlas) throws IOException {
        if (!new File("/usr/bin/python3").canExecute()) {
            System.out.println("PyTorch left out: no /usr/bin/python3");
            return null;
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "tools/bench/mlp_torch.py",
                Datasets.folder("fashion-mnist").toString(), String.valueOf(epochs), "1").redirectErrorStream(true);
        // torch.set_num_threads(1) alone still leaves an OpenMP thread spinning beside the
        // training (process CPU twice the wall time, and slower); one thread means one thread.
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("blas ")) {
                String[] f = line.split(" ");   // blas <BLAS_INFO> <library file> <ms per product>
                boolean optimised = f[2].contains("openblas") || f[2].contains("mkl") || f[2].contains("blis");
                System.out.printf("PyTorch BLAS: BLAS_INFO=%s, library %s, a 64×784×200 product %s ms%s%n", f[1], f[2], f[3],
                        optimised ? "" : " — the REFERENCE BLAS, ≈10× slower than OpenBLAS (apt-get install libopenblas0)");
                if (!optimised && !referenceBlas) {
                    System.out.println("PyTorch left out: pass --reference-blas to time it on the reference BLAS anyway");
                    p.destroy();
                    return null;
                }
                return torchEpochs(p, out);
            }
            if (line.contains("No module named")) {
                System.out.println("PyTorch left out: " + line);
            }
        }
        p.destroy();
        return null;
    }

    static Peer torchEpochs(Process p, BufferedReader out) {
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        return () -> {
            in.write("\n");
            in.flush();
            for (String line; (line = out.readLine()) != null; ) {
                String[] f = line.trim().split(" ");
                if (f.length == 8 && f[0].equals("epoch")) {
                    return new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[5]), Double.parseDouble(f[7])};
                }
                System.out.println("torch: " + line);
            }
            throw new IOException("the PyTorch process ended before its epoch");
        };
    }

    static Peer dl4j(DataSet train) {
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
        return () -> {
            long start = System.nanoTime(), cpuStart = processCpuNanos();
            double sum = 0;
            int n = 0;
            for (Batches.Batch b : batches) {
                net.fit(new org.nd4j.linalg.dataset.DataSet(b.features(), b.oneHot()));
                sum += net.score();
                n++;
            }
            return new double[] {(System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9, sum / n};
        };
    }

    /** The "model name" of /proc/cpuinfo, e.g. "AMD EPYC 7B13". */
    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
