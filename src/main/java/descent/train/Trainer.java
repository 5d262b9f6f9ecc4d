package descent.train;

import descent.data.Batches;
import descent.data.DataSet;
import descent.nn.BatchNorm;
import descent.nn.Network;
import descent.optim.ClipByGlobalNorm;
import descent.optim.Optimizer;
import descent.schedule.ReduceOnPlateau;
import descent.schedule.Schedule;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * Mini-batch training of a {@link Network} with any {@link Optimizer}:
 * <pre>
 *   for each epoch:  shuffle (seeded; not with inOrder());  for each batch B:
 *       η ← schedule(step)                 (optional; or per epoch)
 *       L = loss(B);  g = ∂L/∂θ            (net.gradient; stop if diverged, see below)
 *       θ ← optimizer.step(θ, clip(g))     clip(g) = g·min(1, c/(‖g‖ + 10⁻⁶)): ClipByGlobalNorm, optional
 *   every row (each epoch, or every k steps): record loss, accuracy, η, ‖g‖, time and the
 *   validation metrics; feed ReduceOnPlateau; stop early when the watched metric stalls.
 * </pre>
 * Set up fluently and call {@link #fit}:
 * <pre>
 *   Table history = Trainer.of(net, new Momentum(0.01, 0.9))
 *           .epochs(10).batchSize(64).schedule(new CosineAnnealing(0.01, 9380))
 *           .validation(test).fit(train);
 * </pre>
 * The history has the columns step, epoch, loss, accuracy, lr, grad_norm, seconds, and val_loss,
 * val_accuracy when validating. loss and accuracy are the means over the row's training batches;
 * grad_norm the mean ‖g‖ before clipping; lr the rate of the row's last step; seconds the time
 * since {@code fit} began.
 *
 * <p>Divergence is caught at the step where it shows: when the loss, the gradient, θ or the output
 * of any layer becomes NaN or infinite, or the loss rises above {@value #EXPLODED} times the first
 * step's, {@code fit} throws {@link DivergedException} naming the step, the epoch, the learning
 * rate and what went wrong. Bad input is refused before θ changes: empty or mismatched data sets
 * (train or validation), NaN or ∞ features (as bad data, with their row and column), a batch size
 * larger than the data, a schedule that would give a NaN, infinite or negative rate in this run.
 * In a notebook a progress bar and a loss chart update in place; elsewhere one line per epoch is
 * printed (unless {@link #quiet()}).
 *
 * <p>When the data size n leaves one row over (n mod b = 1), the last mini-batch of every epoch
 * holds a single example. A network with {@link BatchNorm} cannot train on it (the batch variance
 * of one example is 0: x̂ = 0, the output is β whatever the input, and no gradient reaches the
 * layers below), so {@code fit} refuses such a set-up at once, before any update, and names a batch
 * size that works. It refuses rather than silently drop that batch (PyTorch's
 * {@code DataLoader(drop_last=True)}, tf.data's {@code drop_remainder}): dropping would change the
 * steps per epoch and leave an example unseen each epoch without the reader seeing why; PyTorch's
 * batch norm raises too ("Expected more than 1 value per channel when training"). Networks without
 * batch norm train on a last batch of one row like on any other.
 */
public final class Trainer {

    /** A loss above this many times the first step's means training diverged, though still finite. */
    static final double EXPLODED = 1e4;

    private final Network net;
    private final Optimizer optimizer;
    private int epochs = 1;
    private int batchSize;                       // 0: the default, 64 or all rows when fewer
    private long seed;
    private Schedule schedule;
    private boolean schedulePerEpoch;
    private ReduceOnPlateau plateau;
    private DataSet validation;
    private EarlyStopping earlyStopping;
    private double maxNorm = Double.POSITIVE_INFINITY;
    private int logEvery;
    private boolean quiet;
    private boolean inOrder;
    private Table history;
    private int bestRow = -1;
    private boolean stoppedEarly;

    private Trainer(Network net, Optimizer optimizer) {
        this.net = Objects.requireNonNull(net, "net");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    public static Trainer of(Network net, Optimizer optimizer) {
        return new Trainer(net, optimizer);
    }

    public Trainer epochs(int epochs) {
        this.epochs = atLeastOne("epochs", epochs);
        return this;
    }

    /** Rows per mini-batch, at most the rows of the data (default: 64, or all rows when fewer). */
    public Trainer batchSize(int batchSize) {
        this.batchSize = atLeastOne("batchSize", batchSize);
        return this;
    }

    /** The seed of the shuffling (the network has its own seed for θ). */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** η ← schedule(step) before every update (steps count from 0). */
    public Trainer schedule(Schedule schedule) {
        return schedule(schedule, false);
    }

    /** η ← schedule(epoch) at the start of every epoch (epochs count from 0). */
    public Trainer schedulePerEpoch(Schedule schedule) {
        return schedule(schedule, true);
    }

    /** Feeds the monitored metric (val_loss, or loss without validation) to {@code plateau} each row. */
    public Trainer reduceOnPlateau(ReduceOnPlateau plateau) {
        if (schedule != null) {
            throw new IllegalArgumentException("reduceOnPlateau cannot be combined with a schedule");
        }
        this.plateau = Objects.requireNonNull(plateau, "plateau");
        return this;
    }

    /** Evaluates (eval mode) on {@code validation} at every row. */
    public Trainer validation(DataSet validation) {
        this.validation = Objects.requireNonNull(validation, "validation");
        return this;
    }

    /**
     * Stops when {@code metric} (val_loss, val_accuracy, loss or accuracy) has not improved for
     * {@code patience} rows, and puts back the θ of the best row.
     */
    public Trainer earlyStopping(String metric, int patience) {
        this.earlyStopping = new EarlyStopping(metric, patience);
        return this;
    }

    /** Early stopping on val_loss. */
    public Trainer earlyStopping(int patience) {
        return earlyStopping("val_loss", patience);
    }

    /**
     * Clips the gradient to norm c, g ← g·min(1, c/(‖g‖ + 10⁻⁶)), by wrapping the optimizer in
     * {@link ClipByGlobalNorm} (Pascanu et al., 2013): the library's one clipping rule.
     */
    public Trainer clipNorm(double maxNorm) {
        if (!(maxNorm > 0 && maxNorm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("maxNorm must be a finite number > 0, got " + maxNorm);
        }
        this.maxNorm = maxNorm;
        return this;
    }

    /** One history row every {@code steps} updates instead of one per epoch. */
    public Trainer logEvery(int steps) {
        this.logEvery = atLeastOne("steps", steps);
        return this;
    }

    /** Batches in the data set's stored order, the same every epoch, instead of reshuffled each epoch. */
    public Trainer inOrder() {
        this.inOrder = true;
        return this;
    }

    /** No progress output at all (sweeps, tests). */
    public Trainer quiet() {
        this.quiet = true;
        return this;
    }

    /**
     * Trains on {@code train} and returns the history (also kept in {@link #history()}). Everything
     * is checked before θ changes: both data sets (rows, features, type, classes, finite values),
     * the batch size, and the schedule's rate at every step of the run.
     */
    public Table fit(DataSet train) {
        requireReady(train);
        Run run = new Run(train);
        for (int epoch = 1; epoch <= epochs && !stoppedEarly; epoch++) {
            run.scheduleEpoch(epoch);                          // η ← schedule(epoch), when per epoch
            for (Batches.Batch batch : run.batches) {          // batch
                run.scheduleStep();                            // η ← schedule(step), when per step
                double loss = run.gradient(batch);             // L, g = ∂L/∂θ, checked for divergence
                run.step(loss, batch);                         // θ ← optimizer.step(θ, clip(g))
                if (run.rowDue()) {
                    run.record(run.validate());                // a history row with the validation metrics
                    stoppedEarly = run.stop();                 // ReduceOnPlateau; early stopping
                    if (stoppedEarly) {
                        break;
                    }
                }
            }
            run.endEpoch(stoppedEarly);
        }
        return run.finish();
    }

    /** The history of the last {@link #fit} (or of the one running). */
    public Table history() {
        return history;
    }

    /** With early stopping: the index of the history row whose θ was kept, else -1. */
    public int bestRow() {
        return bestRow;
    }

    /** True when the last fit stopped before its last epoch. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    public Network network() {
        return net;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * One call of {@link #fit}: the batches, the optimizer that steps (the trainer's own, wrapped in
     * {@link ClipByGlobalNorm} when clipping), and the counts and sums of the run so far.
     */
    private final class Run {
        final Batches batches;
        private final INDArray validationTargets;
        private final Optimizer stepper;
        private final INDArray theta = net.theta(), grad = net.grad();
        private final Progress progress;
        private final EarlyStopping stopping;
        private final int rowEvery, lastStep;
        private final Interval row = new Interval(), epochStats = new Interval();
        private final long start = System.nanoTime();
        private INDArray best;
        private int step, epoch;
        private double firstLoss, norm;

        Run(DataSet train) {
            int b = rowsPerBatch(train.size());
            batches = inOrder ? train.batchesInOrder(b) : train.batches(b, seed);
            validationTargets = validation == null ? null : validation.oneHot();
            stepper = maxNorm < Double.POSITIVE_INFINITY ? new ClipByGlobalNorm(maxNorm, optimizer) : optimizer;
            progress = new Progress(quiet, epochs, batches.count(), validation != null);
            stopping = earlyStopping == null ? null : new EarlyStopping(earlyStopping.metric(), earlyStopping.patience());
            rowEvery = logEvery > 0 ? logEvery : batches.count();
            lastStep = epochs * batches.count();
            history = History.empty(validation != null);
            bestRow = -1;
            stoppedEarly = false;
            if (plateau != null) {
                optimizer.setLearningRate(plateau.learningRate());
            }
        }

        void scheduleEpoch(int epoch) {
            this.epoch = epoch;
            epochStats.clear();
            if (schedule != null && schedulePerEpoch) {
                optimizer.setLearningRate(schedule.valueAt(epoch - 1));
            }
        }

        void scheduleStep() {
            if (schedule != null && !schedulePerEpoch) {
                optimizer.setLearningRate(schedule.valueAt(step));
            }
        }

        /** L and g = ∂L/∂θ of the batch; throws {@link DivergedException} if anything is non-finite or L exploded. */
        double gradient(Batches.Batch batch) {
            double loss = net.gradient(batch.features(), batch.oneHot());
            step++;
            norm = Nd4j.getBlasWrapper().nrm2(grad);
            if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                throw diverged(DivergedException.nonFinite(net, loss, norm));
            }
            if (step == 1) {
                firstLoss = loss;
            } else if (loss > EXPLODED * firstLoss && firstLoss > 0) {
                throw diverged(DivergedException.exploded(loss, firstLoss, EXPLODED));
            }
            return loss;
        }

        void step(double loss, Batches.Batch batch) {
            stepper.step(theta, grad);
            row.add(loss, net.lastCorrect(), batch.size(), norm);
            epochStats.add(loss, net.lastCorrect(), batch.size(), norm);
            progress.step(step, epoch, loss, optimizer.learningRate());
        }

        /** The validation loss and accuracy in eval mode, or NaNs without validation. */
        double[] validate() {
            if (validation == null) {
                return new double[] {Double.NaN, Double.NaN};
            }
            Network.Evaluation e = net.evaluate(validation.features(), validationTargets);
            if (!Double.isFinite(e.loss())) {
                throw diverged("the validation loss is " + e.loss());
            }
            return new double[] {e.loss(), e.accuracy()};
        }

        boolean rowDue() {
            return step % rowEvery == 0 || step == lastStep;
        }

        void record(double[] val) {
            History.add(history, step, epoch, row.loss(), row.accuracy(), optimizer.learningRate(),
                    row.gradNorm(), (System.nanoTime() - start) / 1e9, val[0], val[1]);
            row.clear();
        }

        /** Feeds ReduceOnPlateau, keeps the best θ; true when early stopping ends the run. */
        boolean stop() {
            if (plateau != null) {
                optimizer.setLearningRate(plateau.step(lastValue(validation != null ? "val_loss" : "loss")));
            }
            boolean stop = false;
            if (stopping != null) {
                if (stopping.improved(lastValue(stopping.metric()))) {
                    bestRow = stopping.bestIndex();
                    best = best == null ? theta.dup() : best.assign(theta);
                } else {
                    stop = stopping.shouldStop();
                }
            }
            progress.row(history, stop);
            return stop;
        }

        void endEpoch(boolean stopped) {
            if (!stopped) {
                progress.epoch(epoch, epochStats, history);
            }
        }

        Table finish() {
            String badTheta = DivergedException.inTheta(net);          // the last update's result
            if (badTheta != null) {
                throw diverged(badTheta);
            }
            if (best != null) {
                theta.assign(best);
            }
            progress.done(history);
            return history;
        }

        private DivergedException diverged(String what) {
            return new DivergedException(what, step, epoch, optimizer.learningRate(), history);
        }
    }

    private double lastValue(String column) {
        return history.doubleColumn(column).getDouble(history.rowCount() - 1);
    }

    private Trainer schedule(Schedule s, boolean perEpoch) {
        if (plateau != null) {
            throw new IllegalArgumentException("a schedule cannot be combined with reduceOnPlateau");
        }
        this.schedule = Objects.requireNonNull(s, "schedule");
        this.schedulePerEpoch = perEpoch;
        return this;
    }

    /** Everything fit needs, checked before θ changes. */
    private void requireReady(DataSet train) {
        requireData("train", train);
        if (validation != null) {
            requireData("validation", validation);
        }
        if (rowsPerBatch(train.size()) > train.size()) {
            throw new IllegalArgumentException("batchSize " + batchSize + " is larger than the " + train.size()
                    + " rows of train; batchSize(" + train.size() + ") is full-batch gradient descent");
        }
        if (earlyStopping != null && earlyStopping.metric().startsWith("val_") && validation == null) {
            throw new IllegalArgumentException("early stopping on " + earlyStopping.metric() + " needs validation(...)");
        }
        requireNoBatchOfOne(train.size());
        requireGoodRates(train.size());
        String badTheta = DivergedException.inTheta(net);
        if (badTheta != null) {
            throw new IllegalArgumentException("the network cannot train: " + badTheta + " before the first step");
        }
    }

    /** {@code data} fits the network: rows, features, type and classes, every feature finite. */
    private void requireData(String name, DataSet data) {
        if (data == null) {
            throw new IllegalArgumentException(name + " must be a data set, got null");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException(name + " must have >= 1 row, got 0");
        }
        if (data.numFeatures() != net.inputSize() || data.dataType() != net.dtype()) {
            throw new IllegalArgumentException(name + " must have " + net.inputSize() + " features of type "
                    + net.dtype() + " like the network, got " + data.numFeatures() + " of " + data.dataType());
        }
        if (data.numClasses() != net.outputSize()) {
            throw new IllegalArgumentException(name + " must have " + net.outputSize() + " classes, one per output of"
                    + " the network, got " + data.numClasses());
        }
        data.requireFinite(name);
    }

    /** The schedule's rate at every step (or epoch) of the run is a finite number >= 0. */
    private void requireGoodRates(int rows) {
        if (schedule == null) {
            return;
        }
        int b = rowsPerBatch(rows);
        int steps = schedulePerEpoch ? epochs : epochs * ((rows + b - 1) / b);
        for (int t = 0; t < steps; t++) {
            double lr = schedule.valueAt(t);
            if (!(Double.isFinite(lr) && lr >= 0)) {
                throw new IllegalArgumentException("schedule " + schedule + " gives " + lr + " at "
                        + (schedulePerEpoch ? "epoch " : "step ") + t + " of this run; a learning rate must be"
                        + " a finite number >= 0");
            }
        }
    }

    /** Refuses a batch-norm network a mini-batch of one row (see the class comment). */
    private void requireNoBatchOfOne(int n) {
        int b = rowsPerBatch(n);
        boolean batchOfOne = b == 1 || n % b == 1;
        if (!batchOfOne || net.layers().stream().noneMatch(l -> l instanceof BatchNorm)) {
            return;
        }
        if (n < 2) {
            throw new IllegalArgumentException("train must have >= 2 rows to train a network with batch norm, got " + n);
        }
        int fit = b;
        for (int d = 1; fit < 2 || n % fit == 1; d++) {
            fit = n % (b + d) != 1 ? b + d : b - d;            // the nearest batch size that works; n itself does
        }
        throw new IllegalArgumentException("batchSize " + b + (b == 1 ? " makes every mini-batch a single example"
                : " leaves the last mini-batch of each epoch with 1 of the " + n + " rows of train")
                + ", and batch norm cannot train on one example (its batch variance is 0); use a batch size that leaves"
                + " 0 or >= 2 rows over, e.g. batchSize(" + fit + ")" + (b == 1 ? "" : ", or train on " + (n - 1) + " rows"));
    }

    /** The rows per mini-batch for a data set of {@code rows} rows. */
    private int rowsPerBatch(int rows) {
        return batchSize > 0 ? batchSize : Math.min(64, rows);
    }

    private static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return value;
    }

    /** Running sums over the steps of one history row (or one epoch). */
    static final class Interval {
        int steps;
        long seen;
        long correct;
        double lossSum;
        double normSum;

        void add(double loss, int correctInBatch, int batch, double norm) {
            steps++;
            seen += batch;
            correct += correctInBatch;
            lossSum += loss;
            normSum += norm;
        }

        double loss() {
            return lossSum / steps;
        }

        double accuracy() {
            return (double) correct / seen;
        }

        double gradNorm() {
            return normSum / steps;
        }

        void clear() {
            steps = 0;
            seen = 0;
            correct = 0;
            lossSum = 0;
            normSum = 0;
        }
    }
}
