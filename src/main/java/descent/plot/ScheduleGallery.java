package descent.plot;

import descent.schedule.LearningRates;
import descent.schedule.Schedule;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Schedules side by side, each panel headed by the schedule's whole {@code toString()} (name,
 * formula and parameters) wrapped onto as many lines as it needs, so no formula is cut off:
 * {@code ScheduleGallery.of(300, Schedules.gallery(300))}.
 */
public final class ScheduleGallery {

    private static final int COLUMNS = 3;
    private static final int PANEL_WIDTH = 330;
    private static final int CHART_HEIGHT = 200;
    private static final Font HEADING = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int LINE = 15;

    private ScheduleGallery() {
    }

    /** η_t for t = 0 … steps − 1 of each schedule, one panel each, three to a row. */
    public static BufferedImage of(int steps, List<Schedule> schedules) {
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2, got " + steps);
        }
        if (schedules == null || schedules.isEmpty()) {
            throw new IllegalArgumentException("schedules must hold at least one schedule, got none");
        }
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(HEADING);
        List<List<String>> headings = new ArrayList<>();
        int lines = 1;
        for (Schedule s : schedules) {
            List<String> h = wrap(s.toString(), fm, PANEL_WIDTH - 16);
            headings.add(h);
            lines = Math.max(lines, h.size());
        }
        int band = 8 + lines * LINE;
        int cell = band + CHART_HEIGHT;
        int rows = (schedules.size() + COLUMNS - 1) / COLUMNS;
        int top = 44;
        BufferedImage image = new BufferedImage(COLUMNS * PANEL_WIDTH, top + rows * cell + 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Style.TEXT);
        g.setFont(Style.TITLE);
        String title = "Learning rate η_t over " + steps + " steps";
        g.drawString(title, (image.getWidth() - g.getFontMetrics().stringWidth(title)) / 2, 30);
        for (int i = 0; i < schedules.size(); i++) {
            int x0 = (i % COLUMNS) * PANEL_WIDTH;
            int y0 = top + (i / COLUMNS) * cell;
            g.setColor(Style.TEXT);
            g.setFont(HEADING);
            List<String> h = headings.get(i);
            for (int k = 0; k < h.size(); k++) {
                g.drawString(h.get(k), x0 + 10, y0 + 4 + (k + 1) * LINE - 3);
            }
            Graphics2D panel = (Graphics2D) g.create(x0, y0 + band, PANEL_WIDTH, CHART_HEIGHT);
            panel(schedules.get(i), steps, i).paint(panel, PANEL_WIDTH, CHART_HEIGHT);
            panel.dispose();
        }
        g.dispose();
        return image;
    }

    private static XYChart panel(Schedule s, int steps, int index) {
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) {
            t[i] = i;
        }
        XYChart p = new XYChart(PANEL_WIDTH, CHART_HEIGHT);
        Style.apply(p);
        p.getStyler().setChartTitleVisible(false);
        p.setXAxisTitle("step t");
        p.setYAxisTitle("η_t");
        p.getStyler().setAxisTitleFont(Style.TICKS);
        p.getStyler().setAxisTickLabelsFont(Style.TICKS.deriveFont(11f));
        p.getStyler().setLegendVisible(false);
        p.getStyler().setChartPadding(8);
        p.getStyler().setYAxisMin(0.0);
        p.getStyler().setyAxisTickLabelsFormattingFunction(Style::number);
        XYSeries line = p.addSeries("η", t, LearningRates.of(s, steps));
        line.setLineColor(Style.colour(index));
        line.setLineStyle(Style.line(2f));
        line.setMarker(SeriesMarkers.NONE);
        Style.roundTicks(p);
        return p;
    }

    /** {@code text} in lines no wider than {@code width}, broken after spaces (a word too long for a line is split). */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("(?<= )")) {
            if (line.length() > 0 && fm.stringWidth(line + word.stripTrailing()) > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            while (fm.stringWidth(word.stripTrailing()) > width) {
                int cut = word.length() - 1;
                while (cut > 1 && fm.stringWidth(word.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
