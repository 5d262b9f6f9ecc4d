package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.DataSet;
import descent.data.Datasets;
import descent.data.Split;
import descent.nn.Loss;
import descent.nn.Network;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.optim.Sgd;
import descent.schedule.CosineAnnealing;
import descent.schedule.ReduceOnPlateau;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

class TrainerTest {

    static final Split MNIST = Datasets.mnist();                 // 8,000 train + 2,000 test digits
    static final DataSet SMALL = MNIST.train().take(640);
    static final DataSet SMALL_VAL = MNIST.test().take(320);

    /** Leaves θ alone and records the learning rate and ‖g‖ of every step it is asked to take. */
    static final class Recorder implements Optimizer {
        double lr;
        final List<Double> rates = new ArrayList<>();
        final List<Double> norms = new ArrayList<>();

        Recorder(double lr) {
            this.lr = lr;
        }

        @Override
        public void step(INDArray theta, INDArray grad) {
            rates.add(lr);
            norms.add(grad.norm2Number().doubleValue());
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public void setLearningRate(double lr) {
            this.lr = lr;
        }

        @Override
        public void reset() {
            rates.clear();
        }
    }

    static Table mnistRun() {
        Network net = Network.mlp(784, 100, 10).relu().seed(7).build();
        return Trainer.of(net, new Momentum(0.05, 0.9)).epochs(3).batchSize(64).seed(3)
                .validation(MNIST.test()).quiet().fit(MNIST.train());
    }

    @Test
    void mnistTenThousandReaches92PercentInThreeEpochsDeterministically() {
        Table first = mnistRun();
        Table second = mnistRun();
        double accuracy = first.doubleColumn("val_accuracy").getDouble(2);
        assertTrue(accuracy >= 0.92, "validation accuracy after 3 epochs: " + accuracy);
        assertTrue(first.doubleColumn("loss").getDouble(2) < first.doubleColumn("loss").getDouble(0));
        for (String column : List.of("loss", "accuracy", "val_loss", "val_accuracy", "grad_norm")) {
            assertArrayEquals(first.doubleColumn(column).asDoubleArray(),
                    second.doubleColumn(column).asDoubleArray(), column);
        }
    }

    @Test
    void historyHasTheDocumentedColumnsPerEpochOrEveryKSteps() {
        Network net = Network.mlp(784, 16, 10).seed(1).build();
        Table perEpoch = Trainer.of(net, new Sgd(0.1)).epochs(2).batchSize(64).quiet().fit(SMALL);
        assertEquals(List.of("step", "epoch", "loss", "accuracy", "lr", "grad_norm", "seconds"),
                perEpoch.columnNames());
        assertArrayEquals(new int[] {10, 20}, perEpoch.intColumn("step").asIntArray());
        assertArrayEquals(new int[] {1, 2}, perEpoch.intColumn("epoch").asIntArray());

        Table every3 = Trainer.of(net, new Sgd(0.1)).epochs(2).batchSize(64).logEvery(3)
                .validation(SMALL_VAL).quiet().fit(SMALL);
        assertEquals(List.of("step", "epoch", "loss", "accuracy", "lr", "grad_norm", "seconds",
                "val_loss", "val_accuracy"), every3.columnNames());
        assertArrayEquals(new int[] {3, 6, 9, 12, 15, 18, 20}, every3.intColumn("step").asIntArray());
        assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2, 2}, every3.intColumn("epoch").asIntArray());
        assertFalse(every3.doubleColumn("val_loss").isMissing().size() > 0);
    }

    @Test
    void aDivergingRunNamesStepAndLearningRateAndKeepsItsHistory() {
        // A linear network under the squared error: a too-large rate grows the error geometrically.
        Network net = Network.mlp(784, 32, 10).identity().loss(Loss.mse()).seed(1).build();
        DivergedException e = assertThrows(DivergedException.class, () -> Trainer.of(net, new Sgd(1.0))
                .epochs(3).batchSize(64).logEvery(1).quiet().fit(SMALL));
        assertTrue(e.getMessage().contains("at step " + e.step()), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate 1.0"), e.getMessage());
        assertEquals(e.step() - 1, e.history().rowCount());
        assertTrue(e.step() > 1, "a few steps are needed before the loss is infinite");
    }

    @Test
    void earlyStoppingRuleOnAScriptedMetric() {
        EarlyStopping rule = new EarlyStopping("val_loss", 2);
        double[] script = {1.0, 0.8, 0.9, 0.7, 0.75, 0.71};
        boolean[] improved = {true, true, false, true, false, false};
        boolean[] stop = {false, false, false, false, false, true};
        for (int i = 0; i < script.length; i++) {
            assertEquals(improved[i], rule.improved(script[i]), "evaluation " + i);
            assertEquals(stop[i], rule.shouldStop(), "evaluation " + i);
        }
        assertEquals(3, rule.bestIndex());
        EarlyStopping accuracy = new EarlyStopping("val_accuracy", 1);
        assertTrue(accuracy.improved(0.5));
        assertTrue(accuracy.improved(0.6));
        assertFalse(accuracy.improved(0.6));
        assertTrue(accuracy.shouldStop());
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping("val_los", 2));
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestTheta() {
        Network net = Network.mlp(784, 16, 10).seed(1).build();
        // A huge rate: after the first rows validation loss only gets worse, so θ of the best row must come back.
        Trainer trainer = Trainer.of(net, new Sgd(3.0)).epochs(20).batchSize(64).logEvery(2)
                .validation(SMALL_VAL).earlyStopping("val_loss", 2).quiet();
        Table h;
        try {
            h = trainer.fit(SMALL);
        } catch (DivergedException e) {
            throw new AssertionError("the test needs a rate that does not diverge", e);
        }
        assertTrue(trainer.stoppedEarly());
        int best = trainer.bestRow();
        assertEquals(best + 3, h.rowCount(), "stops 2 rows after the best");
        double bestLoss = h.doubleColumn("val_loss").getDouble(best);
        assertEquals(bestLoss, net.loss(SMALL_VAL.features(), SMALL_VAL.oneHot()), 1e-5);
    }

    @Test
    void reduceOnPlateauCutsTheRateWhenTheMetricStalls() {
        Network net = Network.mlp(784, 16, 10).seed(1).build();
        Recorder still = new Recorder(0);                               // θ never moves: val_loss is flat
        Table h = Trainer.of(net, still).epochs(6).batchSize(320).validation(SMALL_VAL)
                .reduceOnPlateau(new ReduceOnPlateau(0.1).patience(1).factor(0.5)).quiet().fit(SMALL);
        // rows: 1 best; 2 bad (1 ≤ patience); 3 bad (2 > patience) → cut after it; 4 bad; 5 bad → cut
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.05, 0.05, 0.025},
                h.doubleColumn("lr").asDoubleArray(), 1e-12);
        assertEquals(0.1, still.rates.get(0));
        assertEquals(0.05, still.rates.get(6), 1e-12);
    }

    @Test
    void aScheduleSetsTheRateOfEveryStepAndClippingBoundsTheGradient() {
        Network net = Network.mlp(784, 16, 10).seed(1).build();
        Recorder r = new Recorder(0);
        CosineAnnealing cosine = new CosineAnnealing(0.1, 20);
        Table h = Trainer.of(net, r).epochs(2).batchSize(64).schedule(cosine).clipNorm(0.01)
                .quiet().fit(SMALL);
        for (int step = 0; step < 20; step++) {
            assertEquals(cosine.valueAt(step), r.rates.get(step), 0.0);
            assertTrue(r.norms.get(step) <= 0.01 * (1 + 1e-5), "clipped norm " + r.norms.get(step));
        }
        assertTrue(h.doubleColumn("grad_norm").getDouble(0) > 0.01, "grad_norm is recorded before clipping");
        assertEquals(cosine.valueAt(19), h.doubleColumn("lr").getDouble(1), 0.0);
    }

    @Test
    void aBatchNormNetworkIsRefusedALastBatchOfOneRowBeforeItsFirstStep() {
        DataSet odd = SMALL.take(129);                                  // batches of 64, 64 and 1
        Network bn = Network.mlp(784, 16, 10).batchNorm().seed(1).build();
        INDArray before = bn.theta().dup();
        Recorder r = new Recorder(0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(bn, r).batchSize(64).quiet().fit(odd));
        assertEquals("batchSize 64 leaves the last mini-batch of each epoch with 1 of the 129 rows of train, and batch"
                + " norm cannot train on one example (its batch variance is 0); use a batch size that leaves 0 or >= 2"
                + " rows over, e.g. batchSize(65), or train on 128 rows", e.getMessage());
        assertTrue(r.rates.isEmpty() && bn.theta().equals(before), "refused before any step");
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(bn, r).batchSize(1).quiet().fit(odd));
        assertTrue(e.getMessage().startsWith("batchSize 1 makes every mini-batch a single example"), e.getMessage());
        assertTrue(e.getMessage().endsWith("e.g. batchSize(3)"), e.getMessage());   // 2 would leave 1 of 129 over
        assertEquals(2, Trainer.of(bn, r).batchSize(65).quiet().fit(odd).intColumn("step").getInt(0));
        assertEquals(2, Trainer.of(bn, r).batchSize(64).quiet().fit(odd.take(128)).intColumn("step").getInt(0));

        Network plain = Network.mlp(784, 16, 10).seed(1).build();      // without batch norm nothing changes
        Recorder steps = new Recorder(0.1);
        assertEquals(3, Trainer.of(plain, steps).batchSize(64).quiet().fit(odd).intColumn("step").getInt(0));
        assertEquals(3, steps.rates.size());
    }

    @Test
    void badSettingsAreRefusedByName() {
        Network net = Network.mlp(784, 16, 10).build();
        Trainer t = Trainer.of(net, new Sgd(0.1));
        assertThrows(IllegalArgumentException.class, () -> t.epochs(0));
        assertThrows(IllegalArgumentException.class, () -> t.clipNorm(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(net, new Sgd(0.1)).earlyStopping(3).quiet().fit(SMALL));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(net, new Sgd(0.1)).schedule(s -> 0.1).reduceOnPlateau(new ReduceOnPlateau(0.1)));
    }
}
