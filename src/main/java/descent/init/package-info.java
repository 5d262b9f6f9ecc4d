/**
 * Weight initializers: {@link descent.init.Initializer} fills a weight array in place from its
 * fans and a seeded generator.
 *
 * <p>Symmetric (the lesson's failure): {@link descent.init.Zeros}, {@link descent.init.Constant}.
 * Fixed variance: {@link descent.init.Normal}, {@link descent.init.Uniform} (r = √(3σ²)),
 * {@link descent.init.TruncatedNormal}. Variance from the fans: {@link descent.init.XavierUniform},
 * {@link descent.init.XavierNormal} (Var = 2/(n_in + n_out)), {@link descent.init.HeUniform},
 * {@link descent.init.HeNormal} (Var = 2/n_in), {@link descent.init.LeCunUniform},
 * {@link descent.init.LeCunNormal} (Var = 1/n_in). Norm-preserving: {@link descent.init.Orthogonal}.
 * Each exposes the exact bound or std it draws with. {@link descent.init.Gain} is torch's
 * {@code calculate_gain}; {@link descent.init.Fans} computes fans from a shape and states the layout
 * convention: Descent's dense weights are (in, out), torch's Linear weights (out, in).
 */
package descent.init;
