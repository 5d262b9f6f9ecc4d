package descent.plot;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import descent.display.Gif;
import descent.surface.Trajectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.knowm.xchart.style.Styler;

/**
 * An animated race of walks over a contour chart: {@code Race.of(Charts.contour(beale), sgd, adam)}
 * is a looping GIF in which every path grows step by step, 120 ms a frame, and the last frame, the
 * finished chart, is held 2 s. The contours, the legend and the start markers are drawn once; each
 * frame draws the paths so far over them, in the colours of the finished chart.
 */
public final class Race {

    private Race() {
    }

    /** 30 frames of 480 × 360 pixels. */
    public static Gif of(ContourChart chart, Trajectory... walks) {
        return of(chart, 30, 480, 360, walks);
    }

    /** {@code frames} pictures (2..200) of {@code width} × {@code height} pixels. */
    public static Gif of(ContourChart chart, int frames, int width, int height, Trajectory... walks) {
        if (chart == null) {
            throw new IllegalArgumentException("chart must not be null");
        }
        if (frames < 2 || frames > 200) {
            throw new IllegalArgumentException("frames must be between 2 and 200, got " + frames);
        }
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("width and height must be >= 100 pixels, got " + width + " × " + height);
        }
        if (walks.length == 0) {
            throw new IllegalArgumentException("walks must hold at least one walk, got none");
        }
        ContourChart film = chart.blankCopy(false);
        film.titleFont(Style.TITLE.deriveFont(15f));
        film.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        film.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 210));
        film.paths(Arrays.stream(walks).map(w -> w.first(1)).toArray(Trajectory[]::new));
        BufferedImage background = ContourChart.render(film, width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnimatedGifEncoder gif = new AnimatedGifEncoder();
        gif.start(out);
        gif.setRepeat(0);
        gif.setQuality(20);
        gif.setDelay(120);
        int longest = Arrays.stream(walks).mapToInt(Trajectory::size).max().orElse(1);
        for (int f = 1; f < frames; f++) {
            int shown = (int) Math.ceil((double) f / frames * (longest - 1)) + 1;
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.drawImage(background, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(Style.line(2.5f));
            for (int p = 0; p < walks.length; p++) {
                Trajectory t = walks[p].first(Math.min(shown, walks[p].size()));
                g.setColor(film.pathColour(p));
                g.draw(film.screenPath(Clip.toWindow(t.xs(), t.ys(), film.shownWindow())));
            }
            g.dispose();
            gif.addFrame(frame);
        }
        ContourChart finished = chart.blankCopy(true);
        finished.titleFont(Style.TITLE.deriveFont(15f));
        finished.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        finished.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 210));
        finished.paths(walks);
        gif.setDelay(2000);
        gif.addFrame(ContourChart.render(finished, width, height));
        gif.finish();
        return new Gif(out.toByteArray());
    }
}
