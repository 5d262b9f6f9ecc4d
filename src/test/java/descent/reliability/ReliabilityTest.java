package descent.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.DataSet;
import descent.data.Datasets;
import descent.data.Idx;
import descent.data.Split;
import descent.nn.Dense;
import descent.nn.Elu;
import descent.nn.Identity;
import descent.nn.LeakyRelu;
import descent.nn.Layer;
import descent.nn.Network;
import descent.nn.Relu;
import descent.nn.Sigmoid;
import descent.nn.Tanh;
import descent.optim.Adam;
import descent.optim.Optimizer;
import descent.optim.Sgd;
import descent.parallel.SparseLogistic;
import descent.schedule.CosineAnnealing;
import descent.schedule.Cyclic;
import descent.schedule.Exponential;
import descent.schedule.Lambda;
import descent.schedule.LinearWarmup;
import descent.schedule.MultiStep;
import descent.schedule.ReduceOnPlateau;
import descent.surface.Surfaces;
import descent.surface.Trajectory;
import descent.train.DivergedException;
import descent.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The findings of the reliability review (shared/reviews/reliability.md, items 1–12, the parts in
 * nn, data, schedule, surface and train), each as its reproduction: what was silent garbage, a
 * crash or an unclear error is now a clear error naming the argument, or a correct result.
 */
class ReliabilityTest {

    @TempDir
    Path dir;

    static Split digits() {
        return Datasets.digits().split(0.8, 1);
    }

    static Trainer trainer(Optimizer optimizer) {
        return Trainer.of(Network.mlp(64, 32, 10).relu().seed(1).build(), optimizer).epochs(5).quiet();
    }

    /** Asserts that {@code call} throws {@code type} with a message holding every one of {@code words}. */
    static <T extends Throwable> T refused(Class<T> type, Executable call, String... words) {
        T e = assertThrows(type, call);
        for (String word : words) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(word),
                    "the message should name '" + word + "': " + e.getMessage());
        }
        return e;
    }

    // 1. Divergence goes unnoticed.

    static Stream<Optimizer> tooLarge() {
        return Stream.of(new Sgd(1e6), new Sgd(10), new Sgd(1e3), new Adam(1e6));
    }

    @ParameterizedTest
    @MethodSource("tooLarge")
    void item1ATooLargeRateOnAReluNetworkStopsWithDivergedException(Optimizer optimizer) {
        DivergedException e = refused(DivergedException.class, () -> trainer(optimizer).fit(digits().train()),
                "training diverged at step", "(epoch 1)", "with learning rate " + optimizer.learningRate());
        assertTrue(e.step() >= 2 && e.epoch() == 1, e.getMessage());
        assertTrue(e.what().startsWith("the loss") || e.what().startsWith("the output of layer")
                || e.what().startsWith("θ"), e.what());
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh"})
    void item1ANaNPixelIsBadDataNamedByRowAndColumnNotTheLearningRate(String activation) {
        Split split = digits();
        split.train().features().putScalar(new long[] {3, 12}, Float.NaN);
        Network.Builder b = Network.mlp(64, 32, 10).seed(1);
        Network net = (activation.equals("relu") ? b.relu() : b.tanh()).build();
        INDArray before = net.theta().dup();
        refused(IllegalArgumentException.class, () -> Trainer.of(net, new Sgd(0.01)).quiet().fit(split.train()),
                "train holds NaN at row 3, column 'p14'");
        assertEquals(before, net.theta(), "θ must not change");
    }

    static Stream<Layer> activations() {
        return Stream.of(new Relu(), new LeakyRelu(), new Elu(), new Tanh(), new Sigmoid(), new Identity());
    }

    @ParameterizedTest
    @MethodSource("activations")
    void item1EveryActivationPropagatesNaN(Layer activation) {
        INDArray z = Nd4j.createFromArray(new float[][] {{Float.NaN, 1, -1}});
        INDArray y = activation.forward(z, true);
        assertTrue(Float.isNaN(y.getFloat(0, 0)), activation + " turned NaN into " + y.getFloat(0, 0));
        assertTrue(Float.isFinite(y.getFloat(0, 1)) && Float.isFinite(y.getFloat(0, 2)));
    }

    @Test
    void item1AnOverflowingLayerIsNamed() {
        Network net = Network.mlp(64, 32, 10).relu().seed(1).build();
        net.denseLayers().get(0).weights().assign(3e38);
        DivergedException e = refused(DivergedException.class, () -> Trainer.of(net, new Sgd(0.01)).quiet()
                .fit(digits().train()), "at step 1 (epoch 1)", "the output of layer 0 (Dense(64 → 32)) holds Infinity");
        assertEquals(1, e.step());
    }

    @Test
    void item1ANonFiniteThetaIsRefusedBeforeTheFirstStep() {
        Network net = Network.mlp(64, 32, 10).seed(1).build();
        net.theta().putScalar(2100, Double.NaN);
        refused(IllegalArgumentException.class, () -> Trainer.of(net, new Sgd(0.01)).quiet().fit(digits().train()),
                "θ holds NaN (θ[2100], a parameter of layer 2, Dense(32 → 10))");
    }

    @Test
    void item1AHealthyRunIsNotCalledDiverged() {
        DataSet train = descent.data.Normalizer.zScore().fit(digits().train()).transform(digits().train());
        var history = trainer(new Sgd(0.1)).fit(train);
        assertEquals(5, history.rowCount());
    }

    // 2. CSV columns dropped silently; empty, NaN and ∞ cells.

    Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void item2ANonNumericCellIsAnErrorNamingFileRowAndColumnNotADroppedColumn() throws Exception {
        Path file = csv("abc.csv", "a,b,label\n1,2,0\n3,x,1\n5,6,1\n");
        refused(IllegalArgumentException.class, () -> DataSet.fromTable(Datasets.csv(file), "label", DataType.FLOAT),
                "abc.csv", "column 'b'", "not numeric", "STRING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN", "Infinity", "-Infinity"})
    void item2EmptyNaNAndInfiniteCellsAreErrorsNamingFileRowAndColumn(String cell) throws Exception {
        Path file = csv("cells.csv", "a,b,label\n1,2,0\n3," + cell + ",1\n5,6,1\n");
        refused(IllegalArgumentException.class, () -> DataSet.fromTable(Datasets.csv(file), "label", DataType.FLOAT),
                "cells.csv", "column 'b'", "row 1");
    }

    // 3. A large label exhausts memory; IDX label 200 among digits.

    @Test
    void item3AHugeLabelIsAnErrorNotAnOutOfMemory() throws Exception {
        Path file = csv("huge.csv", "a,label\n1,0\n2,1000000000\n3,1\n");
        refused(IllegalArgumentException.class, () -> DataSet.fromTable(Datasets.csv(file), "label", DataType.FLOAT),
                "huge.csv", "1000000000", "class 2 never occurs", "numClasses");
    }

    @Test
    void item3AnIdxLabelOf200AmongDigitsIsAnErrorUnlessTheCallerSays201Classes() {
        Idx images = new Idx(Path.of("images.idx"), new int[] {11, 2, 2}, new byte[44]);
        byte[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, (byte) 200};
        Idx y = new Idx(Path.of("labels.idx"), new int[] {11}, labels);
        refused(IllegalArgumentException.class, () -> DataSet.fromIdx(images, y, DataType.FLOAT),
                "labels.idx", "largest label is 200 (row 10)", "class 10 never occurs", "numClasses = 201");
        assertEquals(201, DataSet.fromIdx(images, y, DataType.FLOAT, 201).numClasses());
        refused(IllegalArgumentException.class, () -> DataSet.fromIdx(images, y, DataType.FLOAT, 10), "labels[10]", "200");
    }

    // 4. int overflow in SparseLogistic.synthetic.

    @Test
    void item4AnOverflowingSizeIsRefusedBeforeAllocating() {
        refused(IllegalArgumentException.class, () -> SparseLogistic.synthetic(100000, 50000, 50000, 1), "n·k", "5000000000");
    }

    // 5. Schedules return NaN, ∞ or negative rates; ReduceOnPlateau takes −∞.

    @Test
    void item5ABadRateIsAnErrorNamingTheScheduleAndTheStep() {
        refused(IllegalArgumentException.class, () -> new Lambda(0.1, t -> Double.NaN).valueAt(3), "Lambda", "NaN at step 3");
        refused(IllegalArgumentException.class, () -> new Lambda(0.1, t -> -1).valueAt(0), "Lambda", "-0.1 at step 0");
        refused(IllegalArgumentException.class, () -> Cyclic.expRange(0.01, 0.1, 10, 2).valueAt(2000), "Cyclic exp_range",
                "at step 2000");
        refused(IllegalArgumentException.class, () -> new Exponential(0.1, 10).valueAt(400), "Exponential",
                "Infinity at step 400");
        assertEquals(0.1 * Math.pow(10, 3), new Exponential(0.1, 10).valueAt(3), 1e-9, "growth itself is allowed");
    }

    @Test
    void item5TheTrainerChecksEveryRateOfTheRunBeforeTheFirstStep() {
        Trainer t = trainer(new Sgd(0.1)).schedule(step -> step < 30 ? 0.1 : Double.NaN);
        INDArray before = t.network().theta().dup();
        refused(IllegalArgumentException.class, () -> t.fit(digits().train()), "gives NaN at step 30 of this run");
        assertEquals(before, t.network().theta());
    }

    @Test
    void item5ReduceOnPlateauRefusesNonFiniteMetrics() {
        ReduceOnPlateau plateau = new ReduceOnPlateau(0.1).patience(0);
        for (double bad : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN}) {
            refused(IllegalArgumentException.class, () -> plateau.step(bad), "metric", String.valueOf(bad));
        }
        plateau.step(1.0);
        assertEquals(0.1, plateau.learningRate(), "the refused metrics left no trace");
    }

    // 6. Non-one-hot or NaN targets.

    @ParameterizedTest
    @ValueSource(doubles = {5.0, -1.0, Double.NaN, 0.5})
    void item6TargetsThatAreNotOneHotAreRefused(double bad) {
        Network net = Network.mlp(4, 3).seed(1).build();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 4);
        INDArray y = Nd4j.createFromArray(new float[][] {{0, 1, 0}, {(float) bad, 0, 0}});
        refused(IllegalArgumentException.class, () -> net.gradient(x, y), "y must hold one distribution", "row 1");
        Network mse = Network.mlp(4, 3).loss(descent.nn.Loss.mse()).seed(1).build();
        if (Double.isNaN(bad)) {
            refused(IllegalArgumentException.class, () -> mse.gradient(x, y), "y must be finite", "row 1, column 0");
        }
    }

    @Test
    void item6ANaNOrInfinityInXIsRefusedByRowAndColumnNotAFiniteLoss() {
        Network net = Network.mlp(4, 3).seed(1).build();
        INDArray x = Nd4j.createFromArray(new float[][] {{0, 0, 0, 0}, {0, 0, Float.NaN, 0}});
        INDArray y = Nd4j.createFromArray(new float[][] {{1, 0, 0}, {1, 0, 0}});
        refused(IllegalArgumentException.class, () -> net.gradient(x, y), "x holds NaN at row 1, column 2");
        refused(IllegalArgumentException.class, () -> net.evaluate(x, y), "x holds NaN at row 1, column 2");
        x.putScalar(1, 2, Float.NEGATIVE_INFINITY);
        refused(IllegalArgumentException.class, () -> net.predict(x), "x holds -Infinity at row 1, column 2");
    }

    // 7. Warm-up longer than the schedule (μ ≥ 1 is descent.optim's).

    @Test
    void item7AWarmupLongerThanTheCosineItLeadsIntoIsRefused() {
        refused(IllegalArgumentException.class, () -> new LinearWarmup(new CosineAnnealing(0.1, 100), 200), "warmup",
                "T = 100", "got 200");
        assertEquals(0.1, new LinearWarmup(new CosineAnnealing(0.1, 100), 100).valueAt(100), 1e-12);
    }

    // 9. A bad validation set is caught after a full epoch.

    static Stream<Supplier<DataSet>> badValidation() {
        DataSet test = Datasets.digits().split(0.8, 1).test();
        return Stream.of(() -> test.withFeatures(test.features().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 63))),
                () -> test.as(DataType.DOUBLE),
                () -> DataSet.of(test.features(), new int[test.size()], 9));
    }

    @ParameterizedTest
    @MethodSource("badValidation")
    void item9ABadValidationSetIsRefusedBeforeTheFirstStepAndSaysValidation(Supplier<DataSet> bad) {
        Trainer t = trainer(new Sgd(0.01)).validation(bad.get());
        INDArray before = t.network().theta().dup();
        refused(IllegalArgumentException.class, () -> t.fit(digits().train()), "validation must have");
        assertEquals(before, t.network().theta(), "θ must not change");
    }

    // 11. Zero-row arrays.

    @Test
    void item11ZeroRowsAreAnEmptyDataSetOrAClearError() {
        DataSet empty = DataSet.of(Nd4j.create(DataType.FLOAT, 0, 2), new int[0], 3);
        assertEquals(0, empty.size());
        assertEquals(0, empty.oneHot().rows());
        assertEquals(0, digits().train().take(0).size());
        assertEquals(0, digits().train().split(1.0, 1).test().size());
        Network net = Network.mlp(2, 3).build();
        refused(IllegalArgumentException.class, () -> Trainer.of(net, new Sgd(0.1)).quiet().fit(empty),
                "train must have >= 1 row, got 0");
        refused(IllegalArgumentException.class, () -> net.predict(Nd4j.create(DataType.FLOAT, 0, 2)),
                "x must be (batch >= 1, 2)", "[0, 2]");
        Idx images = new Idx(Path.of("none.idx"), new int[] {0, 2, 2}, new byte[0]);
        Idx labels = new Idx(Path.of("none-labels.idx"), new int[] {0}, new byte[0]);
        refused(IllegalArgumentException.class, () -> DataSet.fromIdx(images, labels, DataType.FLOAT),
                "none-labels.idx has no labels", "numClasses");
        assertEquals(0, DataSet.fromIdx(images, labels, DataType.FLOAT, 10).size());
    }

    // 12. Short row and empty CSV file, 'f'-ordered x, unbound Dense, Trajectory, batch size.

    @Test
    void item12CsvProblemsNameTheFile() throws Exception {
        Path empty = csv("empty.csv", "");
        refused(IllegalArgumentException.class, () -> Datasets.csv(empty), "empty.csv", "empty file");
        Path shortRow = csv("short.csv", "a,b,label\n1,2,0\n3,1\n5,6,1\n");
        Exception e = assertThrows(Exception.class, () -> DataSet.fromTable(Datasets.csv(shortRow), "label", DataType.FLOAT));
        assertTrue(e instanceof IllegalArgumentException && e.getMessage().contains("short.csv"), e.toString());
    }

    @Test
    void item12AColumnMajorXWorksLikeTheRowMajorOne() {
        Network net = Network.mlp(4, 3).seed(1).build();
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 4);
        INDArray expected = net.predict(x).dup();
        assertEquals(expected, net.predict(x.dup('f')));
    }

    @Test
    void item12AnUnboundDenseLayerSaysSo() {
        refused(IllegalStateException.class, () -> new Dense(3, 2).forward(Nd4j.ones(DataType.FLOAT, 1, 3), false),
                "Dense(3 → 2) has no weights yet", "Network.of");
    }

    @Test
    void item12TrajectoryRefusesMoreStepsThanItCanRecord() {
        refused(IllegalArgumentException.class, () -> Trajectory.of(new Sgd(0.1), Surfaces.ravine(10),
                new double[] {1, 1}, Integer.MAX_VALUE), "steps must be in [0, 1000000]", String.valueOf(Integer.MAX_VALUE));
    }

    @Test
    void item12ABatchLargerThanTheDataIsRefusedNotShrunk() {
        DataSet train = digits().train();
        refused(IllegalArgumentException.class, () -> trainer(new Sgd(0.1)).batchSize(100000).fit(train),
                "batchSize 100000 is larger than the " + train.size() + " rows of train", "batchSize(" + train.size() + ")");
    }

    @Test
    void item12AChartNamesTheSeriesHoldingInfinityAndMarksAnAllNaNOne() {
        var chart = descent.plot.Charts.lines("t", "x", "y").series("fine", new double[] {1, 2});
        refused(IllegalArgumentException.class, () -> chart.series("blown", new double[] {1, Double.POSITIVE_INFINITY}),
                "series \"blown\" holds (1.0, Infinity) at point 1");
        chart.series("lost", new double[] {Double.NaN, Double.NaN});
        assertEquals(java.util.List.of("fine", "lost (no finite value)"), chart.seriesNames());
        assertTrue(descent.plot.Charts.image(chart).getWidth() > 0);
    }

    // issue 15: MultiStep takes a repeated milestone, as torch's MultiStepLR.

    @Test
    void aRepeatedMilestoneDropsByGammaSquaredAtOnce() {
        MultiStep s = new MultiStep(0.1, 0.5, 40, 40, 90);
        assertArrayEquals(new double[] {0.1, 0.025, 0.025, 0.0125},
                new double[] {s.valueAt(39), s.valueAt(40), s.valueAt(89), s.valueAt(90)}, 1e-15);
    }
}
