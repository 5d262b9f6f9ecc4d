package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class MarchingSquaresTest {

    static double[] grid(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo + (hi - lo) * i / (n - 1);
        }
        return g;
    }

    static double[][] sample(double[] xs, double[] ys, DoubleBinaryOperator f) {
        double[][] z = new double[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                z[i][j] = f.applyAsDouble(xs[i], ys[j]);
            }
        }
        return z;
    }

    @Test
    void theIsoLineOfACircleIsOneClosedLineAtItsRadius() {
        double[] xs = grid(-2, 2, 81);
        double[] ys = grid(-2, 2, 61);
        double r = 1.3;
        List<double[][]> lines = MarchingSquares.isoLines(xs, ys, sample(xs, ys, (x, y) -> x * x + y * y), r * r);
        assertEquals(1, lines.size());
        double[][] line = lines.get(0);
        int n = line[0].length;
        assertTrue(n > 100, "points: " + n);
        assertEquals(line[0][0], line[0][n - 1], 0);   // closed
        assertEquals(line[1][0], line[1][n - 1], 0);
        double turning = 0;
        for (int k = 0; k < n; k++) {
            // Linear interpolation of x² + y² along a grid edge errs by at most h²/(8r) in radius.
            assertEquals(r, Math.hypot(line[0][k], line[1][k]), 0.0667 * 0.0667 / (8 * r) + 1e-12);
            if (k > 0) {
                double a0 = Math.atan2(line[1][k - 1], line[0][k - 1]);
                double a1 = Math.atan2(line[1][k], line[0][k]);
                turning += Math.IEEEremainder(a1 - a0, 2 * Math.PI);
            }
        }
        assertEquals(2 * Math.PI, Math.abs(turning), 1e-9);   // once around the centre
    }

    @Test
    void separateWellsGiveSeparateLinesAndAnOpenLineEndsAtTheBorder() {
        double[] xs = grid(-3, 3, 61);
        double[] ys = grid(-1, 1, 21);
        DoubleBinaryOperator twoWells = (x, y) -> Math.min((x - 1.5) * (x - 1.5) + y * y, (x + 1.5) * (x + 1.5) + y * y);
        assertEquals(2, MarchingSquares.isoLines(xs, ys, sample(xs, ys, twoWells), 0.25).size());
        List<double[][]> open = MarchingSquares.isoLines(xs, ys, sample(xs, ys, (x, y) -> x), 0.5);
        assertEquals(1, open.size());
        double[][] line = open.get(0);
        for (int k = 0; k < line[0].length; k++) {
            assertEquals(0.5, line[0][k], 1e-12);
        }
        assertEquals(2, Math.abs(line[1][0] - line[1][line[1].length - 1]), 1e-12);   // border to border
    }

    @Test
    void aSaddleCellIsResolvedByItsCentre() {
        double[] xs = {0, 1};
        double[] ys = {0, 1};
        // Corners: (0,0)=1, (1,0)=0, (1,1)=1, (0,1)=0, centre 0.5 ≥ level 0.4: the high corners join.
        double[][] z = {{1, 0}, {0, 1}};
        List<double[][]> lines = MarchingSquares.isoLines(xs, ys, z, 0.4);
        assertEquals(2, lines.size());
        for (double[][] l : lines) {
            double mx = (l[0][0] + l[0][1]) / 2;
            double my = (l[1][0] + l[1][1]) / 2;
            // Each segment cuts off a low corner, (1,0) or (0,1).
            assertTrue(Math.hypot(mx - 1, my) < 0.5 || Math.hypot(mx, my - 1) < 0.5, mx + ", " + my);
        }
    }

    @Test
    void badGridsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> MarchingSquares.isoLines(new double[] {0, 1}, new double[] {0, 1}, new double[][] {{0, 1}}, 0.5));
        assertTrue(e.getMessage().contains("z"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MarchingSquares.isoLines(new double[] {0, 1}, new double[] {0, 1}, new double[][] {{0, 1}, {1, 0}}, Double.NaN));
        assertTrue(e.getMessage().contains("level"), e.getMessage());
    }
}
