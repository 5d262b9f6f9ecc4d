/**
 * Learning-rate schedules: {@link descent.schedule.Schedule} maps the update number t (from 0) to
 * the rate η_t, purely, so a training loop calls
 * {@code optimizer.setLearningRate(schedule.valueAt(step))} before each update.
 *
 * <p>Decays: {@link descent.schedule.Piecewise}, {@link descent.schedule.Exponential},
 * {@link descent.schedule.NaturalExp}, {@link descent.schedule.Polynomial} (with or without cycle),
 * {@link descent.schedule.Step}, {@link descent.schedule.MultiStep},
 * {@link descent.schedule.InverseTime}, {@link descent.schedule.Lambda}. Cosines:
 * {@link descent.schedule.CosineAnnealing}, {@link descent.schedule.CosineWarmRestarts} (SGDR).
 * Warm-ups and cycles: {@link descent.schedule.Noam}, {@link descent.schedule.LinearWarmup} (wraps
 * any schedule), {@link descent.schedule.OneCycle}, {@link descent.schedule.Cyclic}. Composition:
 * {@link descent.schedule.Sequential}. Feedback: {@link descent.schedule.ReduceOnPlateau}, a
 * controller fed a metric rather than a schedule. {@link descent.schedule.Schedules} has short
 * factory names and a gallery of one of each.
 *
 * <p>Values equal PyTorch 1.13's {@code torch.optim.lr_scheduler} (the rate after t calls of
 * {@code scheduler.step()}) where torch has the schedule, and PaddlePaddle's documented formulas
 * ({@code paddle.optimizer.lr}) for the others; tools/golden/schedule_golden.py writes the proof.
 */
package descent.schedule;
