package descent.train;

import descent.display.Display;
import descent.display.Html;
import descent.plot.Charts;
import descent.plot.LineChart;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import tech.tablesaw.api.Table;

/**
 * What a training shows while it runs. In a notebook ({@link Display#interactive()}): a progress
 * bar and a loss chart, replaced in place at most twice a second. Elsewhere: one line per epoch.
 */
final class Progress {

    private static final long MIN_NANOS_BETWEEN_UPDATES = 500_000_000L;

    private final boolean quiet;
    private final boolean live;
    private final int epochs;
    private final int stepsPerEpoch;
    private final boolean validating;
    private final long start = System.nanoTime();
    private String barId, chartId;
    private long lastUpdate, lastChart;

    Progress(boolean quiet, int epochs, int stepsPerEpoch, boolean validating) {
        this.quiet = quiet;
        this.live = !quiet && Display.interactive();
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.validating = validating;
    }

    void step(int step, int epoch, double loss, double lr) {
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        if (barId != null && now - lastUpdate < MIN_NANOS_BETWEEN_UPDATES) {
            return;
        }
        lastUpdate = now;
        Html bar = bar(step, epoch, loss, lr);
        if (barId == null) {
            barId = Display.display(bar);
        } else {
            Display.update(barId, bar);
        }
    }

    void row(Table history, boolean force) {
        long now = System.nanoTime();
        if (!live || (!force && chartId != null && now - lastChart < MIN_NANOS_BETWEEN_UPDATES)) {
            return;
        }
        lastChart = now;
        if (chartId == null) {
            chartId = Display.display(chart(history));
        } else {
            Display.update(chartId, chart(history));
        }
    }

    void epoch(int epoch, Trainer.Interval stats, Table history) {
        if (quiet || live) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format("epoch %d/%d  loss %.4f  accuracy %.4f",
                epoch, epochs, stats.loss(), stats.accuracy()));
        if (validating && history.rowCount() > 0) {
            int last = history.rowCount() - 1;
            line.append(String.format("  val_loss %.4f  val_accuracy %.4f",
                    history.doubleColumn(History.VAL_LOSS).getDouble(last),
                    history.doubleColumn(History.VAL_ACCURACY).getDouble(last)));
        }
        line.append(String.format("  %.1f s", (System.nanoTime() - start) / 1e9));
        System.out.println(line);
    }

    void done(Table history) {
        if (!live || history.rowCount() == 0) {
            return;
        }
        int last = history.rowCount() - 1;
        Html bar = bar(history.intColumn(History.STEP).getInt(last), history.intColumn(History.EPOCH).getInt(last),
                history.doubleColumn(History.LOSS).getDouble(last), history.doubleColumn(History.LR).getDouble(last));
        if (barId == null) {
            Display.display(bar);
        } else {
            Display.update(barId, bar);
        }
        row(history, true);
    }

    private Html bar(int step, int epoch, double loss, double lr) {
        int total = epochs * stepsPerEpoch;
        double fraction = Math.min(1, (double) step / total);
        String text = String.format("epoch %d/%d · step %,d/%,d · loss %.4f · lr %.3g · %.1f s",
                epoch, epochs, step, total, loss, lr, (System.nanoTime() - start) / 1e9);
        return bar(fraction, text);
    }

    /** A progress bar filled to {@code fraction}, with {@code text} under it (also its plain-text form). */
    static Html bar(double fraction, String text) {
        String html = String.format("<div style=\"font-family:monospace\"><div style=\"width:320px;"
                + "height:10px;border:1px solid #888\"><div style=\"width:%.1f%%;height:10px;"
                + "background:#4a7bd0\"></div></div>%s</div>", 100 * fraction, text);
        return new Html(html, text);
    }

    /**
     * Training loss (and validation loss, dashed) of the rows so far against the step, drawn as the
     * lessons' charts are ({@link Charts#lines}), 640 × 400; the y-axis is logarithmic while every loss is &gt; 0.
     */
    static BufferedImage chart(Table history) {
        LineChart chart = Charts.lines("Training loss", "step", "loss");
        double[] steps = history.intColumn(History.STEP).asDoubleArray();
        if (steps.length > 0) {
            chart.series("training", steps, history.doubleColumn(History.LOSS).asDoubleArray());
            if (history.containsColumn(History.VAL_LOSS)) {
                chart.dashed("validation", steps, history.doubleColumn(History.VAL_LOSS).asDoubleArray(), "training");
            }
            if (allPositive(history, History.LOSS) && (!history.containsColumn(History.VAL_LOSS) || allPositive(history, History.VAL_LOSS))) {
                chart.logY();
            }
        }
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.paint(g, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }

    private static boolean allPositive(Table history, String column) {
        for (double v : history.doubleColumn(column).asDoubleArray()) {
            if (!(v > 0)) {
                return false;
            }
        }
        return history.rowCount() > 0;
    }
}
