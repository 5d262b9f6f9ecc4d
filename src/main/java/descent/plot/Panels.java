package descent.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Small multiples: charts drawn side by side, row by row, under one title, as one image. Each
 * panel's own title is wrapped onto at most two lines above it, so long formulas stay readable.
 */
final class Panels {

    private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final int HEADER = 34;

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
            Chart<?, ?> chart = charts.get(i);
            int x = (i % columns) * panelWidth;
            int y = top + (i / columns) * panelHeight;
            g.setFont(PANEL_TITLE);
            g.setColor(Style.TEXT);
            FontMetrics fm = g.getFontMetrics();
            List<String> lines = wrap(chart.getTitle(), fm, panelWidth - 12);
            int baseline = y + 4 + fm.getAscent() + (lines.size() == 1 ? fm.getHeight() / 2 : 0);
            for (String line : lines) {
                g.drawString(line, x + (panelWidth - fm.stringWidth(line)) / 2, baseline);
                baseline += fm.getHeight();
            }
            chart.getStyler().setChartTitleVisible(false);
            Graphics2D panel = (Graphics2D) g.create(x, y + HEADER, panelWidth, panelHeight - HEADER);
            chart.paint(panel, panelWidth, panelHeight - HEADER);
            panel.dispose();
        }
        g.dispose();
        return image;
    }

    /** The words of {@code text} in at most two lines of at most {@code width} pixels, "…" if cut. */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= width || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        if (lines.size() > 2 || fm.stringWidth(lines.get(lines.size() - 1)) > width) {
            String second = lines.size() > 1 ? String.join(" ", lines.subList(1, lines.size())) : lines.get(0);
            while (second.length() > 1 && fm.stringWidth(second + "…") > width) {
                second = second.substring(0, second.length() - 1);
            }
            List<String> cut = new ArrayList<>(lines.size() > 1 ? List.of(lines.get(0)) : List.of());
            cut.add(second + "…");
            return cut;
        }
        return lines;
    }
}
