package descent.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Nesterov;
import descent.optim.NesterovTextbook;
import descent.optim.Optimizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class TrajectoryTest {

    /** Plain gradient descent θ ← θ − ηg, written here against the interface only. */
    static final class PlainGd implements Optimizer {
        double lr;
        int resets;

        PlainGd(double lr) {
            this.lr = lr;
        }

        @Override
        public void step(INDArray theta, INDArray grad) {
            assertEquals(DataType.DOUBLE, theta.dataType());
            assertEquals(DataType.DOUBLE, grad.dataType());
            for (int i = 0; i < theta.length(); i++) {
                theta.putScalar(i, theta.getDouble(i) - lr * grad.getDouble(i));
            }
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
            resets++;
        }

        @Override
        public String toString() {
            return "GD(η=" + lr + ")";
        }
    }

    @Test
    void gradientDescentOnTheRavineFollowsTheClosedForm() {
        // On ½(x² + κy²): x_k = x₀(1 − η)^k and y_k = y₀(1 − ηκ)^k.
        double eta = 0.03;
        double kappa = 50;
        PlainGd gd = new PlainGd(eta);
        Trajectory t = Trajectory.of(gd, Surfaces.ravine(kappa), new double[] {-8, 2}, 100);
        assertEquals(1, gd.resets);
        assertEquals(101, t.size());
        assertFalse(t.diverged());
        for (int k = 0; k <= 100; k++) {
            double x = -8 * Math.pow(1 - eta, k);
            double y = 2 * Math.pow(1 - eta * kappa, k);
            assertEquals(x, t.xs()[k], 1e-12 * Math.abs(x) + 1e-300);
            assertEquals(y, t.ys()[k], 1e-12 * Math.abs(y) + 1e-300);
            assertEquals(0.5 * (x * x + kappa * y * y), t.losses()[k], 1e-11 * t.losses()[k]);
            assertEquals(x, t.gradXs()[k], 1e-12 * Math.abs(x) + 1e-300);
            assertEquals(kappa * y, t.gradYs()[k], 1e-12 * Math.abs(kappa * y) + 1e-300);
            assertEquals(eta, t.learningRates()[k]);
        }
        assertArrayEquals(new double[] {t.xs()[100], t.ys()[100]}, t.end());
        assertEquals("GD(η=0.03)", t.label());
        assertEquals("plain", t.named("plain").label());
    }

    @Test
    void aScheduleSetsTheRateBeforeEachUpdate() {
        PlainGd gd = new PlainGd(99);
        Trajectory t = Trajectory.of(gd, Surfaces.ravine(1), new double[] {1, 0}, 5, k -> 0.1 / (k + 1));
        double x = 1;
        for (int k = 0; k <= 5; k++) {
            assertEquals(0.1 / (k + 1), t.learningRates()[k], 0);
            assertEquals(x, t.xs()[k], 1e-15);
            x -= 0.1 / (k + 1) * x;
        }
    }

    @Test
    void aDivergingWalkStopsAtItsLastFinitePointWithoutThrowing() {
        Trajectory t = Trajectory.of(new PlainGd(0.01), Surfaces.rosenbrock(), new double[] {-1.5, 2}, 1000);
        assertTrue(t.diverged(), t.toString());
        assertTrue(t.size() > 1 && t.size() < 1001, "size " + t.size());
        for (double f : t.losses()) {
            assertTrue(Double.isFinite(f));
        }
        assertTrue(t.toString().contains("diverged"));
    }

    /** Sutskever's walk is the one its class takes, and torch's Nesterov walks its look-ahead points. */
    @Test
    void sutskeversNesterovWalksWithTheGradientAtItsLookAheadPoint() {
        Ravine ravine = Surfaces.ravine(20, 30);
        double[] start = {-4, 3};
        Trajectory paper = Trajectory.of(new NesterovTextbook(0.02, 0.9), ravine, start, 50, k -> k < 25 ? 0.02 : 0.01);
        Trajectory torch = Trajectory.of(new Nesterov(0.02, 0.9), ravine, start, 24);
        var nesterov = new NesterovTextbook(0.02, 0.9);
        INDArray theta = Nd4j.createFromArray(start);
        for (int k = 1; k <= 50; k++) {
            nesterov.setLearningRate(k <= 25 ? 0.02 : 0.01);
            nesterov.step(theta, p -> Nd4j.createFromArray(ravine.gradient(p.getDouble(0), p.getDouble(1))));
            assertEquals(theta.getDouble(0), paper.xs()[k], 0);
            assertEquals(theta.getDouble(1), paper.ys()[k], 0);
            INDArray ahead = nesterov.lookAhead(theta);
            if (k <= 24) {
                assertEquals(ahead.getDouble(0), torch.xs()[k], 1e-12);
                assertEquals(ahead.getDouble(1), torch.ys()[k], 1e-12);
            }
        }
        assertEquals(0.01, paper.learningRates()[49]);
        assertEquals("NesterovTextbook(η=0.01)", paper.label());
    }

    @Test
    void sutskeversWalkDivergesWhereTheGradientAtItsLookAheadIsNotFinite() {
        Surface cliff = new Surface() {   // f = −x, with no gradient from x = 4 on
            public double value(double x, double y) { return -x; }
            public double[] gradient(double x, double y) { return x < 4 ? new double[] {-1, 0} : new double[] {Double.NaN, 0}; }
            public String name() { return "cliff"; }
            public Window window() { return new Window(0, 10, -1, 1); }
            public List<double[]> minima() { return List.of(); }
        };
        // θ = 0, 1, 2.9: the third look-ahead, 2.9 + 0.9·1.9 = 4.61, is past the cliff
        Trajectory t = Trajectory.of(new NesterovTextbook(1, 0.9), cliff, new double[] {0, 0}, 10);
        assertTrue(t.diverged());
        assertArrayEquals(new double[] {0, 1, 2.9}, t.xs(), 1e-12);
    }

    @Test
    void walksFromDifferentStartsEndInDifferentValleysOfTheFoggyMountain() {
        FoggyMountain fog = Surfaces.foggyMountain();
        List<double[]> minima = fog.minima();
        Set<Integer> reached = new HashSet<>();
        double[][] starts = {{-4, -4}, {4, 4}, {-3, 4}, {4, -4}, {0.5, 0}};
        for (double[] s : starts) {
            double[] end = Trajectory.of(new PlainGd(0.2), fog, s, 2000).end();
            for (int i = 0; i < minima.size(); i++) {
                if (Math.hypot(end[0] - minima.get(i)[0], end[1] - minima.get(i)[1]) < 1e-4) {
                    reached.add(i);
                }
            }
        }
        assertTrue(reached.size() >= 3, "distinct minima reached: " + reached);
    }

    @Test
    void theTableHasTheLessonsColumns() {
        Table table = Trajectory.of(new PlainGd(0.01), Surfaces.himmelblau(), new double[] {0, 0}, 10)
                .named("GD").toTable();
        assertEquals(List.of("step", "x", "y", "loss", "grad_x", "grad_y", "lr"), table.columnNames());
        assertEquals(11, table.rowCount());
        assertEquals("GD", table.name());
        assertEquals(10, table.intColumn("step").getInt(10));
    }

    @Test
    void badArgumentsAreRefusedByName() {
        PlainGd gd = new PlainGd(0.1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Trajectory.of(gd, Surfaces.saddle(), new double[] {1}, 10));
        assertTrue(e.getMessage().contains("start"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Trajectory.of(gd, Surfaces.saddle(), new double[] {1, 1}, -1));
        assertTrue(e.getMessage().contains("steps") && e.getMessage().contains("-1"), e.getMessage());
        assertEquals(0, gd.resets);
    }
}
