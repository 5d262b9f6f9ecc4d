package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Momentum;
import descent.optim.Sgd;
import descent.surface.Surface;
import descent.surface.Surfaces;
import descent.surface.Trajectory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

public class ExplorerTest {

    private static final double[] START = {-9, 2};

    public static Explorer momentumOnTheRavine() {
        Surface ravine = Surfaces.ravine(100);
        return Explorer.on(ravine)
                .slider("η", 0.004, 0.001, 0.002, 0.004, 0.008, 0.016, 0.03)
                .slider("γ", 0.9, 0, 0.5, 0.9, 0.99)
                .paths(s -> List.of(Trajectory.of(new Momentum(s.get("η"), s.get("γ")), ravine, START, 100)
                        .named("momentum")))
                .losses()
                .note(s -> "ηλ = " + Style.number(100 * s.get("η")));
    }

    @Test
    void settingsRunOverEveryCombinationWithTheLastSliderFastest() {
        var explorer = momentumOnTheRavine();
        var settings = explorer.settings();
        assertEquals(6 * 4, settings.size());
        assertEquals(0.001, settings.get(0).get("η"));
        assertEquals(0.5, settings.get(1).get("γ"));
        assertEquals(0.002, settings.get(4).get("η"));
        assertEquals(0.004, explorer.start().get("η"));
        assertEquals(0.9, explorer.start().get("γ"));
        assertThrows(IllegalArgumentException.class, () -> explorer.start().get("β"));
    }

    @Test
    void everyFrameHoldsTheWalkTheLibraryComputesForItsSetting() {
        var explorer = momentumOnTheRavine();
        List<String> frames = frames(explorer.html());
        Surface ravine = Surfaces.ravine(100);
        var settings = explorer.settings();
        assertEquals(settings.size(), frames.size());
        for (int f = 0; f < settings.size(); f++) {
            var s = settings.get(f);
            var walk = Trajectory.of(new Momentum(s.get("η"), s.get("γ")), ravine, START, 100);
            String expected = Explorer.points(walk.xs(), walk.ys(),
                    Explorer.equalScaleWindow(ravine.window(), Explorer.PLOT_WIDTH));
            assertTrue(frames.get(f).contains("\"p\":" + expected), "frame " + f + " for " + s);
        }
    }

    @Test
    void aDivergedWalkSaysSoInItsLegend() {
        String html = momentumOnTheRavine().html();
        assertTrue(html.contains("momentum (diverges: leaves the chart at step "), "η = 0.03, γ = 0 diverges on κ = 100");
        assertFalse(html.contains("NaN"));
        assertFalse(html.contains("Infinity"));
    }

    @Test
    void theOutputIsSelfContainedAndBounded() {
        var explorer = momentumOnTheRavine();
        String html = explorer.html();
        int bytes = html.getBytes(StandardCharsets.UTF_8).length + explorer.png().length;
        assertTrue(bytes <= Explorer.MAX_BYTES, bytes + " bytes");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing from the network");
        assertTrue(html.contains("data:image/png;base64,"), "the still picture is inside the HTML too");
        assertEquals((byte) 0x89, explorer.png()[0]);
        assertTrue(explorer.text().contains("24 settings"));
    }

    @Test
    void contourPanelsDrawXAndYToTheSameScale() {
        double[] w = Explorer.equalScaleWindow(new Surface.Window(-10, 10, -3, 3), Explorer.PLOT_WIDTH);
        double height = w[4];
        assertEquals((w[1] - w[0]) / Explorer.PLOT_WIDTH, (w[3] - w[2]) / height, 1e-9);
        double[] tall = Explorer.equalScaleWindow(new Surface.Window(-1, 1, -4, 4), Explorer.PLOT_WIDTH);
        assertEquals((tall[1] - tall[0]) / Explorer.PLOT_WIDTH, (tall[3] - tall[2]) / tall[4], 1e-9);
    }

    @Test
    void tooLargeAnExplorerIsRefusedWithWhatToDo() {
        Surface ravine = Surfaces.ravine(100);
        double[] many = new double[60];
        for (int i = 0; i < many.length; i++) {
            many[i] = 0.0005 * (i + 1);
        }
        var explorer = Explorer.on(ravine).slider("η", many[0], many).slider("γ", 0, 0, 0.5, 0.9)
                .paths(s -> List.of(Trajectory.of(new Momentum(s.get("η"), s.get("γ")), ravine, START, 400)));
        var e = assertThrows(IllegalStateException.class, explorer::html);
        assertTrue(e.getMessage().contains("use fewer slider values or shorter runs"), e.getMessage());
    }

    @Test
    void badSlidersAreRefusedNamingTheSlider() {
        var ex = Explorer.lines("t", "x", "y");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ex.slider("η", 0.5, 0.1, 0.2))
                .getMessage().contains("start must be one of the values"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ex.slider("η", 0.2, 0.2, 0.1))
                .getMessage().contains("increasing"));
        assertThrows(IllegalArgumentException.class, () -> ex.slider("η", 0.1, 0.1));
        assertThrows(IllegalStateException.class, () -> ex.paths(s -> List.of()));
        assertThrows(IllegalStateException.class, ex::html);
        assertThrows(IllegalArgumentException.class, () -> ex.plane("a", "b"));
    }

    @Test
    void aLineExplorerKeepsItsAxesOverEverySetting() {
        var explorer = Explorer.lines("geometric decay", "step", "η")
                .slider("γ", 0.9, 0.5, 0.9, 0.99)
                .curves(s -> {
                    double[] y = new double[50];
                    for (int t = 0; t < y.length; t++) {
                        y[t] = Math.pow(s.get("γ"), t);
                    }
                    return List.of(Explorer.Curve.of("γ^t", y));
                })
                .logY();
        String html = explorer.html();
        assertTrue(html.contains("\"logY\":true"));
        assertTrue(html.contains("\"y\":[" + Explorer.number(Math.pow(0.5, 49)) + ",1]"), html.substring(0, 600));
    }

    @Test
    void numbersKeepFourSignificantDigits() {
        assertEquals("0.001235", Explorer.number(0.00123456));
        assertEquals("1.235e-7", Explorer.number(1.23456e-7));
        assertEquals("-9", Explorer.number(-9.0));
        assertEquals("1.235e15", Explorer.number(1.23456e15));
        assertEquals("\"a\\u003c/script>\"", Explorer.quote("a</script>"));
    }

    /** The JSON array of each frame, as text. */
    private static List<String> frames(String html) {
        Matcher m = Pattern.compile("\"frames\":\\[(.*)\\],\"notes\"", Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        String all = m.group(1);
        // frames are [[panel0],[panel1]] one after the other: split at "]],[[" boundaries
        return List.of(all.split("\\]\\],\\[\\["));
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]),
                "<!doctype html><meta charset=utf-8><body>" + momentumOnTheRavine().html()
                        + Explorer.lines("geometric decay", "step", "η").slider("γ", 0.9, 0.5, 0.9, 0.99)
                        .curves(s -> {
                            double[] y = new double[50];
                            for (int t = 0; t < y.length; t++) {
                                y[t] = Math.pow(s.get("γ"), t);
                            }
                            return List.of(Explorer.Curve.of("γ^t", y));
                        }).logY().html());
        new Sgd(0.1);
    }
}
