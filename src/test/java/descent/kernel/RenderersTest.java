package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RenderersTest {

    @Test
    void shortTableInFullAndEscaped() {
        Table t = Table.create("t", StringColumn.create("name", "<a>", "b&c"));
        String html = Renderers.tableHtml(t);
        assertTrue(html.contains("<td>&lt;a&gt;</td>") && html.contains("<td>b&amp;c</td>"), html);
        assertEquals(1 + 2, count(html, "<tr>"), html);
    }

    @Test
    void longTableShowsFirstAndLastRows() {
        Table t = Table.create("t", IntColumn.create("i", IntStream.range(0, 100).toArray()));
        String html = Renderers.tableHtml(t);
        assertEquals(1 + 15 + 1 + 5, count(html, "<tr>"), html);
        assertTrue(html.contains("<td>14</td>") && !html.contains("<td>15</td>") && html.contains("<td>95</td>"), html);
        assertTrue(html.contains("80 more rows") && html.contains("100 rows × 1 columns"), html);
    }

    @Test
    void latestRegistrationWinsAndTextIsAdded() {
        record Tagged(String tag) {
        }
        Renderers.register(Tagged.class, v -> Map.of("text/html", "<i>" + v.tag() + "</i>"));
        Map<String, Object> out = Renderers.render(new Tagged("x"), null);
        assertEquals("<i>x</i>", out.get("text/html"));
        assertEquals("Tagged[tag=x]", out.get("text/plain"));
        Renderers.register(Tagged.class, v -> Map.of("text/plain", "tag " + v.tag()));
        assertEquals(Map.of("text/plain", "tag x"), Renderers.render(new Tagged("x"), null));
    }

    @Test
    void chartFormatIsPngOrSvg() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Renderers.chartFormat("jpeg"));
        assertEquals("format must be \"png\" or \"svg\", got jpeg", e.getMessage());
    }

    @Test
    void mimeTypesAskedForAreExactlyWhatIsShown() {
        assertEquals(Map.of("text/html", "<b>x</b>"), Renderers.renderAs("<b>x</b>", List.of("text/html")));
        XYChart chart = new XYChart(100, 80);
        chart.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
        Map<String, Object> svg = Renderers.renderAs(chart, List.of("image/svg+xml"));
        assertEquals(List.of("image/svg+xml"), List.copyOf(svg.keySet()));
        assertTrue(svg.get("image/svg+xml").toString().contains("<svg"), svg.toString());
        assertEquals(Renderers.render(7, null), Renderers.renderAs(7, List.of()));
    }

    @Test
    void mimeTypeNotATypeOrNotRenderableIsAnError() {
        IllegalArgumentException notMime = assertThrows(IllegalArgumentException.class,
                () -> Renderers.renderAs("x", List.of("svg")));
        assertTrue(notMime.getMessage().startsWith("mimeTypes: \"svg\" is not a MIME type"), notMime.getMessage());
        IllegalArgumentException notShown = assertThrows(IllegalArgumentException.class,
                () -> Renderers.renderAs(42, List.of("text/html")));
        assertEquals("mimeTypes: a java.lang.Integer cannot be shown as text/html; it can be shown as [text/plain]",
                notShown.getMessage());
    }

    @Test
    void streamKeepsMultiByteCharactersWhole() {
        List<String> sent = new ArrayList<>();
        CellStream stream = new CellStream(System.out);
        stream.attach(sent::add);
        byte[] euro = "€".getBytes(java.nio.charset.StandardCharsets.UTF_8);   // 3 bytes
        stream.write(euro, 0, 2);
        stream.flushPending();
        assertEquals(List.of(), sent);
        stream.write(euro, 2, 1);
        stream.detach();
        assertEquals(List.of("€"), sent);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
