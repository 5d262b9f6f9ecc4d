package descent.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A heat map of a hyper-parameter sweep: one cell per (x, y) pair of parameter values, evenly
 * spaced in the order of the values (so a log-spaced grid gets a log-scaled axis), coloured on a
 * light-to-dark ramp and labelled with its value; a colour bar shows the scale. Empty cells stay white.
 */
final class HeatMapImage {

    /** ColorBrewer's YlGnBu: light for low values, dark blue for high. */
    private static final Color[] RAMP = {
        new Color(0xffffd9), new Color(0xc7e9b4), new Color(0x7fcdbb), new Color(0x41b6c4),
        new Color(0x1d91c0), new Color(0x225ea8)};

    private HeatMapImage() {
    }

    /** {@code cells[i][j]} is the value at xValues[i], yValues[j], NaN where the sweep has none. */
    static BufferedImage of(String title, String xLabel, List<Double> xValues, String yLabel, List<Double> yValues,
            double[][] cells) {
        int nx = xValues.size();
        int ny = yValues.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] column : cells) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        int left = 110;
        int top = 56;
        int bar = 120;
        int cell = (int) Math.max(24, Math.min(90, Math.min(560.0 / nx, 380.0 / ny)));
        int width = left + nx * cell + bar;
        int height = top + ny * cell + 70;
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
        g.drawString(Style.number(hi), bx + 22, top + 10);
        g.drawString(Style.number(lo), bx + 22, top + bh);
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
