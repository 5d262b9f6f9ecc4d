package descent.cores;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Adam;
import descent.optim.Optimizer;
import descent.optim.RmsProp;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CoresTest {
    private final int defaultCount = Cores.count();

    @AfterEach
    void restore() {
        Cores.set(defaultCount);
    }

    @Test
    void everyPieceRunsExactlyOnceOnAnyNumberOfCores() {
        for (int cores : new int[] {1, 2, 3, 5}) {
            Cores.set(cores);
            for (int pieces : new int[] {0, 1, 2, 7, 1000}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(pieces, 1));
                for (int repeat = 0; repeat < 50; repeat++) {
                    Cores.run(runs::incrementAndGet, pieces);
                }
                for (int p = 0; p < pieces; p++) {
                    assertEquals(50, runs.get(p), "piece " + p + " of " + pieces + " on " + cores + " cores");
                }
            }
        }
    }

    @Test
    void helpersTakePiecesWhenThereAreSeveralCores() {
        Cores.set(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int repeat = 0; repeat < 200 && threads.size() < 2; repeat++) {
            Cores.run(p -> {
                threads.add(Thread.currentThread().getName());
                long until = System.nanoTime() + 20_000;
                while (System.nanoTime() < until) Thread.onSpinWait();
            }, 64);
        }
        assertTrue(threads.stream().anyMatch(n -> n.startsWith("descent-core-")), "threads used: " + threads);
    }

    @Test
    void aFailingPieceIsRethrownAndTheNextSplitWorks() {
        Cores.set(2);
        var e = assertThrows(IllegalStateException.class, () -> Cores.run(p -> {
            if (p == 3) throw new IllegalStateException("piece 3");
        }, 100));
        assertEquals("piece 3", e.getMessage());
        AtomicIntegerArray runs = new AtomicIntegerArray(10);
        Cores.run(runs::incrementAndGet, 10);
        for (int p = 0; p < 10; p++) assertEquals(1, runs.get(p));
    }

    @Test
    void aSplitInsideAPieceRunsOnTheThreadOfThatPiece() {
        Cores.set(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(8 * 8);
        Cores.run(outer -> {
            String thread = Thread.currentThread().getName();
            Cores.run(inner -> {
                assertEquals(thread, Thread.currentThread().getName());
                runs.incrementAndGet(outer * 8 + inner);
            }, 8);
        }, 8);
        for (int i = 0; i < 64; i++) assertEquals(1, runs.get(i));
    }

    @Test
    void onThisThreadKeepsEverySplitOnTheCallingThread() {
        Cores.set(2);
        String caller = Thread.currentThread().getName();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        int result = Cores.onThisThread(() -> {
            for (int repeat = 0; repeat < 50; repeat++) {
                Cores.run(p -> threads.add(Thread.currentThread().getName()), 64);
            }
            return 42;
        });
        assertEquals(42, result);
        assertEquals(Set.of(caller), threads);
    }

    @Test
    void refusesBadCounts() {
        var e = assertThrows(IllegalArgumentException.class, () -> Cores.set(0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Cores.run(p -> {}, -1));
        assertEquals("pieces must be >= 0, got -1", e.getMessage());
    }

    /** The blocks of a step land on different cores; the numbers must not notice. */
    @Test
    void anOptimizerStepIsBitIdenticalOnOneAndOnSeveralCores() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray one = run(1, type, new Adam(1e-2)), three = run(3, type, new Adam(1e-2));
            assertArrayEquals(one.toDoubleVector(), three.toDoubleVector(), 0.0, "Adam " + type);
            one = run(1, type, new RmsProp(1e-2).centered().withMomentum(0.9));
            three = run(3, type, new RmsProp(1e-2).centered().withMomentum(0.9));
            assertArrayEquals(one.toDoubleVector(), three.toDoubleVector(), 0.0, "RmsProp " + type);
        }
    }

    private static INDArray run(int cores, DataType type, Optimizer optimizer) {
        Cores.set(cores);
        Nd4j.getRandom().setSeed(7);
        INDArray theta = Nd4j.randn(type, 100_003), grad = Nd4j.create(type, 100_003);
        for (int step = 0; step < 5; step++) {
            grad.assign(theta.mul(2).addi(Nd4j.randn(type, 100_003)));
            optimizer.step(theta, grad);
        }
        return theta;
    }
}
