/**
 * Charts for the lessons, each one line in a notebook cell ({@link descent.plot.Charts}):
 *
 * <pre>
 *   Charts.contour(ravine).paths(plain, heavy)                 // iso-lines with optimizer paths
 *   Race.of(Charts.contour(beale), sgd, adam, rmsprop)        // an animated GIF
 *   Charts.loss(plain, heavy)                                  // loss per step, log axis
 *   Charts.history("epoch", history).mark(12, "best epoch")    // a training history table
 *   Charts.lines("m and m̂", "step t", "value").series("m_t", t, m).series("m̂_t", t, mHat)
 *   Charts.schedules(300, Schedules.gallery(300))
 *   Charts.heatMap(sweep, "lr", "batch", "accuracy")
 *   Charts.histograms("tanh, Xavier", labels, activations)
 *   Charts.matrix("W1", w1)
 * </pre>
 *
 * <p>Line and contour charts are XChart {@code XYChart}s (a notebook shows them at any point of a
 * chained call); grids of panels, heat maps and matrices are {@code BufferedImage}s. All share one
 * look: white, a light grid, the Tableau 10 palette, 800 × 500 pixels by default. XChart has no
 * contour plot: {@link descent.plot.MarchingSquares} traces the iso-lines.
 */
package descent.plot;
