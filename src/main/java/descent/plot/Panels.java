package descent.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/** Small multiples: charts drawn side by side, row by row, under one title, as one image. */
final class Panels {

    private Panels() {
    }

    static BufferedImage grid(String title, List<? extends Chart<?, ?>> charts, int columns, int panelWidth,
            int panelHeight) {
        int rows = (charts.size() + columns - 1) / columns;
        int top = title == null ? 0 : 44;
        BufferedImage image = new BufferedImage(columns * panelWidth, top + rows * panelHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        if (title != null) {
            g.setFont(Style.TITLE);
            g.setColor(Style.TEXT);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, (image.getWidth() - fm.stringWidth(title)) / 2, 30);
        }
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D panel = (Graphics2D) g.create((i % columns) * panelWidth, top + (i / columns) * panelHeight,
                    panelWidth, panelHeight);
            charts.get(i).paint(panel, panelWidth, panelHeight);
            panel.dispose();
        }
        g.dispose();
        return image;
    }
}
