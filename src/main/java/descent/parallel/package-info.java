/**
 * Parallel SGD: several workers, one model.
 *
 * <pre>
 *   SparseLogistic problem = SparseLogistic.synthetic(100_000, 10_000, 10, 1);
 *   Hogwild.of(problem, 0.5, 2).run(5, 42);                 // lock-free threads on shared w
 *   Downpour.workers(8).rate(0.1).run(net, train);                           // stale gradients
 *   ElasticAveraging.workers(8).rate(0.1).period(4).elasticity(0.1).run(net, train);  // an elastic centre
 * </pre>
 *
 * <p>{@link descent.parallel.Hogwild} runs real threads on a sparse problem;
 * {@link descent.parallel.Downpour} and {@link descent.parallel.ElasticAveraging} simulate a
 * cluster in one thread (the workers take turns), so staleness and the elastic force can be
 * studied exactly and reproducibly on one machine.
 */
package descent.parallel;
