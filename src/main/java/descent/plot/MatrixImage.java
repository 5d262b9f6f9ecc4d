package descent.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A matrix as a picture: one square of colour per entry, blue for negative, white for zero, red
 * for positive, the scale symmetric at ±max|w| so zero is always white; with a title, the row and
 * column counts and a colour bar.
 */
final class MatrixImage {

    private static final Color NEGATIVE = new Color(0x2166ac);
    private static final Color POSITIVE = new Color(0xb2182b);

    private MatrixImage() {
    }

    static BufferedImage of(String title, double[][] w) {
        int rows = w.length;
        int cols = rows == 0 ? 0 : w[0].length;
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException("w must have at least one row and column, got " + rows + " × " + cols);
        }
        double reach = 0;
        for (double[] row : w) {
            if (row.length != cols) {
                throw new IllegalArgumentException("w must be rectangular, got rows of " + cols + " and " + row.length);
            }
            for (double v : row) {
                if (Double.isFinite(v)) {
                    reach = Math.max(reach, Math.abs(v));
                }
            }
        }
        // Cells as large as fit 600 × 420 pixels, at least 1 and at most 40 pixels.
        int cell = (int) Math.max(1, Math.min(40, Math.min(600.0 / cols, 420.0 / rows)));
        int left = 70;
        int top = 56;
        int bar = 110;
        int width = Math.max(left + cols * cell + bar, 360);
        int height = top + rows * cell + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                g.setColor(colour(w[i][j], reach));
                g.fillRect(left + j * cell, top + i * cell, cell, cell);
            }
        }
        g.setColor(new Color(0xbbbbbb));
        g.drawRect(left - 1, top - 1, cols * cell + 1, rows * cell + 1);
        g.setColor(Style.TEXT);
        g.setFont(Style.TITLE);
        FontMetrics fm = g.getFontMetrics();
        String heading = title + "  (" + rows + " × " + cols + ")";
        g.drawString(heading, Math.max(8, (width - fm.stringWidth(heading)) / 2), 32);
        g.setFont(Style.AXIS_TITLE);
        g.drawString("column →", left, top + rows * cell + 24);
        g.rotate(-Math.PI / 2);
        g.drawString("row →", -(top + g.getFontMetrics().stringWidth("row →")), left - 12);
        g.rotate(Math.PI / 2);
        // The colour bar from +max (top) to −max (bottom).
        int bx = left + cols * cell + 24;
        int bh = Math.max(100, Math.min(rows * cell, 300));
        for (int k = 0; k < bh; k++) {
            g.setColor(colour(reach * (1 - 2.0 * k / (bh - 1)), reach));
            g.fillRect(bx, top + k, 16, 1);
        }
        g.setColor(new Color(0xbbbbbb));
        g.drawRect(bx, top, 16, bh);
        g.setColor(Style.TEXT);
        g.setFont(Style.TICKS);
        g.drawString("+" + Style.number(reach), bx + 22, top + 10);
        g.drawString("0", bx + 22, top + bh / 2 + 5);
        g.drawString("−" + Style.number(reach), bx + 22, top + bh);
        g.dispose();
        return image;
    }

    /** White at 0, fading linearly to blue at −reach and red at +reach; NaN grey. */
    static Color colour(double v, double reach) {
        if (!Double.isFinite(v)) {
            return Color.LIGHT_GRAY;
        }
        double t = reach == 0 ? 0 : Math.max(-1, Math.min(1, v / reach));
        Color end = t < 0 ? NEGATIVE : POSITIVE;
        double a = Math.abs(t);
        return new Color((int) Math.round(255 + a * (end.getRed() - 255)),
                (int) Math.round(255 + a * (end.getGreen() - 255)),
                (int) Math.round(255 + a * (end.getBlue() - 255)));
    }
}
