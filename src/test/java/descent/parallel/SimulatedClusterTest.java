package descent.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.DataSet;
import descent.data.Datasets;
import descent.data.Normalizer;
import descent.nn.Network;
import descent.optim.Sgd;
import descent.train.Trainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/** Downpour and EASGD on the 8 × 8 digits with a small MLP. */
class SimulatedClusterTest {

    static final DataSet RAW = Datasets.digits().take(512);
    static final DataSet DIGITS = Normalizer.zScore().fit(RAW).transform(RAW);

    static Network net(DataType type) {
        return Network.mlp(64, 16, 10).dtype(type).seed(3).build();
    }

    /** θ after plain SGD with the Trainer: 3 epochs of 16 batches of 32, shuffled with seed 7. */
    static INDArray plainSgd(DataType type) {
        Network net = net(type);
        Trainer.of(net, new Sgd(0.1)).epochs(3).batchSize(32).seed(7).quiet().fit(DIGITS.as(type));
        return net.theta();
    }

    @Test
    void oneWorkerDownpourIsPlainSgd() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Network net = net(type);
            Downpour.Run run = Downpour.workers(1).rate(0.1).updates(48).logEvery(16).seed(7).run(net, DIGITS.as(type));
            assertEquals(type, net.theta().dataType());
            assertEquals(0, plainSgd(type).distance2(net.theta()), type == DataType.DOUBLE ? 1e-12 : 1e-5, type.toString());
            assertEquals(0, run.meanStaleness());
            assertEquals(4, run.history().rowCount());
        }
    }

    /** p workers taking turns, fetching after every push: each gradient is p − 1 server updates old. */
    @Test
    void downpourStalenessIsWorkersMinusOne() {
        Downpour.Run run = Downpour.workers(8).rate(0.05).updates(800).logEvery(100).seed(7).run(net(DataType.FLOAT), DIGITS);
        assertEquals(7, run.meanStaleness(), 0.1);                  // the first round is fresher
        assertTrue(run.meanStaleness() < 7);
        Downpour.Run rare = Downpour.workers(8).rate(0.05).fetchEvery(4).updates(800).logEvery(100).seed(7).run(net(DataType.FLOAT), DIGITS);
        assertTrue(rare.meanStaleness() > 15, "n_fetch 4 must be staler, got " + rare.meanStaleness());
    }

    /** Fresh gradients learn; the same step size with 32 stale workers does worse. */
    @Test
    void stalenessHurts() {
        double fresh = Downpour.workers(1).rate(0.3).updates(600).logEvery(600).seed(7).run(net(DataType.FLOAT), DIGITS).finalLoss();
        double stale = Downpour.workers(32).rate(0.3).updates(600).logEvery(600).seed(7).run(net(DataType.FLOAT), DIGITS).finalLoss();
        assertTrue(fresh < 0.3, "plain SGD must learn, got " + fresh);
        assertTrue(stale > 1.5 * fresh, "stale " + stale + " vs fresh " + fresh);
    }

    /** 64 stale workers at η = 0.3 blow up: the run stops once the loss is 10× its start and says so. */
    @Test
    void aDivergedRunStops() {
        Downpour.Run run = Downpour.workers(64).rate(0.3).updates(20_000).logEvery(100).seed(7).run(net(DataType.FLOAT), DIGITS);
        assertTrue(run.diverged());
        int last = run.history().intColumn("step").get(run.history().rowCount() - 1);
        assertTrue(last < 20_000, "stopped at " + last);
        assertTrue(run.finalLoss() <= 10 * run.history().doubleColumn("loss").get(0), "last kept loss " + run.finalLoss());
        assertTrue(!Downpour.workers(1).rate(0.1).updates(100).logEvery(50).seed(7).run(net(DataType.FLOAT), DIGITS).diverged());
    }

    /** With α = 0 the centre stays at the start and worker 0 is plain SGD (checked through a 1-worker run). */
    @Test
    void easgdWithoutForceLeavesTheCentre() {
        Network net = net(DataType.DOUBLE);
        INDArray start = net.theta().dup();
        Table history = ElasticAveraging.workers(3).rate(0.1).updates(30).logEvery(10).seed(7).run(net, DIGITS.as(DataType.DOUBLE));
        assertEquals(0, start.distance2(net.theta()), 0);
        double first = history.doubleColumn("loss").get(0);
        assertEquals(first, history.doubleColumn("loss").get(3), 0);
    }

    /** One worker with τ = 1 and α = 1: the centre takes the worker's place each step, the worker the centre's. */
    @Test
    void elasticForceIsSymmetric() {
        Network a = net(DataType.DOUBLE);
        Network b = net(DataType.DOUBLE);
        // α = 1 swaps x and x̃ before each local step: after 2 steps x̃ holds the point after one SGD step
        ElasticAveraging.workers(1).rate(0.1).elasticity(1).updates(2).logEvery(1).seed(7).run(a, DIGITS.as(DataType.DOUBLE));
        Downpour.workers(1).rate(0.1).updates(1).logEvery(1).seed(7).run(b, DIGITS.as(DataType.DOUBLE));
        assertEquals(0, a.theta().distance2(b.theta()), 1e-12);
    }

    @Test
    void easgdLearnsWithManyWorkers() {
        Table h = ElasticAveraging.workers(8).rate(0.1).period(4).elasticity(0.9 / 8).updates(1600).logEvery(800).seed(7).run(net(DataType.FLOAT), DIGITS);
        double last = h.doubleColumn("loss").get(h.rowCount() - 1);
        assertTrue(last < 0.5 * h.doubleColumn("loss").get(0), "EASGD must learn, got " + h.print());
    }

    @Test
    void rejectsBadArguments() {
        Network net = net(DataType.FLOAT);
        assertThrows(IllegalArgumentException.class, () -> Downpour.workers(2).rate(-1));
        assertThrows(IllegalArgumentException.class, () -> Downpour.workers(0));
        assertThrows(IllegalArgumentException.class, () -> Downpour.workers(2).fetchEvery(0));
        assertThrows(IllegalArgumentException.class, () -> ElasticAveraging.workers(2).elasticity(1.5));
        assertThrows(IllegalArgumentException.class, () -> ElasticAveraging.workers(2).period(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Downpour.workers(2).rate(0.1).updates(10).logEvery(1).run(net, DIGITS.as(DataType.DOUBLE)));
        assertTrue(e.getMessage().contains("FLOAT"), e.getMessage());
        IllegalStateException unset = assertThrows(IllegalStateException.class, () -> Downpour.workers(2).run(net, DIGITS));
        assertTrue(unset.getMessage().contains("rate"), unset.getMessage());
    }
}
