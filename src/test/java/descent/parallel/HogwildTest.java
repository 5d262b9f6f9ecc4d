package descent.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HogwildTest {

    static final SparseLogistic PROBLEM = SparseLogistic.synthetic(20_000, 2_000, 8, 5);

    /** One thread is plain SGD over each epoch's shuffled order, bit for bit. */
    @Test
    void oneThreadIsPlainSgd() {
        Hogwild.Run run = Hogwild.of(PROBLEM, 0.3, 1).run(3, 11);
        double[] w = new double[PROBLEM.dimension()];
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (int i : Hogwild.permutation(PROBLEM.size(), new SplittableRandom(11 + epoch))) {
                PROBLEM.step(w, i, 0.3);
            }
        }
        assertArrayEquals(w, run.weights());
        assertEquals(PROBLEM.loss(w), run.finalLoss());
        assertEquals(4, run.history().rowCount());
        assertEquals(60_000, run.history().intColumn("step").get(3));
    }

    /** Lock-free updates from 2 and 4 threads reach the loss of one thread (within 1%). */
    @Test
    void racingThreadsConvergeLikeOne() {
        double serial = Hogwild.of(PROBLEM, 0.3, 1).run(3, 11).finalLoss();
        assertTrue(serial < 0.8 * Math.log(2), "serial SGD must learn, got " + serial);
        for (int threads : new int[] {2, 4}) {
            double parallel = Hogwild.of(PROBLEM, 0.3, threads).run(3, 11).finalLoss();
            assertEquals(serial, parallel, 0.01 * serial, threads + " threads");
            double locked = Hogwild.withLock(PROBLEM, 0.3, threads).run(3, 11).finalLoss();
            assertEquals(serial, locked, 0.01 * serial, threads + " threads with a lock");
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Hogwild.of(PROBLEM, Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> Hogwild.of(PROBLEM, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> Hogwild.of(null, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Hogwild.of(PROBLEM, 0.1, 1).run(0, 1));
        assertEquals("Hogwild!, 2 threads", Hogwild.of(PROBLEM, 0.1, 2).toString());
    }
}
