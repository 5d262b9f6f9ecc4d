package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Building data sets from arrays and tables, their label views, and their refusals. */
class DataSetTest {

    private static Table table(double... labels) {
        return Table.create("t",
                DoubleColumn.create("height", 1.5, 1.7, 1.9),
                StringColumn.create("name", "a", "b", "c"),
                DoubleColumn.create("weight", 50, 70, 90),
                DoubleColumn.create("class", labels));
    }

    @Test
    void fromTableTakesTheNamedColumnsAndTheLabel() {
        DataSet data = DataSet.fromTable(table(0, 2, 1), "class", DataType.DOUBLE, "height", "weight");
        assertEquals(2, data.numFeatures());
        assertEquals(3, data.numClasses());
        assertArrayEquals(new double[] {1.5, 50, 1.7, 70, 1.9, 90}, data.features().data().asDouble());
        assertArrayEquals(new double[] {0, 2, 1}, data.labels().data().asDouble());
        Table view = data.toTable(10);
        assertEquals(3, view.rowCount());
        assertEquals(java.util.List.of("index", "label", "height", "weight"), view.columnNames());

        DataSet chosen = DataSet.fromTable(table(0, 2, 1), "class", DataType.FLOAT, "weight");
        assertArrayEquals(new double[] {50, 70, 90}, chosen.features().data().asDouble());
        assertEquals(DataType.FLOAT, chosen.labels().dataType());
    }

    @Test
    void fromTableRefusesBadLabelsAndColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.fromTable(table(0, 1.5, 1), "class", DataType.FLOAT));
        assertTrue(e.getMessage().contains("row 1 has '1.5'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSet.fromTable(table(0, -1, 1), "class", DataType.FLOAT));
        e = assertThrows(IllegalArgumentException.class,
                () -> DataSet.fromTable(table(0, 1, 1), "class", DataType.FLOAT, "name"));
        assertTrue(e.getMessage().contains("feature column 'name' is not numeric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataSet.fromTable(table(0, 1, 1), "class", DataType.FLOAT));
        assertTrue(e.getMessage().contains("table 't': feature column 'name' is not numeric"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSet.fromTable(table(0, 1, 1), "class", DataType.INT));
    }

    @Test
    void oneHotAndClassCounts() {
        DataSet data = DataSet.of(Nd4j.zeros(DataType.FLOAT, 4, 2), new int[] {2, 0, 2, 1}, 4);
        INDArray y = data.oneHot();
        assertEquals(DataType.FLOAT, y.dataType());
        assertArrayEquals(new double[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0}, y.data().asDouble());
        assertArrayEquals(new int[] {1, 1, 2, 0}, data.classCounts());
        assertEquals("2", data.className(2));
        assertEquals("Sandal", data.withClassNames(Datasets.FASHION_CLASSES).className(5));
    }

    @Test
    void ofRefusesWhatItCannotUse() {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 3, 2);
        assertThrows(IllegalArgumentException.class, () -> DataSet.of(x, new int[] {0, 1}, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSet.of(x, new int[] {0, 1, 2}, 2));
        assertEquals("labels[2] must be a class index in [0, 2), got 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSet.of(Nd4j.zeros(DataType.INT, 3, 2), new int[3], 1));
        assertThrows(IllegalArgumentException.class, () -> DataSet.of(Nd4j.zeros(DataType.DOUBLE, 6), new int[6], 1));
        DataSet data = DataSet.of(x, new int[3], 1);
        assertThrows(IllegalArgumentException.class, () -> data.withImageShape(2, 2));
        assertThrows(IllegalStateException.class, () -> data.image(0), "no image shape");
    }

    @Test
    void viewsAndColumnMajorArraysAreCopiedToRowMajor() {
        INDArray f = Nd4j.create(new double[][] {{1, 2}, {3, 4}}).dup('f');
        DataSet data = DataSet.of(f, new int[] {0, 1}, 2);
        assertEquals('c', data.features().ordering());
        assertArrayEquals(new double[] {1, 2, 3, 4}, data.features().data().asDouble());
        assertArrayEquals(new double[] {3, 4}, data.subset(new int[] {1}).features().data().asDouble());
    }
}
