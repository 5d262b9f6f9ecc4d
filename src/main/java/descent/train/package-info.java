/**
 * The training loop, its history table, early stopping and hyper-parameter sweeps.
 *
 * <pre>
 *   Table history = Trainer.of(net, new Momentum(0.01, 0.9))
 *           .epochs(10).batchSize(64).schedule(new CosineAnnealing(0.01, 10 * 938))
 *           .validation(split.test()).fit(split.train());
 *   history.doubleColumn("val_accuracy");
 *
 *   Table grid = Sweep.grid().axis("lr", 0.01, 0.1).axis("momentum", 0.0, 0.9)
 *           .run(p -> Trainer.of(Network.mlp(784, 100, 10).seed(1).build(),
 *                                new Momentum(p.get("lr"), p.get("momentum"))).quiet().fit(train));
 * </pre>
 */
package descent.train;
