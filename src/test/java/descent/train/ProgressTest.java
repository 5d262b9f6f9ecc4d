package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.display.Display;
import descent.display.Html;
import descent.nn.Network;
import descent.optim.Sgd;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** A notebook stand-in that records what it is asked to show. */
    static final class Recorder implements Display.Sink {
        final List<Object> shown = new ArrayList<>();
        final List<Object> updates = new ArrayList<>();

        @Override
        public String display(Object value) {
            shown.add(value);
            return "id" + shown.size();
        }

        @Override
        public void update(String id, Object value) {
            updates.add(value);
        }
    }

    @Test
    void inANotebookABarAndALossChartUpdateInPlaceAtMostTwiceASecond() {
        Recorder sink = new Recorder();
        Display.install(sink);
        long start = System.nanoTime();
        try {
            Trainer.of(Network.mlp(784, 16, 10).seed(1).build(), new Sgd(0.1)).epochs(3).batchSize(16)
                    .logEvery(2).validation(TrainerTest.SMALL_VAL).fit(TrainerTest.SMALL);
        } finally {
            Display.install(null);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(2, sink.shown.size(), "one bar and one chart, then updates in place");
        assertInstanceOf(Html.class, sink.shown.get(0));
        BufferedImage chart = assertInstanceOf(BufferedImage.class, sink.shown.get(1));
        assertEquals(640, chart.getWidth());
        Html last = (Html) sink.updates.stream().filter(u -> u instanceof Html).reduce((a, b) -> b).orElseThrow();
        assertTrue(last.text().contains("step 120/120"), last.text());
        long bars = sink.updates.stream().filter(u -> u instanceof Html).count();
        long charts = sink.updates.stream().filter(u -> u instanceof BufferedImage).count();
        // 120 steps and 60 rows, but at most 2 updates per second each (plus the final one)
        assertTrue(bars <= 2 * seconds + 2 && charts <= 2 * seconds + 2,
                bars + " bar and " + charts + " chart updates in " + seconds + " s");
    }

    @Test
    void outsideANotebookOneLinePerEpoch() {
        PrintStream out = System.out;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        System.setOut(new PrintStream(text, true));
        try {
            Trainer.of(Network.mlp(784, 16, 10).seed(1).build(), new Sgd(0.1)).epochs(2).logEvery(3)
                    .validation(TrainerTest.SMALL_VAL).fit(TrainerTest.SMALL);
        } finally {
            System.setOut(out);
        }
        String[] lines = text.toString().trim().split("\n");
        assertEquals(2, lines.length, text.toString());
        assertTrue(lines[1].startsWith("epoch 2/2  loss ") && lines[1].contains("val_accuracy"), lines[1]);
    }
}
