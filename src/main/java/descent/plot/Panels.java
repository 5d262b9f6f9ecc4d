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
 * panel's own title is wrapped above it onto as many lines as it is allowed (two for {@link Grid},
 * as many as it needs for {@link Charts#schedules}), so long formulas stay readable.
 */
final class Panels {

    private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final int HEADER = 34;

    private Panels() {
    }

    /** The charts in {@code columns} columns of {@code panelWidth} × {@code panelHeight} pixels, titles on at most two lines. */
    static BufferedImage grid(String title, List<? extends Chart<?, ?>> charts, int columns, int panelWidth,
            int panelHeight) {
        return grid(title, charts, columns, panelWidth, panelHeight, 2);
    }

    /**
     * As above, each panel's title on at most {@code titleLines} lines. The band of titles grows to
     * the longest one (every panel then gets that much more height), so each plot keeps
     * {@code panelHeight} − 34 pixels.
     */
    static BufferedImage grid(String title, List<? extends Chart<?, ?>> charts, int columns, int panelWidth,
            int panelHeight, int titleLines) {
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(PANEL_TITLE);
        List<List<String>> headings = new ArrayList<>();
        int lines = 1;
        for (Chart<?, ?> chart : charts) {
            headings.add(wrap(chart.getTitle(), fm, panelWidth - 12, titleLines));
            lines = Math.max(lines, headings.get(headings.size() - 1).size());
        }
        int header = Math.max(HEADER, 4 + lines * fm.getHeight());
        int cell = header + panelHeight - HEADER;
        int rows = (charts.size() + columns - 1) / columns;
        int top = title == null ? 0 : 44;
        BufferedImage image = new BufferedImage(columns * panelWidth, top + rows * cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        if (title != null) {
            g.setFont(Style.TITLE);
            g.setColor(Style.TEXT);
            g.drawString(title, (image.getWidth() - g.getFontMetrics().stringWidth(title)) / 2, 30);
        }
        g.setFont(PANEL_TITLE);
        for (int i = 0; i < charts.size(); i++) {
            Chart<?, ?> chart = charts.get(i);
            int x = (i % columns) * panelWidth;
            int y = top + (i / columns) * cell;
            g.setColor(Style.TEXT);
            List<String> heading = headings.get(i);
            int baseline = y + 4 + (header - 4 - heading.size() * fm.getHeight()) / 2 + fm.getAscent();
            for (String line : heading) {
                g.drawString(line, x + (panelWidth - fm.stringWidth(line)) / 2, baseline);
                baseline += fm.getHeight();
            }
            chart.getStyler().setChartTitleVisible(false);
            Graphics2D panel = (Graphics2D) g.create(x, y + header, panelWidth, panelHeight - HEADER);
            chart.paint(panel, panelWidth, panelHeight - HEADER);
            panel.dispose();
        }
        g.dispose();
        return image;
    }

    /**
     * The words of {@code text} in lines of at most {@code width} pixels, broken at spaces (a word
     * wider than a line is split); beyond {@code maxLines} lines the last one is cut and ends in "…".
     */
    static List<String> wrap(String text, FontMetrics fm, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            while (fm.stringWidth(word) > width) {
                if (!line.isEmpty()) {
                    lines.add(line);
                    line = "";
                }
                int cut = word.length() - 1;
                while (cut > 1 && fm.stringWidth(word.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= width) {
                line = candidate;
            } else {
                lines.add(line);
                line = word;
            }
        }
        lines.add(line);
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines - 1));
        String last = String.join(" ", lines.subList(maxLines - 1, lines.size()));
        while (last.length() > 1 && fm.stringWidth(last + "…") > width) {
            last = last.substring(0, last.length() - 1);
        }
        kept.add(last + "…");
        return kept;
    }
}
