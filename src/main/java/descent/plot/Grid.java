package descent.plot;

import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Charts side by side as one image, row by row under one title, to compare settings at a glance:
 * {@code Grid.of("Four step sizes", 2, small, right, large, tooLarge)}. Small multiples: each
 * panel is named by its chart's title, and the legends are left out to leave the room to the plot
 * (the charts themselves keep them).
 */
public final class Grid {

    private Grid() {
    }

    /** The charts in {@code columns} columns, each drawn at 480 × 360 pixels. */
    public static BufferedImage of(String title, int columns, Chart<?, ?>... charts) {
        return of(title, columns, 480, 360, charts);
    }

    /** The charts in {@code columns} columns, each drawn at {@code width} × {@code height} pixels. */
    public static BufferedImage of(String title, int columns, int width, int height, Chart<?, ?>... charts) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must be a non-blank string, got \"" + title + "\"");
        }
        if (charts.length == 0) {
            throw new IllegalArgumentException("charts must hold at least one chart, got none");
        }
        for (Chart<?, ?> c : charts) {
            if (c == null) {
                throw new IllegalArgumentException("charts must not contain null");
            }
        }
        if (columns < 1 || columns > charts.length) {
            throw new IllegalArgumentException("columns must be between 1 and " + charts.length + ", got " + columns);
        }
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("width and height must be >= 100 pixels, got " + width + " × " + height);
        }
        boolean[] legends = new boolean[charts.length];
        for (int i = 0; i < charts.length; i++) {
            legends[i] = charts[i].getStyler().isLegendVisible();
            charts[i].getStyler().setLegendVisible(false);
        }
        try {
            return Panels.grid(title, List.of(charts), columns, width, height);
        } finally {
            for (int i = 0; i < charts.length; i++) {
                charts[i].getStyler().setLegendVisible(legends[i]);
            }
        }
    }
}
