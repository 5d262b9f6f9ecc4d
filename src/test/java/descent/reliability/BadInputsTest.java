package descent.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import descent.data.DataSet;
import descent.data.Datasets;
import descent.data.Normalizer;
import descent.nn.Activations;
import descent.nn.BatchNorm;
import descent.nn.Dense;
import descent.nn.DeadUnits;
import descent.nn.Dropout;
import descent.nn.GradientCheck;
import descent.nn.Network;
import descent.nn.Relu;
import descent.nn.SoftmaxCrossEntropy;
import descent.nn.Symmetry;
import descent.optim.Sgd;
import descent.schedule.CosineAnnealing;
import descent.schedule.Schedule;
import descent.schedule.ReduceOnPlateau;
import descent.surface.FiniteDifference;
import descent.surface.RateSearch;
import descent.surface.StateTrace;
import descent.surface.Standings;
import descent.surface.Surfaces;
import descent.surface.Trajectory;
import descent.surface.Walks;
import descent.train.EarlyStopping;
import descent.train.Summary;
import descent.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * Bad and edge inputs to the public entry points of nn, data, schedule, surface and train that
 * take data (arrays, data sets, tables, walks): each must be refused with an
 * IllegalArgumentException or IllegalStateException whose message names the argument — never
 * accepted silently, never an NPE, an ND4J-internal error or an OutOfMemoryError. The closing
 * line prints the count.
 */
class BadInputsTest {

    static int tried, refused;

    record Case(String input, Executable call, String named) {
    }

    static Case bad(String input, Executable call, String named) {
        return new Case(input, call, named);
    }

    static INDArray floats(float[][] rows) {
        return Nd4j.createFromArray(rows);
    }

    static Stream<Case> cases() {
        Network net = Network.mlp(4, 3).seed(1).build();
        Network doubles = Network.mlp(4, 3).dtype(DataType.DOUBLE).seed(1).build();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 4);
        INDArray y = floats(new float[][] {{1, 0, 0}, {0, 1, 0}});
        INDArray nanX = floats(new float[][] {{1, 0, 0, 0}, {0, Float.NaN, 0, 0}});
        DataSet data = DataSet.of(Nd4j.rand(DataType.FLOAT, 10, 4), new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0}, 3);
        DataSet empty = DataSet.of(Nd4j.create(DataType.FLOAT, 0, 4), new int[0], 3);
        Trajectory walk = Trajectory.of(new Sgd(0.1), Surfaces.ravine(10), new double[] {1, 1}, 5);
        List<Case> c = new ArrayList<>();
        // descent.nn
        c.add(bad("predict on 3 columns", () -> net.predict(Nd4j.rand(DataType.FLOAT, 2, 3)), "x must be"));
        c.add(bad("predict on a vector", () -> net.predict(Nd4j.rand(DataType.FLOAT, 4)), "x must be"));
        c.add(bad("predict on DOUBLE", () -> net.predict(Nd4j.rand(DataType.DOUBLE, 2, 4)), "x must be FLOAT"));
        c.add(bad("predict on 0 rows", () -> net.predict(Nd4j.create(DataType.FLOAT, 0, 4)), "x must be"));
        c.add(bad("predict on NaN", () -> net.predict(nanX), "x holds NaN at row 1, column 1"));
        c.add(bad("predict on null", () -> net.predict(null), "x must be (batch >= 1, 4), got null"));
        c.add(bad("gradient with y of 2 columns", () -> net.gradient(x, Nd4j.rand(DataType.FLOAT, 2, 2)), "y must have the shape"));
        c.add(bad("gradient with DOUBLE y", () -> net.gradient(x, y.castTo(DataType.DOUBLE)), "y must have the type"));
        c.add(bad("gradient with y = 2 in a row", () -> net.gradient(x, floats(new float[][] {{2, 0, 0}, {0, 1, 0}})), "y must hold"));
        c.add(bad("gradient with an all-zero y row", () -> net.gradient(x, floats(new float[][] {{0, 0, 0}, {0, 1, 0}})), "y must hold"));
        c.add(bad("evaluate with y of other rows", () -> net.evaluate(x, Nd4j.rand(DataType.FLOAT, 3, 3)), "y must have 2 rows"));
        c.add(bad("evaluate on NaN", () -> net.evaluate(nanX, y), "x holds NaN"));
        c.add(bad("loss with ∞ in x", () -> net.loss(floats(new float[][] {{Float.POSITIVE_INFINITY, 0, 0, 0}}),
                floats(new float[][] {{1, 0, 0}})), "x holds Infinity at row 0, column 0"));
        c.add(bad("softmax CE on 0 rows", () -> new SoftmaxCrossEntropy().forward(Nd4j.create(DataType.FLOAT, 0, 3),
                Nd4j.create(DataType.FLOAT, 0, 3)), "yHat must be (batch >= 1"));
        c.add(bad("unbound Dense backward", () -> new Dense(3, 2).backward(Nd4j.ones(DataType.FLOAT, 1, 2)), "has no weights yet"));
        c.add(bad("unbound Dense init", () -> new Dense(3, 2).init(Nd4j.getRandom()), "has no weights yet"));
        c.add(bad("BatchNorm of 3 on 4 columns", () -> new BatchNorm(3).forward(Nd4j.ones(DataType.FLOAT, 2, 4), true), "x must have 3 columns"));
        c.add(bad("Dropout p = 1", () -> new Dropout(1, 1), "p must be in [0, 1)"));
        c.add(bad("Activations of NaN x", () -> Activations.of(Network.mlp(4, 5, 3).build(), nanX), "x holds NaN"));
        c.add(bad("DeadUnits of NaN x", () -> DeadUnits.count(Network.mlp(4, 5, 3).build(), nanX), "x holds NaN"));
        c.add(bad("GradientCheck of a FLOAT net", () -> GradientCheck.of(net, x, y), "net must be DOUBLE"));
        c.add(bad("GradientCheck of NaN x", () -> GradientCheck.of(doubles, nanX.castTo(DataType.DOUBLE), y.castTo(DataType.DOUBLE)),
                "x holds NaN"));
        c.add(bad("Symmetry of a vector", () -> Symmetry.spread(Nd4j.ones(DataType.FLOAT, 3)), "w must be a matrix"));
        c.add(bad("Network.of starting with ReLU", () -> Network.of(new Relu(), new Dense(3, 2)), "layers must start with a Dense"));
        c.add(bad("Network.mlp of one size", () -> Network.mlp(4), "sizes must list"));
        c.add(bad("Network.mlp with width 0", () -> Network.mlp(4, 0, 3).build(), "out must be >= 1"));
        // descent.data
        c.add(bad("DataSet.of null features", () -> DataSet.of(null, new int[0], 3), "features must be a matrix"));
        c.add(bad("DataSet.of null labels", () -> DataSet.of(Nd4j.rand(DataType.FLOAT, 2, 2), null, 3), "labels must not be null"));
        c.add(bad("DataSet.of INT features", () -> DataSet.of(Nd4j.ones(DataType.INT, 2, 2), new int[2], 3), "features must be FLOAT or DOUBLE"));
        c.add(bad("DataSet.of a label of 3 in 3 classes", () -> DataSet.of(Nd4j.rand(DataType.FLOAT, 2, 2), new int[] {0, 3}, 3), "labels[1]"));
        c.add(bad("DataSet.of a negative label", () -> DataSet.of(Nd4j.rand(DataType.FLOAT, 2, 2), new int[] {-1, 0}, 3), "labels[0]"));
        c.add(bad("DataSet.of 0 classes", () -> DataSet.of(Nd4j.rand(DataType.FLOAT, 2, 2), new int[2], 0), "numClasses must be >= 1"));
        c.add(bad("DataSet.of NaN features", () -> DataSet.of(nanX, new int[2], 3), "features holds NaN at row 1, column 1"));
        c.add(bad("DataSet.of ∞ features", () -> DataSet.of(floats(new float[][] {{Float.NEGATIVE_INFINITY}}), new int[1], 3),
                "features holds -Infinity at row 0, column 0"));
        c.add(bad("withFeatures of NaN", () -> data.withFeatures(Nd4j.zeros(DataType.FLOAT, 10, 4).putScalar(9, 3, Float.NaN)),
                "features holds NaN at row 9, column 3"));
        c.add(bad("withFeatures of other rows", () -> data.withFeatures(Nd4j.zeros(DataType.FLOAT, 9, 4)), "features must have 10 rows"));
        c.add(bad("withClassNames too few", () -> data.withClassNames(List.of("a")), "need a name for each of the 3 classes"));
        c.add(bad("withImageShape 3 × 3 of 4", () -> data.withImageShape(3, 3), "height × width must equal the 4 features"));
        c.add(bad("take 11 of 10", () -> data.take(11), "n must be in [0, 10]"));
        c.add(bad("subset index 10", () -> data.subset(new int[] {10}), "indices[0] must be in [0, 10)"));
        c.add(bad("split fraction NaN", () -> data.split(Double.NaN, 1), "fraction must be in [0, 1]"));
        c.add(bad("batches of 0", () -> data.batches(0, 1), "batchSize must be in [1, 10]"));
        c.add(bad("batches of 11", () -> data.batchesInOrder(11), "batchSize must be in [1, 10]"));
        c.add(bad("batches of an empty set", () -> empty.batches(1, 1), "batchSize must be in [1, 0]"));
        c.add(bad("image of an empty set", () -> empty.image(0), "i must be in [0, 0)"));
        c.add(bad("images without an image shape", () -> data.images(3), "no image shape"));
        c.add(bad("as INT", () -> data.as(DataType.INT), "type must be FLOAT or DOUBLE"));
        c.add(bad("fromTable without the label column", () -> DataSet.fromTable(Table.create("t"), "label", DataType.FLOAT),
                "table 't' has no label column 'label'"));
        c.add(bad("fromTable of a missing feature column", () -> DataSet.fromTable(Datasets.digitsTable(), "digit", DataType.FLOAT, "p99"),
                "has no column 'p99'"));
        c.add(bad("fromTable label above numClasses", () -> DataSet.fromTable(Datasets.digitsTable(), "digit", DataType.FLOAT, 5),
                "below 5"));
        c.add(bad("csv of a missing file", () -> Datasets.csv(Path.of("no-such.csv")), "no-such.csv"));
        c.add(bad("Normalizer.fit on NaN", () -> Normalizer.zScore().fit(nanX), "x must be finite; column 1"));
        c.add(bad("Normalizer.fit on 0 rows", () -> Normalizer.minMax().fit(Nd4j.create(DataType.FLOAT, 0, 4)), "at least one row"));
        c.add(bad("Normalizer.transform before fit", () -> Normalizer.zScore().transform(x), "fit"));
        c.add(bad("Normalizer.transform of other columns", () -> Normalizer.zScore().fit(x).transform(Nd4j.rand(DataType.FLOAT, 2, 3)),
                "3"));
        // descent.schedule (beyond the constructors: PublicConstructorsTest)
        c.add(bad("schedule at step -1", () -> new CosineAnnealing(0.1, 10).valueAt(-1), "step must be >= 0"));
        c.add(bad("ReduceOnPlateau metric +∞", () -> new ReduceOnPlateau(0.1).step(Double.POSITIVE_INFINITY), "metric must be a finite number"));
        // descent.surface
        c.add(bad("Trajectory from NaN", () -> Trajectory.of(new Sgd(0.1), Surfaces.ravine(10), new double[] {Double.NaN, 0}, 5), "start must be"));
        c.add(bad("Trajectory with -1 steps", () -> Trajectory.of(new Sgd(0.1), Surfaces.ravine(10), new double[] {1, 1}, -1), "steps must be in"));
        c.add(bad("Trajectory with a NaN schedule", () -> Trajectory.of(new Sgd(0.1), Surfaces.ravine(10), new double[] {1, 1}, 5,
                (Schedule) t -> t < 3 ? 0.1 : Double.NaN), "gives NaN at step 3"));
        c.add(bad("Trajectory with a negative schedule", () -> Trajectory.of(new Sgd(0.1), Surfaces.ravine(10), new double[] {1, 1}, 5,
                (Schedule) t -> -0.1), "gives -0.1 at step 0"));
        c.add(bad("first(-1) of a walk", () -> walk.first(-1), "n"));
        c.add(bad("Walks.randomStarts 0", () -> Walks.randomStarts(Surfaces.ravine(10), 0, 1), "n must be >= 1"));
        c.add(bad("Walks.endings of none", () -> Walks.endings(), "walks must hold at least one"));
        c.add(bad("RateSearch with a NaN rate", () -> RateSearch.best(Sgd::new, Surfaces.ravine(10), new double[] {1, 1}, 5, Double.NaN), "rates must be"));
        c.add(bad("RateSearch with no rates", () -> RateSearch.best(Sgd::new, Surfaces.ravine(10), new double[] {1, 1}, 5), "rates must hold"));
        c.add(bad("Standings with a NaN finish", () -> Standings.of(Double.NaN, walk), "finish must be a finite loss"));
        c.add(bad("StateTrace fed ∞", () -> StateTrace.of(new Sgd(0.1)).feed(Double.POSITIVE_INFINITY), "gradients must be finite"));
        c.add(bad("StateTrace with Integer.MAX_VALUE steps", () -> StateTrace.of(new Sgd(0.1)).on(Surfaces.ravine(10), new double[] {1, 1},
                Integer.MAX_VALUE), "steps must be in [1, 1000000]"));
        c.add(bad("FiniteDifference with h = 0", () -> FiniteDifference.central(Surfaces.ravine(10), 1, 1, 0), "h"));
        c.add(bad("FiniteDifference at NaN", () -> FiniteDifference.forward(Surfaces.ravine(10), Double.NaN, 1, 1e-3), "point must be finite"));
        // descent.train
        c.add(bad("fit on null", () -> Trainer.of(net, new Sgd(0.1)).quiet().fit(null), "train must be a data set, got null"));
        c.add(bad("fit on 3 classes with a 4-output net", () -> Trainer.of(Network.mlp(4, 4).build(), new Sgd(0.1)).quiet().fit(data),
                "train must have 4 classes"));
        c.add(bad("fit on DOUBLE data, FLOAT net", () -> Trainer.of(net, new Sgd(0.1)).quiet().fit(data.as(DataType.DOUBLE)),
                "train must have 4 features of type FLOAT"));
        c.add(bad("fit on an empty validation set", () -> Trainer.of(net, new Sgd(0.1)).quiet().validation(empty).fit(data),
                "validation must have >= 1 row"));
        DataSet written = data.withFeatures(data.features().dup());
        written.features().putScalar(4, 2, Float.NaN);                 // features() is the array itself
        c.add(bad("fit with NaN in validation", () -> Trainer.of(net, new Sgd(0.1)).quiet().validation(written).fit(data),
                "validation holds NaN at row 4, column 2"));
        c.add(bad("fit with NaN in train", () -> Trainer.of(net, new Sgd(0.1)).quiet().fit(written), "train holds NaN at row 4, column 2"));
        c.add(bad("fit with a per-epoch schedule going negative", () -> Trainer.of(net, new Sgd(0.1)).quiet().epochs(3)
                .schedulePerEpoch(e -> 0.1 - 0.1 * e).fit(data), "gives -0.1 at epoch 2"));
        c.add(bad("epochs 0", () -> Trainer.of(net, new Sgd(0.1)).epochs(0), "epochs must be >= 1"));
        c.add(bad("clipNorm ∞", () -> Trainer.of(net, new Sgd(0.1)).clipNorm(Double.POSITIVE_INFINITY), "maxNorm"));
        c.add(bad("early stopping on val_loss without validation", () -> Trainer.of(net, new Sgd(0.1)).quiet().earlyStopping(2).fit(data),
                "needs validation"));
        c.add(bad("EarlyStopping on a metric that is not recorded", () -> new EarlyStopping("val_auc", 2), "metric must be"));
        c.add(bad("EarlyStopping fed -∞", () -> new EarlyStopping("loss", 2).improved(Double.NEGATIVE_INFINITY), "finite"));
        c.add(bad("Summary of nothing", () -> Summary.of(), "histories must hold at least one"));
        c.add(bad("Summary of an empty table", () -> Summary.of(Table.create("h")), "non-empty"));
        return c.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedByName() {
        return cases().map(c -> DynamicTest.dynamicTest(c.input(), () -> {
            tried++;
            try {
                c.call().execute();
                fail(c.input() + ": accepted silently");
            } catch (IllegalArgumentException | IllegalStateException e) {
                assertTrue(e.getMessage() != null && e.getMessage().contains(c.named()),
                        c.input() + ": the message should name '" + c.named() + "': " + e.getMessage());
                refused++;
            } catch (AssertionError e) {
                throw e;
            } catch (Throwable e) {
                fail(c.input() + ": unclear failure " + e, e);
            }
        }));
    }

    @AfterAll
    static void count() {
        System.out.println("BadInputsTest: " + tried + " bad inputs tried, " + refused + " refused by name");
    }
}
