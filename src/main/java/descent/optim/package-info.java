/**
 * Gradient-descent optimizers written from scratch, one small class per method, each equal to
 * {@code torch.optim} 1.13 (defaults, where ε sits, the first momentum step), and wrappers that
 * compose with any of them.
 *
 * <ul>
 *   <li>{@link descent.optim.Sgd}, {@link descent.optim.Momentum}, {@link descent.optim.Nesterov}
 *   <li>{@link descent.optim.AdaGrad}, {@link descent.optim.AdaDelta}, {@link descent.optim.RmsProp}
 *       (plain, {@code centered()}, {@code withMomentum(μ)})
 *   <li>{@link descent.optim.Adam}, {@link descent.optim.AdaMax}, {@link descent.optim.Nadam},
 *       {@link descent.optim.AmsGrad}, {@link descent.optim.AdamW}, {@link descent.optim.RAdam}
 *   <li>step sizes from the gradient's sign: {@link descent.optim.Rprop} (torch's, full batches),
 *       {@link descent.optim.DeltaBarDelta} (Jacobs 1988; no torch twin)
 *   <li>textbook forms beside torch's, each saying when the two agree:
 *       {@link descent.optim.MomentumTextbook} (η inside v), {@link descent.optim.DampenedMomentum}
 *       (v from 0), {@link descent.optim.AdamTextbook} (ε̂), {@link descent.optim.RmsPropTextbook}
 *       (ε inside the root), {@link descent.optim.AdaMaxTextbook} (no ε),
 *       {@link descent.optim.AdamWTextbook} (λ not scaled by η), {@link descent.optim.AmsGradTextbook}
 *       (max of v̂), {@link descent.optim.AdaDeltaTextbook} (accumulating the step η·Δ),
 *       {@link descent.optim.NadamTextbook} (constant μ = β1), and {@link descent.optim.NesterovTextbook}
 *       (Sutskever's ∇f at θ + μv: given a gradient function, so not an Optimizer)
 *   <li>wrappers: {@link descent.optim.WeightDecay} (L2, g + λθ),
 *       {@link descent.optim.DecoupledWeightDecay} (θ − ηλθ), {@link descent.optim.ClipByGlobalNorm},
 *       {@link descent.optim.ClipByValue}, {@link descent.optim.GradientNoise},
 *       {@link descent.optim.PeriodicReset}; each takes its own parameters first and the wrapped
 *       optimizer last
 * </ul>
 *
 * <p>Conventions. θ and g are one flat FLOAT or DOUBLE INDArray each, of equal shape and type,
 * contiguous; nothing is converted, and the state has θ's type. Constructors and
 * {@code setLearningRate} reject bad hyper-parameters with an IllegalArgumentException naming
 * the argument and the value; {@code step} rejects θ and g of different shape or type (or a θ
 * unlike the one the state was built for) before writing anything, so θ and the state stay as
 * they were; so is an empty θ, and a gradient holding a NaN or an infinity (the message names the
 * first such index): the check is one more read of g, which torch does not make. The state
 * accessors the lessons plot ({@code adam.m()}, {@code adam.v()}, {@code adam.mHat()},
 * {@code adagrad.effectiveRate()}, ...) return fresh copies, null before the first step;
 * {@code t()} is the step count and {@code reset()} forgets state and t. Wrappers never write the
 * caller's gradient. A warmed-up step allocates nothing (GradientNoise: one generator per block).
 *
 * <p>How the source is laid out. Each method's update rule is a static method of its class,
 * written once in double with a comment giving each line's formula; its float twin is generated
 * from that text at build time into {@code FloatRules} (tools/FloatRules.java). The optimizers
 * and the gradient transforms walk θ and g in blocks on the cores the same way ({@code Walk}).
 */
package descent.optim;
