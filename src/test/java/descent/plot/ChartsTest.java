package descent.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.display.Gif;
import descent.optim.Momentum;
import descent.optim.Sgd;
import descent.schedule.Schedule;
import descent.schedule.Schedules;
import descent.surface.Surface;
import descent.surface.Surfaces;
import descent.surface.Trajectory;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYSeries;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ChartsTest {

    static final double[] START = {-8, 2};

    static Trajectory plain() {
        return Trajectory.of(new Sgd(0.03), Surfaces.ravine(50), START, 100).named("SGD");
    }

    static Trajectory heavy() {
        return Trajectory.of(new Momentum(0.03, 0.9), Surfaces.ravine(50), START, 100).named("Momentum");
    }

    /** Series shown in the legend, in order. */
    static List<String> legend(org.knowm.xchart.XYChart chart) {
        return chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName)
                .collect(Collectors.toList());
    }

    @Test
    void contourChartDrawsLevelsWithoutLegendAndEachPathWithItsMarkers() {
        ContourChart chart = Charts.contour(Surfaces.ravine(50)).paths(plain(), heavy());
        assertEquals(List.of("minimum", "SGD", "Momentum"), legend(chart));
        double[] levels = chart.levelValues();
        assertEquals(14, levels.length);
        for (int k = 1; k < levels.length; k++) {
            assertTrue(levels[k] > levels[k - 1]);
        }
        // Log spacing: a constant ratio between consecutive levels (f_min = 0 on the ravine).
        assertEquals(levels[1] / levels[0], levels[13] / levels[12], 1e-6 * levels[1] / levels[0]);
        long contourSeries = chart.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("level ")).count();
        assertTrue(contourSeries >= 10, "level series: " + contourSeries);
        assertTrue(chart.getSeriesMap().containsKey("SGD start") && chart.getSeriesMap().containsKey("Momentum end"));
        BufferedImage image = Charts.image(chart);
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(2, 2));
        assertEquals(14, chart.linear().levelValues().length);
        double[] linear = chart.levelValues();
        assertEquals(linear[1] - linear[0], linear[13] - linear[12], 1e-9 * linear[13]);
    }

    @Test
    void surfacesWithNegativeValuesGetLinearLevelsAndTheSaddleHasNoMinimum() {
        double[] levels = Charts.contour(Surfaces.saddle()).levelValues();
        assertEquals(levels[1] - levels[0], levels[5] - levels[4], 1e-9);
        assertEquals(List.of(), legend(Charts.contour(Surfaces.saddle())));
        assertEquals(List.of("minima, 1 = deepest"), legend(Charts.contour(Surfaces.foggyMountain())));
    }

    @Test
    void aDivergedPathIsLabelledAndClippedToTheWindow() {
        Surface rosenbrock = Surfaces.rosenbrock();
        Trajectory wild = Trajectory.of(new Sgd(0.01), rosenbrock, new double[] {-1.5, 2}, 100).named("η = 0.01");
        assertTrue(wild.diverged());
        ContourChart chart = Charts.contour(rosenbrock).paths(wild);
        XYSeries path = chart.getSeriesMap().get("η = 0.01 (diverged at step " + wild.size() + ")");
        Surface.Window w = rosenbrock.window();
        for (int i = 0; i < path.getXData().length; i++) {
            double x = path.getXData()[i];
            double y = path.getYData()[i];
            assertTrue(Double.isNaN(x) || (x >= w.xmin() - 1e-9 && x <= w.xmax() + 1e-9 && y >= w.ymin() - 1e-9
                    && y <= w.ymax() + 1e-9), "outside the window: " + x + ", " + y);
        }
        assertFalse(chart.getSeriesMap().keySet().stream().anyMatch(k -> k.endsWith(" end")));   // it ends far outside
        ContourChart elsewhere = Charts.contour(rosenbrock).window(5, 6, 5, 6).paths(plain());
        assertEquals(List.of("minimum", "SGD (outside the chart)"), legend(elsewhere));
        assertEquals(500, Charts.image(elsewhere).getHeight());   // a path wholly outside still has its legend entry
    }

    @Test
    void theRaceIsAnAnimatedGifOfThirtyFramesThatLoops() throws Exception {
        Gif gif = Race.of(Charts.contour(Surfaces.ravine(50)), plain(), heavy());
        assertTrue(gif.bytes().length < 1_500_000, "bytes: " + gif.bytes().length);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif.bytes()))) {
            reader.setInput(in);
            assertEquals(30, reader.getNumImages(true));
            assertEquals(480, reader.getWidth(0));
            assertEquals(360, reader.getHeight(0));
            String tree = treeText(reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0"));
            assertTrue(tree.contains("applicationID=NETSCAPE") && tree.contains("authenticationCode=2.0"),
                    "no loop extension in " + tree);
            assertTrue(tree.contains("delayTime=12"), "frame delay 120 ms");
        }
    }

    private static String treeText(org.w3c.dom.Node node) {
        StringBuilder sb = new StringBuilder(node.getNodeName());
        if (node.getAttributes() != null) {
            for (int i = 0; i < node.getAttributes().getLength(); i++) {
                sb.append(' ').append(node.getAttributes().item(i).getNodeName()).append('=')
                        .append(node.getAttributes().item(i).getNodeValue());
            }
        }
        for (org.w3c.dom.Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            sb.append('\n').append(treeText(c));
        }
        return sb.toString();
    }

    @Test
    void lossCurvesOfWalksUseALogAxisAndMarkersSpanTheData() {
        LineChart chart = Charts.loss(plain(), heavy()).mark(50, "lr drop").mark(80, "lr drop");
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("SGD", "Momentum"), chart.seriesNames());
        BufferedImage image = Charts.image(chart);
        assertEquals(800, image.getWidth());
        XYSeries marks = chart.getSeriesMap().get("lr drop");
        assertArrayEquals(new double[] {50, 50, Double.NaN, 80, 80}, marks.getXData());
        double lowest = Math.min(min(plain().losses()), min(heavy().losses()));
        assertEquals(lowest, marks.getYData()[0], 0);
        double highest = Math.max(max(plain().losses()), max(heavy().losses()));
        assertEquals(highest, marks.getYData()[1], 0);
        assertEquals(List.of("SGD", "Momentum", "lr drop"), legend(chart));
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().getAsDouble();
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().getAsDouble();
    }

    @Test
    void historiesAverageTheStepsOfAnEpochAndDashTheValidationLoss() {
        Table h = Table.create("run",
                IntColumn.create("step", 0, 1, 2, 3, 4, 5),
                IntColumn.create("epoch", 0, 0, 0, 1, 1, 1),
                DoubleColumn.create("loss", 3, 2, 1, 0.6, 0.5, 0.4),
                DoubleColumn.create("val_loss", Double.NaN, Double.NaN, 1.5, Double.NaN, Double.NaN, 0.7));
        LineChart byEpoch = Charts.history("epoch", h).mark(1, "best epoch");
        assertEquals(List.of("training loss", "validation loss"), byEpoch.seriesNames());
        assertArrayEquals(new double[] {0, 1}, byEpoch.getSeriesMap().get("training loss").getXData());
        assertArrayEquals(new double[] {2, 0.5}, byEpoch.getSeriesMap().get("training loss").getYData(), 1e-15);
        assertArrayEquals(new double[] {1.5, 0.7}, byEpoch.getSeriesMap().get("validation loss").getYData(), 0);
        assertEquals(500, Charts.image(byEpoch).getHeight());
        Table other = h.copy();
        other.setName("other");
        LineChart two = Charts.history(h, other);
        assertEquals(List.of("run training", "run validation", "other training", "other validation"), two.seriesNames());
        assertEquals(6, two.getSeriesMap().get("run training").getXData().length);
        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put("SGD", h);
        runs.put("Adam", other);
        assertEquals(List.of("SGD training", "SGD validation", "Adam training", "Adam validation"),
                Charts.history("epoch", runs).seriesNames());
        LineChart accuracy = Charts.metric(h, "step", "loss");
        assertEquals(List.of("run"), accuracy.seriesNames());
        assertFalse(accuracy.getStyler().isYAxisLogarithmic());
        var e = assertThrows(IllegalArgumentException.class, () -> Charts.history("seconds", h));
        assertTrue(e.getMessage().contains("seconds"), e.getMessage());
    }

    @Test
    void lineChartsTakeNamedSeriesAndRefuseNonPositiveValuesOnALogAxis() {
        double[] t = {1, 2, 3};
        LineChart chart = Charts.lines("Adam's first moment", "step t", "value")
                .series("m_t", t, new double[] {0.1, 0.19, 0.271})
                .series("m̂_t", t, new double[] {1, 1, 1});
        assertEquals(List.of("m_t", "m̂_t"), chart.seriesNames());
        assertEquals("step t", chart.getXAxisTitle());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Charts.lines("t", "x", "y").series("a", new double[] {1, 0}).logY());
        assertTrue(e.getMessage().contains("\"a\"") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> chart.series("m_t", t, t));
        assertTrue(e.getMessage().contains("m_t"), e.getMessage());
    }

    @Test
    void schedulesAreSmallMultiplesTitledByName() {
        Map<String, Schedule> named = new LinkedHashMap<>();
        named.put("constant", k -> 0.1);
        named.put("exponential", k -> 0.1 * Math.pow(0.97, k));
        named.put("warm-up", k -> Math.min(0.1, 0.01 * k));
        named.put("inverse time", k -> 0.1 / (1 + 0.05 * k));
        BufferedImage image = Charts.schedules(100, named);
        assertEquals(3 * 330, image.getWidth());
        assertEquals(44 + 2 * 234, image.getHeight());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(image.getWidth() - 5, image.getHeight() - 5));   // empty sixth panel
        assertEquals(330, Charts.schedules(10, k -> 1.0).getWidth());
    }

    @Test
    void scheduleTitlesAreWrappedWholeAndTheirBandGrowsToTheLongest() {
        List<Schedule> gallery = Schedules.gallery(100);
        BufferedImage six = Charts.schedules(100, gallery.subList(0, 6));
        BufferedImage three = Charts.schedules(100, gallery.subList(0, 3));
        assertEquals(3 * 330, six.getWidth());
        assertEquals(44 + 234, three.getHeight());   // titles of at most two lines fit the usual band
        assertTrue(six.getHeight() >= 44 + 2 * 234, six.getHeight() + " vs " + three.getHeight());
        Schedule cosine = gallery.get(9);
        Schedule wrapped = Schedules.warmup(10, cosine);   // a title of three lines or more
        assertTrue(Charts.schedules(100, List.of(cosine, wrapped)).getHeight() > 44 + 234);
    }

    @Test
    void wrapBreaksAtSpacesSplitsLongWordsAndCutsBeyondTheLastLine() {
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        for (Schedule s : Schedules.gallery(300)) {
            String text = s.toString();
            List<String> lines = Panels.wrap(text, fm, 318, Integer.MAX_VALUE);
            assertEquals(text, String.join(" ", lines), text);
            for (String line : lines) {
                assertTrue(fm.stringWidth(line) <= 318, "too wide: " + line);
            }
            List<String> two = Panels.wrap(text, fm, 318, 2);
            assertEquals(Math.min(2, lines.size()), two.size());
            assertEquals(lines.size() > 2, two.get(1 % two.size()).endsWith("…"), text);
            assertTrue(fm.stringWidth(two.get(two.size() - 1)) <= 318, two.toString());
        }
        assertEquals(List.of("ab", "cd", "ef"), Panels.wrap("abcdef", fm, fm.stringWidth("ab"), 5));
        List<String> cut = Panels.wrap("ab cd ef gh ij", fm, fm.stringWidth("ab cd"), 2);
        assertEquals("ab cd", cut.get(0));
        assertTrue(cut.size() == 2 && cut.get(1).startsWith("ef") && cut.get(1).endsWith("…"), cut.toString());
    }

    @Test
    void schedulesRefuseTooFewStepsNoSchedulesAndNull() {
        assertEquals("steps must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> Charts.schedules(1, Schedules.cosine(0.1, 10))).getMessage());
        assertEquals("schedules must hold at least one schedule, got none", assertThrows(IllegalArgumentException.class,
                () -> Charts.schedules(10, List.of())).getMessage());
        assertEquals("schedules must not contain null, got null at index 1", assertThrows(IllegalArgumentException.class,
                () -> Charts.schedules(10, Schedules.cosine(0.1, 10), null)).getMessage());
    }

    @Test
    void heatMapsColourEachCellByItsMeanValue() {
        Table sweep = Table.create("sweep",
                DoubleColumn.create("lr", 1e-3, 1e-2, 1e-1, 1e-3, 1e-2, 1e-1, 1e-1),
                DoubleColumn.create("batch", 32, 32, 32, 64, 64, 64, 64),
                DoubleColumn.create("accuracy", 0.5, 0.7, 0.9, 0.6, 0.8, 0.7, 0.9));
        BufferedImage image = Charts.heatMap(sweep, "lr", "batch", "accuracy");
        assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, image.getWidth() + "×" + image.getHeight());
        // (0.1, 32) holds the highest value 0.9, and (0.1, 64) averages 0.7 and 0.9 to 0.8.
        var e = assertThrows(IllegalArgumentException.class, () -> Charts.heatMap(sweep, "lr", "momentum", "accuracy"));
        assertTrue(e.getMessage().contains("momentum"), e.getMessage());
        assertEquals(HeatMapImage.colour(1).getRGB(), HeatMapImage.colour(1).getRGB());
        int cell = (int) Math.max(24, Math.min(90, Math.min(560.0 / 3, 380.0 / 2)));
        int x = 110 + 2 * cell + 3;
        int yBottom = 56 + cell + 3;   // the bottom row is batch 32
        assertEquals(HeatMapImage.colour(1).getRGB(), image.getRGB(x, yBottom));
        assertEquals(HeatMapImage.colour(0.75).getRGB(), image.getRGB(x, 56 + 3));
    }

    @Test
    void histogramsHaveOnePanelPerLayer() {
        double[][] acts = new double[10][1000];
        String[] labels = new String[10];
        java.util.Random rnd = new java.util.Random(1);
        for (int l = 0; l < 10; l++) {
            labels[l] = "layer " + (l + 1);
            for (int i = 0; i < 1000; i++) {
                acts[l][i] = Math.tanh(rnd.nextGaussian() * Math.pow(0.5, l));
            }
        }
        BufferedImage image = Charts.histograms("tanh, 10 layers", labels, acts);
        assertEquals(5 * 200, image.getWidth());
        assertEquals(44 + 2 * 180, image.getHeight());
        BufferedImage fromArrays = Charts.histograms("two layers", List.of("a", "b"),
                List.of(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 20, 30), Nd4j.rand(5, 5)));
        assertEquals(2 * 260, fromArrays.getWidth());
        assertThrows(IllegalArgumentException.class, () -> Charts.histograms("x", new String[] {"a"}, new double[2][3]));
    }

    @Test
    void aMatrixImageIsRedForPositiveBlueForNegativeWhiteForZero() {
        double[][] w = {{1, 0, -1}, {0.5, 0, -0.5}};
        BufferedImage image = Charts.matrix("W", w);
        int cell = 40;
        assertEquals(new Color(0xb2182b).getRGB(), image.getRGB(70 + cell / 2, 56 + cell / 2));
        assertEquals(Color.WHITE.getRGB(), image.getRGB(70 + cell + cell / 2, 56 + cell / 2));
        assertEquals(new Color(0x2166ac).getRGB(), image.getRGB(70 + 2 * cell + cell / 2, 56 + cell / 2));
        BufferedImage big = Charts.matrix("W1", Nd4j.rand(200, 784));
        assertTrue(big.getWidth() >= 784 && big.getWidth() < 1000, "width " + big.getWidth());
        assertThrows(IllegalArgumentException.class, () -> Charts.matrix("v", Nd4j.rand(1, 2, 3)));
    }

    @Test
    void chartsBecomePngBytesAndFiles(@TempDir Path dir) throws Exception {
        byte[] png = Charts.png(Charts.loss(plain()));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        Path file = Charts.save(Charts.contour(Surfaces.himmelblau()), dir.resolve("himmelblau.png"));
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(800, back.getWidth());
        assertTrue(Files.size(file) > 10_000);
    }

    @Test
    void contourChartsDrawXAndYToTheSameScale() {
        for (ContourChart chart : List.of(Charts.contour(Surfaces.ravine(100)), Charts.contour(Surfaces.rosenbrock()),
                Charts.contour(Surfaces.ravine(4)).window(-1, 1, -10, 10))) {
            for (int[] size : new int[][] {{800, 500}, {480, 360}}) {
                chart.paint(new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB).createGraphics(), size[0], size[1]);
                Surface.Window w = chart.shownWindow();
                double perX = Math.abs(chart.getScreenXFromChart(w.xmax()) - chart.getScreenXFromChart(w.xmin())) / (w.xmax() - w.xmin());
                double perY = Math.abs(chart.getScreenYFromChart(w.ymax()) - chart.getScreenYFromChart(w.ymin())) / (w.ymax() - w.ymin());
                assertEquals(perX, perY, 0.02 * perX, chart.getTitle() + " at " + size[0] + " × " + size[1]);
            }
        }
    }

    @Test
    void anOptimizerKeepsItsColourFromChartToChartAndNoTwoLinesShareOne() {
        ContourChart one = Charts.contour(Surfaces.ravine(50)).paths(heavy());
        LineChart other = Charts.loss(plain(), heavy());
        Color momentum = one.pathColour(0);
        assertEquals(momentum, other.getSeriesMap().get("Momentum").getLineColor());
        assertEquals(Style.colour(0), other.getSeriesMap().get("SGD").getLineColor());
        LineChart twoAdams = Charts.lines("t", "x", "y").series("Adam η = 0.1", new double[] {1, 2})
                .series("Adam η = 0.01", new double[] {1, 3}).series("SGD + momentum 0.9", new double[] {2, 3});
        assertFalse(twoAdams.getSeriesMap().get("Adam η = 0.1").getLineColor()
                .equals(twoAdams.getSeriesMap().get("Adam η = 0.01").getLineColor()));
        assertEquals(momentum, twoAdams.getSeriesMap().get("SGD + momentum 0.9").getLineColor());
        assertEquals(Style.colourFor("AdaMax", List.of()), Style.colour(7));
    }

    @Test
    void aLogAxisSpansWholeDecadesAndADivergingLossSaysWhereItLeftTheChart() {
        Trajectory wild = Trajectory.of(new Sgd(0.55), Surfaces.ravine(4), START, 20).named("η = 0.55");
        LineChart chart = Charts.loss(Trajectory.of(new Sgd(0.2), Surfaces.ravine(4), START, 20).named("SGD"), wild);
        assertEquals(List.of("SGD", "η = 0.55 (diverges: off the chart at step 18)"), chart.seriesNames());
        Charts.image(chart);
        double lo = Math.log10(chart.getStyler().getYAxisMin());
        double hi = Math.log10(chart.getStyler().getYAxisMax());
        assertEquals(Math.rint(lo), lo, 1e-9);   // eleven decades: whole decades, each labelled
        assertEquals(Math.rint(hi), hi, 1e-9);
        assertTrue(hi >= Math.log10(100 * wild.losses()[0]) - 1e-9);
        assertArrayEquals(new double[] {0.09, 3, 0}, Style.logAxis(0.095, 2.5), 1e-12);   // short: 1 … 9 × 10^k
        assertArrayEquals(new double[] {1e-3, 10, 1}, Style.logAxis(0.005, 2.5), 1e-12);
    }

    @Test
    void aLongTitleShrinksToFitTheChart() {
        LineChart chart = Charts.lines("A title too long for this chart at 18 points, which XChart would cut at both ends, silently", "x", "y").series("a", new double[] {1, 2});
        Charts.image(chart);
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(chart.getStyler().getChartTitleFont());
        assertTrue(fm.stringWidth(chart.getTitle()) <= 800, "width " + fm.stringWidth(chart.getTitle()));
    }
}
