package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.surface.Surfaces;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Grid and RunsChart: the chart helpers of lessons 1 and 2. */
class GridTest {

    @Test
    void gridLaysPanelsOutRowByRowAndGivesBackTheLegends() {
        LineChart a = Charts.lines("a", "x", "y").series("one", new double[] {1, 2, 3});
        LineChart b = Charts.lines("b", "x", "y").series("two", new double[] {3, 2, 1});
        ContourChart c = Charts.contour(Surfaces.ravine(4));
        BufferedImage image = Grid.of("three", 2, 300, 200, a, b, c);
        assertEquals(600, image.getWidth());
        assertEquals(44 + 2 * 200, image.getHeight());
        assertTrue(a.getStyler().isLegendVisible() && c.getStyler().isLegendVisible());
        assertEquals(480, Grid.of("one", 1, a).getWidth());
    }

    @Test
    void gridRefusesBadLayouts() {
        LineChart a = Charts.lines("a", "x", "y").series("one", new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> Grid.of("t", 2, a));
        assertThrows(IllegalArgumentException.class, () -> Grid.of("t", 0, a));
        assertThrows(IllegalArgumentException.class, () -> Grid.of(" ", 1, a));
        assertThrows(IllegalArgumentException.class, () -> Grid.of("t", 1, 50, 200, a));
        assertThrows(IllegalArgumentException.class, () -> Grid.of("t", 1));
    }

    private static Table history(String name, double... losses) {
        int[] steps = new int[losses.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 10 * (i + 1);
        }
        return Table.create(name, IntColumn.create("step", steps), DoubleColumn.create("loss", losses));
    }

    @Test
    void runsChartDrawsOneNamedLinePerHistory() {
        LineChart chart = RunsChart.of("step", "loss", history("SGD", 2, 1, 0.5), history("momentum", 2, 0.5, 0.1));
        assertEquals(List.of("SGD", "momentum"), chart.seriesNames());
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals("loss by step", chart.getTitle());
        double[] y = chart.getSeriesMap().get("momentum").getYData();
        assertEquals(0.1, y[2]);
        LineChart linear = RunsChart.of("step", "loss", history("a", 1, 0), history("a", 1, 2));
        assertFalse(linear.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("a", "a #2"), linear.seriesNames());
        assertThrows(IllegalArgumentException.class, () -> RunsChart.of("step", "loss"));
        assertThrows(IllegalArgumentException.class, () -> RunsChart.of("step", "accuracy", history("a", 1)));
    }
}
