package descent.plot;

import tech.tablesaw.api.Table;

/**
 * One column of several training histories against another, one line per run named by its table:
 * {@code RunsChart.of("seconds", "val_loss", sgd, momentum)}. Rows with the same x are averaged
 * (as in {@link Charts#history}); the y-axis is logarithmic when every value is &gt; 0.
 */
public final class RunsChart {

    private RunsChart() {
    }

    /** {@code y} by {@code x}, one line per history, titled "y by x". */
    public static LineChart of(String x, String y, Table... histories) {
        if (histories.length == 0) {
            throw new IllegalArgumentException("histories must hold at least one table, got none");
        }
        double[][][] lines = new double[histories.length][][];
        boolean positive = true;
        for (int i = 0; i < histories.length; i++) {
            if (histories[i] == null) {
                throw new IllegalArgumentException("histories must not contain null");
            }
            lines[i] = Charts.byX(histories[i], x, y);
            for (double v : lines[i][1]) {
                positive &= v > 0;
            }
        }
        LineChart chart = new LineChart(y + " by " + x, x, positive ? y + " (log scale)" : y);
        if (positive) {
            chart.logY();
        }
        for (int i = 0; i < histories.length; i++) {
            String name = histories[i].name();
            String label = name == null || name.isBlank() ? "run " + (i + 1) : name;
            chart.series(Charts.unique(chart, label), lines[i][0], lines[i][1]);
        }
        return chart;
    }
}
