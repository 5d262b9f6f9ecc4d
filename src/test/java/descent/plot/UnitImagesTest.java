package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class UnitImagesTest {

    /** The pixels of tile j (its top-left square at the tile's origin). */
    private static int[] tile(BufferedImage image, int j, int side) {
        int cell = 84 / side;
        int x0 = 12 + j * (cell * side + 12);
        return image.getRGB(x0, 52, cell * side, cell * side, null, 0, cell * side);
    }

    @Test
    void identicalUnitsGiveIdenticalTilesDifferentUnitsDifferentTiles() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            // Units 1 and 2 identical, unit 3 negated; 2 × 2 inputs.
            INDArray w = Nd4j.create(new double[][] {{1, 1, -1}, {0, 0, 0}, {-0.5, -0.5, 0.5}, {0.25, 0.25, -0.25}})
                    .castTo(type);
            BufferedImage image = UnitImages.of("units", w, 2, 2, 3);
            assertEquals(java.util.Arrays.toString(tile(image, 0, 2)), java.util.Arrays.toString(tile(image, 1, 2)));
            assertNotEquals(java.util.Arrays.toString(tile(image, 0, 2)), java.util.Arrays.toString(tile(image, 2, 2)));
            // Input 1 of unit 1 is +max: full red; input 2 is 0: white.
            int cell = 84 / 2;
            assertEquals(MatrixImage.colour(1, 1).getRGB(), image.getRGB(12, 52));
            assertEquals(0xffffffff, image.getRGB(12 + cell, 52));
        }
    }

    @Test
    void refusesShapesThatDoNotFit() {
        INDArray w = Nd4j.zeros(DataType.FLOAT, 6, 4);
        assertEquals("height × width must equal w's 6 rows, got 2 × 2",
                assertThrows(IllegalArgumentException.class, () -> UnitImages.of("t", w, 2, 2, 1)).getMessage());
        assertEquals("units must be in [1, 4], got 5",
                assertThrows(IllegalArgumentException.class, () -> UnitImages.of("t", w, 2, 3, 5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnitImages.of("t", Nd4j.zeros(DataType.FLOAT, 6), 2, 3, 1));
    }
}
