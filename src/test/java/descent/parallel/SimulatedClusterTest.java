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
            Downpour.Run run = new Downpour(net, 0.1, 1, 1, 1).run(DIGITS.as(type), 32, 48, 16, 7);
            assertEquals(type, net.theta().dataType());
            assertEquals(0, plainSgd(type).distance2(net.theta()), type == DataType.DOUBLE ? 1e-12 : 1e-5, type.toString());
            assertEquals(0, run.meanStaleness());
            assertEquals(4, run.history().rowCount());
        }
    }

    /** p workers taking turns, fetching after every push: each gradient is p − 1 server updates old. */
    @Test
    void downpourStalenessIsWorkersMinusOne() {
        Downpour.Run run = new Downpour(net(DataType.FLOAT), 0.05, 8, 1, 1).run(DIGITS, 32, 800, 100, 7);
        assertEquals(7, run.meanStaleness(), 0.1);                  // the first round is fresher
        assertTrue(run.meanStaleness() < 7);
        Downpour.Run rare = new Downpour(net(DataType.FLOAT), 0.05, 8, 4, 1).run(DIGITS, 32, 800, 100, 7);
        assertTrue(rare.meanStaleness() > 15, "n_fetch 4 must be staler, got " + rare.meanStaleness());
    }

    /** Fresh gradients learn; the same step size with 32 stale workers does worse. */
    @Test
    void stalenessHurts() {
        double fresh = new Downpour(net(DataType.FLOAT), 0.3, 1, 1, 1).run(DIGITS, 32, 600, 600, 7).finalLoss();
        double stale = new Downpour(net(DataType.FLOAT), 0.3, 32, 1, 1).run(DIGITS, 32, 600, 600, 7).finalLoss();
        assertTrue(fresh < 0.3, "plain SGD must learn, got " + fresh);
        assertTrue(stale > 1.5 * fresh, "stale " + stale + " vs fresh " + fresh);
    }

    /** 64 stale workers at η = 0.3 blow up: the run stops at the first NaN or infinite loss and says so. */
    @Test
    void aDivergedRunStops() {
        Downpour.Run run = new Downpour(net(DataType.FLOAT), 0.3, 64, 1, 1).run(DIGITS, 32, 20_000, 100, 7);
        assertTrue(run.diverged());
        int last = run.history().intColumn("step").get(run.history().rowCount() - 1);
        assertTrue(last < 20_000, "stopped at " + last);
        assertTrue(Double.isFinite(run.finalLoss()));
        assertTrue(!new Downpour(net(DataType.FLOAT), 0.1, 1, 1, 1).run(DIGITS, 32, 100, 50, 7).diverged());
    }

    /** With α = 0 the centre stays at the start and worker 0 is plain SGD (checked through a 1-worker run). */
    @Test
    void easgdWithoutForceLeavesTheCentre() {
        Network net = net(DataType.DOUBLE);
        INDArray start = net.theta().dup();
        Table history = new ElasticAveraging(net, 0.1, 3, 1, 0).run(DIGITS.as(DataType.DOUBLE), 32, 30, 10, 7);
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
        new ElasticAveraging(a, 0.1, 1, 1, 1).run(DIGITS.as(DataType.DOUBLE), 32, 2, 1, 7);
        new Downpour(b, 0.1, 1, 1, 1).run(DIGITS.as(DataType.DOUBLE), 32, 1, 1, 7);
        assertEquals(0, a.theta().distance2(b.theta()), 1e-12);
    }

    @Test
    void easgdLearnsWithManyWorkers() {
        Table h = new ElasticAveraging(net(DataType.FLOAT), 0.1, 8, 4, 0.9 / 8).run(DIGITS, 32, 1600, 800, 7);
        double last = h.doubleColumn("loss").get(h.rowCount() - 1);
        assertTrue(last < 0.5 * h.doubleColumn("loss").get(0), "EASGD must learn, got " + h.print());
    }

    @Test
    void rejectsBadArguments() {
        Network net = net(DataType.FLOAT);
        assertThrows(IllegalArgumentException.class, () -> new Downpour(net, -1, 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Downpour(net, 0.1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Downpour(net, 0.1, 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ElasticAveraging(net, 0.1, 2, 1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ElasticAveraging(net, 0.1, 2, 0, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Downpour(net, 0.1, 2, 1, 1).run(DIGITS.as(DataType.DOUBLE), 32, 10, 1, 1));
        assertTrue(e.getMessage().contains("FLOAT"), e.getMessage());
    }
}
