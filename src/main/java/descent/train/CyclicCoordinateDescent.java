package descent.train;

import descent.display.Display;
import descent.display.Html;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Hyper-parameter search by cyclic coordinate descent in the coordinates of Page (2019), "How to
 * train your ResNet, part 5: hyperparameters", where the flat directions of SGD with momentum ρ,
 * learning rate λ and weight decay α (batch norm after the weights) are separated:
 * <pre>
 *   u = λα/(1−ρ)     the shrink per step of the weights, which sets the effective learning rate
 *   1 − ρ            the momentum, as the fraction of the velocity forgotten each step
 *   α                the weight decay, with u and ρ held (so λ = u(1−ρ)/α moves with it)
 * </pre>
 * From a start, each coordinate in turn is doubled and halved (the two runs train at once, one
 * per core, through a {@link Sweep}); when the better of them beats the best accuracy so far by
 * more than the {@link #margin} the search moves there and tries the same coordinate again,
 * otherwise it goes on to the next one. It stops after three coordinates in a row bring nothing,
 * or after {@code maxRuns} runs. A setting is never trained twice; ρ must stay ≥ 0. For
 * comparison, {@link #inPlainCoordinates} searches λ, 1 − ρ and α themselves, each move holding
 * the other two (so a move of 1 − ρ or α also changes λα/(1−ρ)).
 *
 * <p>Each run is a training, given as for a {@link Sweep}: a function of a point with the values
 * "λ" (learning rate), "ρ" (momentum) and "α" (weight decay) that returns the history; its last val_accuracy is the
 * score (a diverged run scores its last row, or 0 without one).
 */
public final class CyclicCoordinateDescent {

    private static final String[] PAGE = {"λα/(1−ρ)", "1−ρ", "α"};
    private static final String[] PLAIN = {"λ", "1−ρ", "α"};

    private final double lr, momentum, weightDecay;
    private int maxRuns = 20;
    private double margin = 0;
    private boolean plain = false;

    private CyclicCoordinateDescent(double lr, double momentum, double weightDecay) {
        if (!(lr > 0 && Double.isFinite(lr))) {
            throw new IllegalArgumentException("lr must be a finite number > 0, got " + lr);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay > 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("weightDecay must be a finite number > 0, got " + weightDecay);
        }
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    /** A search starting from learning rate λ, momentum ρ and weight decay α. */
    public static CyclicCoordinateDescent from(double lr, double momentum, double weightDecay) {
        return new CyclicCoordinateDescent(lr, momentum, weightDecay);
    }

    /** The most trainings to run, the start included (default 20). */
    public CyclicCoordinateDescent maxRuns(int maxRuns) {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be >= 1, got " + maxRuns);
        }
        this.maxRuns = maxRuns;
        return this;
    }

    /**
     * A move is taken only when it beats the best accuracy so far by more than this (default 0):
     * set it to the run-to-run noise, so that luck does not steer the search.
     */
    public CyclicCoordinateDescent margin(double margin) {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
        }
        this.margin = margin;
        return this;
    }

    /** Searches λ, 1 − ρ and α themselves instead of Page's λα/(1−ρ), 1 − ρ and α. */
    public CyclicCoordinateDescent inPlainCoordinates() {
        this.plain = true;
        return this;
    }

    /**
     * Runs the search; returns one row per training in the order run, as the table of Page's post:
     * run, move (which coordinate, doubled or halved), λ, ρ, α, λα/(1−ρ), val_accuracy, seconds,
     * and best (true on the rows where the search moved).
     */
    public Table run(Function<Sweep.Point, Table> training) {
        Objects.requireNonNull(training, "training");
        Table runs = Table.create("coordinate descent", IntColumn.create("run"), StringColumn.create("move"),
                DoubleColumn.create("λ"), DoubleColumn.create("ρ"), DoubleColumn.create("α"),
                DoubleColumn.create("λα/(1−ρ)"), DoubleColumn.create("val_accuracy"),
                DoubleColumn.create("seconds"), BooleanColumn.create("best"));
        runs.doubleColumn("val_accuracy").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
        runs.doubleColumn("seconds").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        Map<Setting, Double> seen = new HashMap<>();
        Search search = new Search(maxRuns);
        Setting best = new Setting(lr * weightDecay / (1 - momentum), 1 - momentum, weightDecay);
        double bestScore = evaluate(List.of(best), List.of("start"), training, runs, seen)[0];
        search.show(runs.rowCount(), bestScore);
        runs.booleanColumn("best").set(0, true);
        int coordinate = 0;
        int stale = 0;
        String[] coordinates = plain ? PLAIN : PAGE;
        while (runs.rowCount() < maxRuns && stale < coordinates.length) {
            List<Setting> tries = new ArrayList<>();
            List<String> moves = new ArrayList<>();
            for (double factor : new double[] {2, 0.5}) {
                Setting s = plain ? best.timesPlain(coordinate, factor) : best.times(coordinate, factor);
                if (s.oneMinusRho() <= 1 && !seen.containsKey(s) && tries.size() < maxRuns - runs.rowCount()) {
                    tries.add(s);
                    moves.add(coordinates[coordinate] + (factor > 1 ? " ×2" : " ×½"));
                }
            }
            int first = runs.rowCount();
            double[] scores = evaluate(tries, moves, training, runs, seen);
            search.show(runs.rowCount(), runs.doubleColumn("val_accuracy").max());
            int winner = -1;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] > bestScore + margin && (winner < 0 || scores[i] > scores[winner])) {
                    winner = i;
                }
            }
            if (winner >= 0) {
                best = tries.get(winner);
                bestScore = scores[winner];
                runs.booleanColumn("best").set(first + winner, true);
                stale = 0;
            } else {
                stale++;
                coordinate = (coordinate + 1) % coordinates.length;
            }
        }
        return runs;
    }

    /** In a notebook, one progress bar for the search: runs so far of at most maxRuns, and the best accuracy. */
    private static final class Search {
        private final int maxRuns;
        private final long start = System.nanoTime();
        private String bar;

        Search(int maxRuns) {
            this.maxRuns = maxRuns;
        }

        void show(int runs, double best) {
            if (!Display.interactive()) {
                return;
            }
            Html html = Progress.bar((double) runs / maxRuns, String.format(
                    "coordinate descent · run %d of at most %d · best val_accuracy so far %.3f · %.1f s",
                    runs, maxRuns, best, (System.nanoTime() - start) / 1e9));
            if (bar == null) {
                bar = Display.display(html);
            } else {
                Display.update(bar, html);
            }
        }
    }

    /** Trains the settings side by side and appends their rows; returns their scores. */
    private static double[] evaluate(List<Setting> settings, List<String> moves, Function<Sweep.Point, Table> training,
                                     Table runs, Map<Setting, Double> seen) {
        if (settings.isEmpty()) {
            return new double[0];
        }
        int[] index = new int[settings.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        Table results = Sweep.grid().axis("setting", index).withoutProgress()
                .run(p -> training.apply(settings.get(p.getInt("setting")).point()));
        double[] scores = new double[settings.size()];
        for (int i = 0; i < scores.length; i++) {
            Setting s = settings.get(i);
            double acc = results.containsColumn(History.VAL_ACCURACY)
                    ? results.doubleColumn(History.VAL_ACCURACY).getDouble(i) : Double.NaN;
            scores[i] = Double.isNaN(acc) ? 0 : acc;
            seen.put(s, scores[i]);
            runs.intColumn("run").append(runs.rowCount() + 1);
            runs.stringColumn("move").append(moves.get(i));
            runs.doubleColumn("λ").append(s.lr());
            runs.doubleColumn("ρ").append(s.momentum());
            runs.doubleColumn("α").append(s.alpha());
            runs.doubleColumn("λα/(1−ρ)").append(s.u());
            runs.doubleColumn("val_accuracy").append(scores[i]);
            runs.doubleColumn("seconds").append(results.doubleColumn(History.SECONDS).getDouble(i));
            runs.booleanColumn("best").append(false);
        }
        return scores;
    }

    /** A point of the search in its own coordinates; doubling and halving are exact in binary. */
    private record Setting(double u, double oneMinusRho, double alpha) {

        double lr() {
            return u * oneMinusRho / alpha;                           // λ = u(1−ρ)/α
        }

        double momentum() {
            return 1 - oneMinusRho;
        }

        Setting times(int coordinate, double factor) {
            return switch (coordinate) {
                case 0 -> new Setting(u * factor, oneMinusRho, alpha);
                case 1 -> new Setting(u, oneMinusRho * factor, alpha);
                default -> new Setting(u, oneMinusRho, alpha * factor);
            };
        }

        /** The move with λ held: λ×f scales u by f, (1−ρ)×f by 1/f, α×f by f. */
        Setting timesPlain(int coordinate, double factor) {
            return switch (coordinate) {
                case 0 -> new Setting(u * factor, oneMinusRho, alpha);
                case 1 -> new Setting(u / factor, oneMinusRho * factor, alpha);
                default -> new Setting(u * factor, oneMinusRho, alpha * factor);
            };
        }

        Sweep.Point point() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("λ", lr());
            values.put("ρ", momentum());
            values.put("α", alpha);
            return new Sweep.Point(values);
        }
    }
}
