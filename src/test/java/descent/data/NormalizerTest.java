package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Fitted statistics and transformed values against hand computation. */
class NormalizerTest {

    // columns: 1, 2, 3, 6 (mean 3, population σ √3.5); 10 constant; -1, 1, -1, 1 (mean 0, σ 1)
    private static final double[][] TRAIN = {{1, 10, -1}, {2, 10, 1}, {3, 10, -1}, {6, 10, 1}};

    @Test
    void zScoreFitsMeanAndPopulationStd() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray train = Nd4j.createFromArray(TRAIN).castTo(type);
            Normalizer norm = Normalizer.zScore().fit(train);
            assertArrayEquals(new double[] {3, 10, 0}, norm.shift(), 1e-12);
            assertArrayEquals(new double[] {Math.sqrt(3.5), 1, 1}, norm.scale(), 1e-7, "constant column: scale 1");

            INDArray test = Nd4j.createFromArray(new double[][] {{3 + Math.sqrt(3.5), 11, 2}}).castTo(type);
            INDArray z = norm.transform(test);
            assertEquals(type, z.dataType());
            assertArrayEquals(new double[] {1, 1, 2}, z.toDoubleVector(), 1e-6);
            assertEquals(11, test.getDouble(0, 1), 1e-6, "input untouched");
            INDArray zTrain = norm.transform(train);
            assertArrayEquals(new double[] {0, 0, 0}, zTrain.mean(0).toDoubleVector(), 1e-6);
            assertArrayEquals(new double[] {1, 0, 1}, zTrain.std(false, 0).toDoubleVector(), 1e-6);
        }
    }

    @Test
    void minMaxMapsTheTrainingRangeToZeroOne() {
        Normalizer norm = Normalizer.minMax().fit(Nd4j.createFromArray(TRAIN));
        assertArrayEquals(new double[] {1, 10, -1}, norm.shift());
        assertArrayEquals(new double[] {5, 1, 2}, norm.scale());
        INDArray test = Nd4j.createFromArray(new double[][] {{1, 10, -1}, {6, 12, 1}, {11, 8, 0}});
        assertArrayEquals(new double[] {0, 0, 0, 1, 2, 1, 2, -2, 0.5},
                norm.transform(test).data().asDouble(), 1e-12, "test values outside the training range go outside [0, 1]");
    }

    @Test
    void dataSetKeepsLabelsAndGetsNewFeatures() {
        DataSet data = DataSet.of(Nd4j.createFromArray(TRAIN).castTo(DataType.FLOAT), new int[] {0, 1, 1, 0}, 2);
        DataSet normal = Normalizer.minMax().fit(data).transform(data);
        assertEquals(1, normal.label(1));
        assertEquals(DataType.FLOAT, normal.dataType());
        assertEquals(1.0, normal.features().getDouble(3, 0));
        assertEquals(6.0, data.features().getDouble(3, 0));
    }

    @Test
    void fitOnMnistAgreesWithDoubleArithmetic() {
        DataSet train = Datasets.mnist().train();
        Normalizer norm = Normalizer.zScore().fit(train);
        INDArray x = train.features().castTo(DataType.DOUBLE);
        assertArrayEquals(x.mean(0).toDoubleVector(), norm.shift(), 1e-9);
        double[] std = x.std(false, 0).toDoubleVector();
        for (int j = 0; j < std.length; j++) {
            assertEquals(std[j] == 0 ? 1 : std[j], norm.scale()[j], 1e-9);
        }
    }

    @Test
    void refusals() {
        Normalizer norm = Normalizer.zScore();
        assertThrows(IllegalStateException.class, () -> norm.transform(Nd4j.zeros(2, 3)));
        norm.fit(Nd4j.createFromArray(TRAIN));
        assertThrows(IllegalArgumentException.class, () -> norm.transform(Nd4j.zeros(2, 4)));
        assertThrows(IllegalArgumentException.class, () -> norm.fit(Nd4j.createFromArray(new double[][] {{Double.NaN, 1, 1}})));
        assertArrayEquals(new double[] {3, 10, 0}, norm.shift(), "a refused fit keeps the old statistics");
        assertThrows(IllegalArgumentException.class, () -> norm.fit(Nd4j.zeros(DataType.INT, 2, 3)));
    }
}
