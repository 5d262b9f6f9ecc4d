package descent.plot;

import descent.surface.Surface;

/**
 * One-line charts for the lessons. Every chart has a title, axis labels and a legend, a white
 * background and the same palette, and is 800 × 500 pixels unless said otherwise.
 */
public final class Charts {

    private Charts() {
    }

    /** Contour lines of {@code surface} in its default window; add walks with {@code .paths(...)}. */
    public static ContourChart contour(Surface surface) {
        if (surface == null) {
            throw new IllegalArgumentException("surface must not be null");
        }
        return new ContourChart(surface);
    }
}
