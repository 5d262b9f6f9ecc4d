package descent.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;

/**
 * A heat map of a hyper-parameter sweep: one cell per (x, y) pair of parameter values, evenly
 * spaced in the order of the values (so a log-spaced grid gets a log-scaled axis), coloured on a
 * light-to-dark ramp (over the values' range, or a given one) and labelled with its value; a colour
 * bar shows the scale. Empty cells stay white. Dashed iso-lines may be drawn over it (see {@link HeatMap}).
 */
final class HeatMapImage {

    /** ColorBrewer's YlGnBu: light for low values, dark blue for high. */
    private static final Color[] RAMP = {
        new Color(0xffffd9), new Color(0xc7e9b4), new Color(0x7fcdbb), new Color(0x41b6c4),
        new Color(0x1d91c0), new Color(0x225ea8)};

    private HeatMapImage() {
    }

    /** Dash patterns of the iso-line families, in order. */
    private static final float[][] DASHES = {{6, 4}, {2, 3}, {10, 3, 2, 3}};

    /**
     * A family of iso-lines of a quantity q(x, y) whose logarithm is affine in the cell indices,
     * log|q(x_i, y_j)| = c + a·i + b·j: the lines a·i + b·j = const through every cell centre.
     */
    record IsoLines(String name, double a, double b, double[] levels) {

        static IsoLines of(String name, DoubleBinaryOperator quantity, List<Double> xs, List<Double> ys) {
            int nx = xs.size(), ny = ys.size();
            double[][] log = new double[nx][ny];
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    double q = quantity.applyAsDouble(xs.get(i), ys.get(j));
                    if (!(Double.isFinite(q) && q != 0)) {
                        throw new IllegalArgumentException(name + " must be finite and non-zero on the grid, got " + q
                                + " at (" + xs.get(i) + ", " + ys.get(j) + ")");
                    }
                    log[i][j] = Math.log(Math.abs(q));
                }
            }
            double a = nx > 1 ? log[1][0] - log[0][0] : 0, b = ny > 1 ? log[0][1] - log[0][0] : 0;
            TreeSet<Double> levels = new TreeSet<>();
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    if (Math.abs(log[i][j] - (log[0][0] + a * i + b * j)) > 1e-6 * (1 + Math.abs(log[i][j]))) {
                        throw new IllegalArgumentException("iso-lines of " + name + " need log " + name
                                + " to change by the same step from cell to cell (a doubling grid), not so at ("
                                + xs.get(i) + ", " + ys.get(j) + ")");
                    }
                    levels.add(Math.round((a * i + b * j) * 1e9) / 1e9);
                }
            }
            return new IsoLines(name, a, b, levels.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** The part of a·i + b·j = level inside [−½, nx − ½] × [−½, ny − ½], or null. */
        double[] segment(double level, int nx, int ny) {
            List<double[]> ends = new ArrayList<>();
            double i0 = -0.5, i1 = nx - 0.5, j0 = -0.5, j1 = ny - 0.5;
            if (b != 0) {
                for (double i : new double[] {i0, i1}) {
                    double j = (level - a * i) / b;
                    if (j >= j0 - 1e-9 && j <= j1 + 1e-9) {
                        ends.add(new double[] {i, j});
                    }
                }
            }
            if (a != 0) {
                for (double j : new double[] {j0, j1}) {
                    double i = (level - b * j) / a;
                    if (i >= i0 - 1e-9 && i <= i1 + 1e-9) {
                        ends.add(new double[] {i, j});
                    }
                }
            }
            if (ends.size() < 2) {
                return null;
            }
            double[] p = ends.get(0), q = ends.get(ends.size() - 1);
            for (double[] e : ends) {                                   // the two ends farthest apart
                if (Math.hypot(e[0] - p[0], e[1] - p[1]) > Math.hypot(q[0] - p[0], q[1] - p[1])) {
                    q = e;
                }
            }
            return new double[] {p[0], p[1], q[0], q[1]};
        }
    }

    /** {@code cells[i][j]} is the value at xValues[i], yValues[j], NaN where the sweep has none. */
    static BufferedImage of(String title, String xLabel, List<Double> xValues, String yLabel, List<Double> yValues,
            double[][] cells) {
        return of(title, xLabel, xValues, yLabel, yValues, cells, Double.NaN, Double.NaN, List.of());
    }

    /** As above, the ramp over [lo, hi] (the values' range where NaN), with iso-lines drawn over the cells. */
    static BufferedImage of(String title, String xLabel, List<Double> xValues, String yLabel, List<Double> yValues,
            double[][] cells, double rampLo, double rampHi, List<IsoLines> isoLines) {
        int nx = xValues.size();
        int ny = yValues.size();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] column : cells) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double lo = Double.isNaN(rampLo) ? min : rampLo;
        double hi = Double.isNaN(rampHi) ? max : rampHi;
        int left = 110;
        int top = 56;
        int bar = 120;
        int cell = (int) Math.max(24, Math.min(90, Math.min(560.0 / nx, 380.0 / ny)));
        int width = left + nx * cell + bar;
        int height = top + ny * cell + 70 + 22 * isoLines.size();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(cell >= 48 ? Style.TICKS : Style.TICKS.deriveFont(10f));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double v = cells[i][j];
                int x = left + i * cell;
                int y = top + (ny - 1 - j) * cell;   // the smallest y value at the bottom
                if (!Double.isFinite(v)) {
                    continue;
                }
                double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
                g.setColor(colour(t));
                g.fillRect(x, y, cell, cell);
                g.setColor(t > 0.6 ? Color.WHITE : Style.TEXT);
                String label = Style.number(Math.round(v * 1000) / 1000.0);
                if (fm.stringWidth(label) < cell - 2) {
                    g.drawString(label, x + (cell - fm.stringWidth(label)) / 2, y + (cell + fm.getAscent()) / 2 - 2);
                }
            }
        }
        for (int k = 0; k < isoLines.size(); k++) {
            IsoLines family = isoLines.get(k);
            g.setColor(Style.MARKS[k % Style.MARKS.length]);
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, DASHES[k % DASHES.length], 0));
            for (double level : family.levels()) {
                double[] s = family.segment(level, nx, ny);
                if (s != null) {
                    g.draw(new Line2D.Double(left + (s[0] + 0.5) * cell, top + (ny - 0.5 - s[1]) * cell,
                            left + (s[2] + 0.5) * cell, top + (ny - 0.5 - s[3]) * cell));
                }
            }
            g.draw(new Line2D.Double(left, top + ny * cell + 66 + 22 * k, left + 40, top + ny * cell + 66 + 22 * k));
            g.setStroke(new BasicStroke(1));
            g.setFont(Style.TICKS);
            g.setColor(Style.TEXT);
            g.drawString(family.name() + " constant along the dashed lines", left + 48, top + ny * cell + 70 + 22 * k);
        }
        g.setColor(new Color(0xbbbbbb));
        g.drawRect(left, top, nx * cell, ny * cell);
        g.setColor(Style.TEXT);
        g.setFont(Style.TICKS);
        fm = g.getFontMetrics();
        for (int i = 0; i < nx; i++) {
            String s = Style.number(xValues.get(i));
            g.drawString(s, left + i * cell + (cell - fm.stringWidth(s)) / 2, top + ny * cell + 18);
        }
        for (int j = 0; j < ny; j++) {
            String s = Style.number(yValues.get(j));
            g.drawString(s, left - 8 - fm.stringWidth(s), top + (ny - 1 - j) * cell + (cell + fm.getAscent()) / 2 - 2);
        }
        g.setFont(Style.AXIS_TITLE);
        fm = g.getFontMetrics();
        g.drawString(xLabel, left + (nx * cell - fm.stringWidth(xLabel)) / 2, top + ny * cell + 44);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + (ny * cell + fm.stringWidth(yLabel)) / 2), 24);
        g.rotate(Math.PI / 2);
        g.setFont(Style.TITLE);
        fm = g.getFontMetrics();
        g.drawString(title, Math.max(8, (width - fm.stringWidth(title)) / 2), 32);
        int bx = left + nx * cell + 24;
        int bh = Math.max(100, ny * cell);
        for (int k = 0; k < bh; k++) {
            g.setColor(colour(1 - (double) k / (bh - 1)));
            g.fillRect(bx, top + k, 16, 1);
        }
        g.setColor(Style.TEXT);
        g.setFont(Style.TICKS);
        g.drawString((max > hi ? "≥ " : "") + Style.number(hi), bx + 22, top + 10);
        g.drawString((min < lo ? "≤ " : "") + Style.number(lo), bx + 22, top + bh);
        g.dispose();
        return image;
    }

    /** The ramp at t ∈ [0, 1], interpolated linearly between its stops. */
    static Color colour(double t) {
        double u = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
        int k = Math.min(RAMP.length - 2, (int) u);
        double f = u - k;
        Color a = RAMP[k];
        Color b = RAMP[k + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
