/**
 * The two-dimensional worlds of the optimization lessons: test surfaces f(x, y) with their analytic
 * gradients ({@link descent.surface.Surfaces} builds them: Rosenbrock, Beale, Himmelblau, a ravine
 * of chosen condition number, the saddle x² − y², a foggy mountain of several valleys), and the
 * {@link descent.surface.Trajectory} an optimizer walks on one of them.
 *
 * <pre>
 *   var ravine = Surfaces.ravine(50);
 *   var heavy = Trajectory.of(new Momentum(0.03, 0.9), ravine, new double[] {-8, 2}, 100);
 *   heavy.losses();   heavy.toTable();   heavy.end();
 * </pre>
 *
 * <p>Values and gradients are checked against PyTorch's autograd, and whole walks against
 * torch.optim, by {@code tools/golden/surface_golden.py}.
 */
package descent.surface;
