package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.init.Zeros;
import descent.nn.Network;
import descent.optim.AdaGrad;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class RareFeaturesTest {

    @Test
    void featureJAppearsInAFractionOneOverJPlusTwoAndLabelsFollowTheHiddenWeights() {
        RareFeatures rare = RareFeatures.zipf(20_000, 50, 3);
        double[] seen = rare.data().features().mean(0).toDoubleVector();
        for (int j : new int[] {0, 1, 8, 49}) {
            double p = 1.0 / (j + 2), sd = Math.sqrt(p * (1 - p) / 20_000);
            assertEquals(p, seen[j], 5 * sd, "feature " + j);
            assertEquals(p, rare.frequency()[j], 1e-15);
        }
        double agree = 0;                    // the sign of w*·x predicts the label better than chance
        for (int i = 0; i < 20_000; i++) {
            double margin = 0;
            for (int j = 0; j < 50; j++) {
                margin += rare.data().features().getDouble(i, j) * rare.wStar()[j];
            }
            agree += (margin > 0) == (rare.data().label(i) == 1) ? 1 : 0;
        }
        assertTrue(agree / 20_000 > 0.65, "w* predicts the labels: " + agree / 20_000);
        assertArrayEquals(rare.wStar(), RareFeatures.zipf(20_000, 50, 3).wStar(), "the same seed, the same problem");
    }

    @Test
    void learnedWeightsAreTheLogitDifferenceAndErrorsTheirDistanceToTheHiddenOnes() {
        RareFeatures rare = RareFeatures.zipf(100, 3, 1);
        Network net = Network.mlp(3, 2).init(new Zeros()).build();
        net.denseLayers().get(0).weights().assign(Nd4j.create(new float[][] {{1, 3}, {0, -2}, {5, 5}}));
        assertArrayEquals(new double[] {2, -2, 0}, rare.learnedWeights(net), 1e-6);
        double[] w = rare.wStar();
        assertArrayEquals(new double[] {Math.abs(2 - w[0]), Math.abs(-2 - w[1]), Math.abs(w[2])}, rare.errors(net), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> rare.errors(Network.mlp(3, 4, 2).build()));
    }

    @Test
    void perFeatureReadsTheEntryOfWj1FromAThetaShapedArray() {
        RareFeatures rare = RareFeatures.zipf(200, 4, 2);
        Network net = Network.mlp(4, 2).init(new Zeros()).build();
        AdaGrad adaGrad = new AdaGrad(0.1);
        net.gradient(rare.data().features(), rare.data().oneHot());
        adaGrad.step(net.theta(), net.grad());
        double[] rate = rare.perFeature(adaGrad.effectiveRate());
        for (int j = 0; j < 4; j++) {
            double g = net.denseLayers().get(0).weightGradient().getDouble(j, 1);
            assertEquals(0.1 / (Math.abs(g) + 1e-10), rate[j], 1e-4 * rate[j]);
        }
        assertThrows(IllegalArgumentException.class, () -> rare.perFeature(Nd4j.zeros(5)));
    }

    @Test
    void groupMeansAveragesRunsOfFeatures() {
        assertArrayEquals(new double[] {1.5, 4}, RareFeatures.groupMeans(new double[] {1, 2, 3, 4, 5}, 0, 2, 5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RareFeatures.groupMeans(new double[] {1, 2}, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> RareFeatures.groupMeans(new double[] {1, 2}, 0, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> RareFeatures.zipf(1, 3, 1));
    }
}
