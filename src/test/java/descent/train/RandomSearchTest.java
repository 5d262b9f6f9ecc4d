package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.nn.Network;
import descent.optim.Momentum;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RandomSearchTest {

    @Test
    void drawsInsideTheRangesAndRepeatsForTheSameSeed() {
        RandomSearch search = RandomSearch.trials(2000).seed(3).uniform("m", 0.5, 0.9).logUniform("lr", 1e-4, 1);
        List<Sweep.Point> points = search.points();
        assertEquals(2000, points.size());
        double[] m = points.stream().mapToDouble(p -> p.get("m")).toArray();
        double[] exponent = points.stream().mapToDouble(p -> Math.log10(p.get("lr"))).toArray();
        assertTrue(Arrays.stream(m).allMatch(x -> x >= 0.5 && x < 0.9));
        assertTrue(Arrays.stream(exponent).allMatch(u -> u >= -4 - 1e-12 && u < 1e-12));
        assertEquals(0.7, Arrays.stream(m).average().getAsDouble(), 0.01);            // U(0.5, 0.9): mean 0.7, sd 0.12/√2000
        assertEquals(-2, Arrays.stream(exponent).average().getAsDouble(), 0.1);         // every decade alike: mean exponent −2
        long firstDecade = Arrays.stream(exponent).filter(u -> u < -3).count();
        assertEquals(500, firstDecade, 70);                                             // a quarter of the draws in [1e-4, 1e-3)
        assertEquals(points.toString(), search.points().toString());
        assertNotEquals(points.toString(), RandomSearch.trials(2000).seed(4).uniform("m", 0.5, 0.9)
                .logUniform("lr", 1e-4, 1).points().toString());
    }

    @Test
    void runTrainsEveryTrialAndTabulatesItsValues() {
        RandomSearch search = RandomSearch.trials(3).seed(1).logUniform("lr", 0.01, 0.1).uniform("momentum", 0, 0.9);
        Table t = search.run(RandomSearchTest::train);
        assertEquals(List.of("trial", "lr", "momentum", "loss", "accuracy", "seconds", "diverged"), t.columnNames());
        assertArrayEquals(new int[] {0, 1, 2}, t.intColumn("trial").asIntArray());
        List<Sweep.Point> points = search.points();
        for (int i = 0; i < 3; i++) {
            assertEquals(points.get(i).get("lr"), t.doubleColumn("lr").getDouble(i));
            assertEquals(points.get(i).get("momentum"), t.doubleColumn("momentum").getDouble(i));
            Table alone = train(points.get(i));                                  // each row is its own trial's training
            assertEquals(alone.doubleColumn("loss").getDouble(0), t.doubleColumn("loss").getDouble(i), "trial " + i);
        }
        assertEquals(3, t.doubleColumn("loss").unique().size());
    }

    private static Table train(Sweep.Point p) {
        return Trainer.of(Network.mlp(784, 8, 10).seed(5).build(), new Momentum(p.get("lr"), p.get("momentum")))
                .epochs(1).seed(1).quiet().fit(TrainerTest.SMALL);
    }

    @Test
    void badInputIsRefusedWithItsName() {
        assertEquals("trials must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> RandomSearch.trials(0)).getMessage());
        RandomSearch search = RandomSearch.trials(3).uniform("lr", 0, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> search.uniform("lr", 0, 2))
                .getMessage().contains("got lr (already a range)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> search.uniform("loss", 0, 2))
                .getMessage().contains("got loss"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> search.uniform("trial", 0, 2))
                .getMessage().contains("got trial"));
        assertEquals("the range wd must have finite low < high, got [0.1, 0.01]",
                assertThrows(IllegalArgumentException.class, () -> search.uniform("wd", 0.1, 0.01)).getMessage());
        assertEquals("the range wd must have finite low < high, got [0.0, NaN]",
                assertThrows(IllegalArgumentException.class, () -> search.uniform("wd", 0, Double.NaN)).getMessage());
        assertEquals("low of the log-uniform range wd must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> search.logUniform("wd", 0, 1)).getMessage());
        assertEquals("the search has no range: add one with uniform or logUniform",
                assertThrows(IllegalArgumentException.class, () -> RandomSearch.trials(2).points()).getMessage());
    }
}
