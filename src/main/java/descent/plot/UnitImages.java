package descent.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The incoming weights of the first hidden units of a layer, each drawn as a picture in the shape
 * of the input: column j of W (in, out) is unit j's weight vector w_j, shown as height × width
 * squares, blue negative, white zero, red positive. All tiles share one scale, ±max|w| over the
 * units shown, so two units with the same weights give the same picture.
 * <pre>
 *   UnitImages.of("Layer 1 after training", net.denseLayers().get(0).weights(), 28, 28, 8)
 * </pre>
 */
public final class UnitImages {

    private static final int TILE = 84;
    private static final int GAP = 12;

    private UnitImages() {
    }

    /** The first {@code units} columns of {@code w} as height × width tiles in one row, under a title. */
    public static BufferedImage of(String title, INDArray w, int height, int width, int units) {
        if (w == null || w.rank() != 2) {
            throw new IllegalArgumentException("w must be a matrix (in, out), got "
                    + (w == null ? "null" : "shape " + Arrays.toString(w.shape())));
        }
        if (height < 1 || width < 1 || (long) height * width != w.rows()) {
            throw new IllegalArgumentException("height × width must equal w's " + w.rows() + " rows, got "
                    + height + " × " + width);
        }
        if (units < 1 || units > w.columns()) {
            throw new IllegalArgumentException("units must be in [1, " + w.columns() + "], got " + units);
        }
        double[][] m = w.toDoubleMatrix();
        double reach = 0;
        for (double[] row : m) {
            for (int j = 0; j < units; j++) {
                if (Double.isFinite(row[j])) {
                    reach = Math.max(reach, Math.abs(row[j]));
                }
            }
        }
        int cell = Math.max(1, TILE / Math.max(height, width));
        int tileW = cell * width;
        int tileH = cell * height;
        int top = 52;
        int imageW = Math.max(GAP + units * (tileW + GAP), 360);
        BufferedImage image = new BufferedImage(imageW, top + tileH + 46, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Style.TEXT);
        g.setFont(Style.TITLE);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, Math.max(8, (imageW - fm.stringWidth(title)) / 2), 32);
        g.setFont(Style.TICKS);
        fm = g.getFontMetrics();
        for (int j = 0; j < units; j++) {
            int x0 = GAP + j * (tileW + GAP);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    g.setColor(MatrixImage.colour(m[r * width + c][j], reach));
                    g.fillRect(x0 + c * cell, top + r * cell, cell, cell);
                }
            }
            g.setColor(new Color(0xbbbbbb));
            g.drawRect(x0 - 1, top - 1, tileW + 1, tileH + 1);
            g.setColor(Style.TEXT);
            String label = "unit " + (j + 1);
            g.drawString(label, x0 + (tileW - fm.stringWidth(label)) / 2, top + tileH + 18);
        }
        String scale = "scale: blue −" + Style.number(reach) + ", white 0, red +" + Style.number(reach);
        g.drawString(scale, Math.max(8, (imageW - fm.stringWidth(scale)) / 2), top + tileH + 38);
        g.dispose();
        return image;
    }
}
