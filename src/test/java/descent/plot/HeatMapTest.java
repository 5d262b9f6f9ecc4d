package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class HeatMapTest {

    /** A 3 × 3 doubling grid, each cell twice (two "seeds"): value = log2(x / y), so constant along the diagonals. */
    static Table sweep() {
        Table t = Table.create("sweep", DoubleColumn.create("x"), DoubleColumn.create("y"), DoubleColumn.create("v"));
        for (int seed = 0; seed < 2; seed++) {
            for (double x : new double[] {1, 2, 4}) {
                for (double y : new double[] {1, 2, 4}) {
                    t.doubleColumn("x").append(x);
                    t.doubleColumn("y").append(y);
                    t.doubleColumn("v").append(Math.log(x / y) / Math.log(2) + (seed == 0 ? 0.5 : -0.5));
                }
            }
        }
        return t;
    }

    static final int CELL = 90, LEFT = 110, TOP = 56;

    /** The pixel a few pixels inside cell (i, j)'s top-left corner (j = 0 is the bottom row). */
    static int corner(BufferedImage image, int i, int j) {
        return image.getRGB(LEFT + i * CELL + 3, TOP + (2 - j) * CELL + 3);
    }

    @Test
    void aColourRangeClipsTheValuesBeyondIt() {
        BufferedImage full = HeatMap.of(sweep(), "x", "y", "v").draw();
        assertEquals(HeatMapImage.colour(1).getRGB(), corner(full, 2, 0));          // v = 2 is the top
        assertEquals(HeatMapImage.colour(0.75).getRGB(), corner(full, 2, 1));       // v = 1 of −2 … 2
        BufferedImage clipped = HeatMap.of(sweep(), "x", "y", "v").colours(-1, 1).draw();
        assertEquals(HeatMapImage.colour(1).getRGB(), corner(clipped, 2, 1));       // v = 1 is the top now
        assertEquals(HeatMapImage.colour(1).getRGB(), corner(clipped, 2, 0));       // and v = 2 above it
        assertEquals(HeatMapImage.colour(0).getRGB(), corner(clipped, 0, 2));       // v = −2 below the bottom
        assertThrows(IllegalArgumentException.class, () -> HeatMap.of(sweep(), "x", "y", "v").colours(1, 1));
    }

    /** Lines of constant x/y run through the cell centres on the diagonals; the image grows a legend line. */
    @Test
    void isoLinesRunThroughTheCellCentres() {
        BufferedImage plain = HeatMap.of(sweep(), "x", "y", "v").draw();
        BufferedImage lined = HeatMap.of(sweep(), "x", "y", "v").isoLines("x/y", (x, y) -> x / y).draw();
        assertEquals(plain.getHeight() + 22, lined.getHeight());
        int centre = LEFT + CELL + CELL / 2;                                          // cell (1, 1)'s centre
        boolean drawn = false;
        for (int dx = -2; dx <= 2; dx++) {
            drawn |= lined.getRGB(centre + dx, TOP + CELL + CELL / 2 + dx) != plain.getRGB(centre + dx, TOP + CELL + CELL / 2 + dx);
        }
        assertTrue(drawn, "a dashed diagonal crosses the centre of cell (1, 1)");
        assertEquals(plain.getRGB(LEFT + 3, TOP + 3 * CELL - 3 - 40), lined.getRGB(LEFT + 3, TOP + 3 * CELL - 3 - 40),
                "no line off the diagonals");
    }

    /** v = log2(x/y) ± ½ by seed: the seed means are flat along the diagonals and change by 1 per step of x. */
    @Test
    void meanChangeFindsTheFlatDirection() {
        HeatMap map = HeatMap.of(sweep(), "x", "y", "v");
        assertEquals(0, map.meanChange(1, 1, -10), 1e-12);
        assertEquals(1, map.meanChange(1, 0, -10), 1e-12);
        assertEquals(2, map.meanChange(1, -1, -10), 1e-12);
        assertEquals(1, map.meanChange(1, 0, 0.5), 1e-12);        // only the cells holding ≥ 0.5: v = 1, 2
        assertThrows(IllegalArgumentException.class, () -> map.meanChange(0, 0, 0));
    }

    @Test
    void refusesQuantitiesThatAreNotStraightOnTheGrid() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> HeatMap.of(sweep(), "x", "y", "v").isoLines("x + y", (x, y) -> x + y).draw());
        assertTrue(e.getMessage().contains("x + y"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeatMap.of(sweep(), "x", "z", "v"));
    }
}
