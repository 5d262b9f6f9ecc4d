package descent.kernel;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.api.ndarray.INDArray;

import descent.display.Gif;
import descent.display.Html;
import descent.display.Interactive;
import tech.tablesaw.api.Table;

/**
 * How a value becomes notebook output: a map from MIME type to data (text, or base64 for images).
 *
 * <p>Built in: XChart charts (PNG, or SVG on request), images (PNG), {@link Gif}, {@link Html},
 * {@link Interactive} (its HTML and, in the same output, its PNG),
 * Tablesaw tables (an HTML table, long ones shortened, plus text), ND4J arrays (text with shape
 * and data type). Anything else shows as {@code String.valueOf(value)}. More types can be added
 * with {@link #register}; the most recently registered matching type wins.
 *
 * <p>A cell may ask for MIME types, as in IJava: {@code display(x, "text/html")}. A value is
 * shown as each type asked for that its renderer makes; a chart also as {@code image/png} or
 * {@code image/svg+xml}, whichever is asked; a string as any type (it is taken to be that
 * content). Anything else, or a string that is not a MIME type, is an error. Charts' default
 * format has its own setting, {@link #chartFormat}.
 */
public final class Renderers {

    /** Rows of a table shown in full; longer tables show the first and last few. */
    static final int TABLE_ROWS = 20;

    private record Entry(Class<?> type, Renderer<Object> renderer) {
    }

    /** Renders a value of some type for a requested format ("png", "svg", ...; null = default). */
    interface Renderer<T> {
        Map<String, Object> render(T value, String format);
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static volatile String chartFormat = "png";

    static {
        add(Object.class, (v, f) -> text(String.valueOf(v)));
        add(RenderedImage.class, (v, f) -> image("image/png", png(v), v.toString()));
        add(Gif.class, (v, f) -> image("image/gif", v.bytes(), v.toString()));
        add(Html.class, (v, f) -> data("text/html", v.html(), v.text()));
        add(Interactive.class, (v, f) -> Map.of("text/html", v.html(),
                "image/png", Base64.getEncoder().encodeToString(v.png()), "text/plain", v.text()));
        add(Chart.class, Renderers::chart);
        add(Table.class, (v, f) -> data("text/html", tableHtml(v), v.print(TABLE_ROWS)));
        add(INDArray.class, (v, f) -> text(arrayText(v)));
    }

    private Renderers() {
    }

    /**
     * Shows values of {@code type} (and its subtypes) as the map {@code render} returns: MIME type
     * to data, e.g. {@code Map.of("text/html", "<b>hi</b>", "text/plain", "hi")}; images as base64
     * strings. A {@code text/plain} entry is added when missing.
     */
    public static synchronized <T> void register(Class<T> type, Function<? super T, Map<String, Object>> render) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(render, "render");
        add(type, (v, f) -> render.apply(v));
    }

    /** Sets how charts are shown by default: "png" (the default) or "svg". */
    public static void chartFormat(String format) {
        chartFormat = checkFormat(format);
    }

    @SuppressWarnings("unchecked")
    private static synchronized <T> void add(Class<T> type, Renderer<? super T> renderer) {
        ENTRIES.add(new Entry(type, (Renderer<Object>) renderer));
    }

    /** The output for {@code value}; {@code format} asks for "png" or "svg" (charts), or null. */
    static Map<String, Object> render(Object value, String format) {
        Renderer<Object> renderer;
        synchronized (Renderers.class) {
            renderer = ENTRIES.get(0).renderer();
            for (int i = ENTRIES.size() - 1; i > 0; i--) {
                if (ENTRIES.get(i).type().isInstance(value)) {
                    renderer = ENTRIES.get(i).renderer();
                    break;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(renderer.render(value, format));
        out.putIfAbsent("text/plain", String.valueOf(value));
        return out;
    }

    /** A MIME type: type/subtype, e.g. "text/html" or "image/svg+xml". */
    private static final java.util.regex.Pattern MIME_TYPE = java.util.regex.Pattern.compile("[\\w.+-]+/[\\w.+-]+");

    /**
     * The output for {@code value} as exactly the MIME types asked for ({@code mimeTypes}; all it
     * has when empty). Throws, naming the type, for one that is not a MIME type or that
     * {@code value} cannot be shown as.
     */
    static Map<String, Object> renderAs(Object value, List<String> mimeTypes) {
        for (String mime : mimeTypes) {
            if (mime == null || !MIME_TYPE.matcher(mime).matches()) {
                throw new IllegalArgumentException("mimeTypes: " + (mime == null ? null : "\"" + mime + "\"")
                        + " is not a MIME type (type/subtype, e.g. \"text/html\", \"image/svg+xml\");"
                        + " a chart's default format is set by Renderers.chartFormat(\"svg\")");
            }
        }
        Map<String, Object> all = render(value, null);
        if (mimeTypes.isEmpty()) {
            return all;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String mime : mimeTypes) {
            if (all.containsKey(mime)) {
                out.put(mime, all.get(mime));
            } else if (value instanceof Chart<?, ?> chart && (mime.equals("image/png") || mime.equals("image/svg+xml"))) {
                out.put(mime, chart(chart, mime.equals("image/png") ? "png" : "svg").get(mime));
            } else if (value instanceof CharSequence text) {
                out.put(mime, text.toString());
            } else {
                throw new IllegalArgumentException("mimeTypes: a " + (value == null ? "null" : value.getClass().getName())
                        + " cannot be shown as " + mime + "; it can be shown as " + all.keySet());
            }
        }
        return out;
    }

    private static String checkFormat(String format) {
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("png") && !f.equals("svg")) {
            throw new IllegalArgumentException("format must be \"png\" or \"svg\", got " + format);
        }
        return f;
    }

    private static Map<String, Object> chart(Chart<?, ?> chart, String format) {
        String f = format == null ? chartFormat : checkFormat(format);
        String text = chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\"";
        try {
            if (f.equals("svg")) {
                ByteArrayOutputStream svg = new ByteArrayOutputStream();
                VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                return data("image/svg+xml", svg.toString(java.nio.charset.StandardCharsets.UTF_8), text);
            }
            return image("image/png", BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(RenderedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ND4J array as text: its shape and data type, then its values. */
    static String arrayText(INDArray array) {
        return "INDArray " + array.dataType() + " shape " + Arrays.toString(array.shape()) + "\n" + array;
    }

    /** A Tablesaw table as an HTML table; beyond {@link #TABLE_ROWS} rows, the first and last rows. */
    static String tableHtml(Table table) {
        int rows = table.rowCount();
        int head = rows > TABLE_ROWS ? TABLE_ROWS - 5 : rows;
        StringBuilder html = new StringBuilder("<table>\n");
        if (!table.name().isEmpty()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (String name : table.columnNames()) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows; r++) {
            if (r == head && head < rows) {
                html.append("<tr><td colspan=\"").append(table.columnCount()).append("\">… ")
                        .append(rows - TABLE_ROWS).append(" more rows …</td></tr>\n");
                r = rows - 5;
            }
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append("<td>").append(escape(table.getString(r, c))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n<p>").append(rows).append(" rows × ")
                .append(table.columnCount()).append(" columns</p>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text/plain", text);
    }

    private static Map<String, Object> data(String mime, String data, String text) {
        return Map.of(mime, data, "text/plain", text);
    }

    private static Map<String, Object> image(String mime, byte[] bytes, String text) {
        return data(mime, Base64.getEncoder().encodeToString(bytes), text);
    }
}
