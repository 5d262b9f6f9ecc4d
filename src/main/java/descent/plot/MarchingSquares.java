package descent.plot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Iso-lines f = c of a function sampled on a grid, by marching squares.
 *
 * <p>Each grid cell's four corners are either above the level (f ≥ c) or below. Where the two ends
 * of a cell edge disagree, the line crosses that edge at the linearly interpolated point
 * t = (c − f₀)/(f₁ − f₀). A cell has 0, 2 or 4 crossings; 2 are joined by a segment, 4 (a saddle
 * cell) are paired by the value at the cell's centre. Segments that share an edge crossing are
 * then chained into polylines (W. E. Lorensen and H. E. Cline, "Marching cubes", SIGGRAPH 1987,
 * in its two-dimensional form).
 */
public final class MarchingSquares {

    private MarchingSquares() {
    }

    /**
     * The iso-lines {@code z = level}, where {@code z[i][j]} = f(xs[i], ys[j]) and xs, ys are
     * increasing. Each polyline is {xs, ys}; a closed one repeats its first point at the end.
     */
    public static List<double[][]> isoLines(double[] xs, double[] ys, double[][] z, double level) {
        int nx = xs.length;
        int ny = ys.length;
        if (nx < 2 || ny < 2 || z.length != nx) {
            throw new IllegalArgumentException("z must be xs.length × ys.length with at least 2 × 2 samples, got "
                    + z.length + " rows for " + nx + " × " + ny);
        }
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("level must be a finite number, got " + level);
        }
        Map<Long, double[]> crossing = new HashMap<>();   // edge id → the point where the line crosses it
        Map<Long, List<long[]>> segmentsAt = new HashMap<>();
        List<long[]> segments = new ArrayList<>();
        for (int i = 0; i + 1 < nx; i++) {
            if (z[i].length != ny || z[i + 1].length != ny) {
                throw new IllegalArgumentException("z must be xs.length × ys.length, row " + i + " has "
                        + z[i].length + " columns for " + ny);
            }
            for (int j = 0; j + 1 < ny; j++) {
                // Corners counter-clockwise a=(i,j), b=(i+1,j), c=(i+1,j+1), d=(i,j+1); edges bottom, right, top, left.
                long[] edge = {horizontal(i, j, ny), vertical(i + 1, j, ny), horizontal(i, j + 1, ny), vertical(i, j, ny)};
                double[] f = {z[i][j], z[i + 1][j], z[i + 1][j + 1], z[i][j + 1]};
                List<Long> crossed = new ArrayList<>(4);
                for (int e = 0; e < 4; e++) {
                    double f0 = f[e];
                    double f1 = f[(e + 1) % 4];
                    if ((f0 >= level) != (f1 >= level)) {
                        crossed.add(edge[e]);
                        crossing.computeIfAbsent(edge[e], id -> point(id, xs, ys, z, level));
                    }
                }
                if (crossed.size() == 2) {
                    segments.add(new long[] {crossed.get(0), crossed.get(1)});
                } else if (crossed.size() == 4) {
                    double centre = (f[0] + f[1] + f[2] + f[3]) / 4;
                    if ((centre >= level) == (f[0] >= level)) {   // a and c joined through the centre: cut off b and d
                        segments.add(new long[] {edge[0], edge[1]});
                        segments.add(new long[] {edge[2], edge[3]});
                    } else {                                        // b and d joined: cut off a and c
                        segments.add(new long[] {edge[3], edge[0]});
                        segments.add(new long[] {edge[1], edge[2]});
                    }
                }
            }
        }
        for (long[] s : segments) {
            segmentsAt.computeIfAbsent(s[0], k -> new ArrayList<>(2)).add(s);
            segmentsAt.computeIfAbsent(s[1], k -> new ArrayList<>(2)).add(s);
        }
        return chain(segments, segmentsAt, crossing);
    }

    private static List<double[][]> chain(List<long[]> segments, Map<Long, List<long[]>> segmentsAt,
            Map<Long, double[]> crossing) {
        List<double[][]> lines = new ArrayList<>();
        Set<long[]> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (long[] first : segments) {
            if (!used.add(first)) {
                continue;
            }
            Deque<Long> line = new ArrayDeque<>();
            line.add(first[0]);
            line.add(first[1]);
            extend(line, first, false, segmentsAt, used);
            extend(line, first, true, segmentsAt, used);
            double[][] xy = new double[2][line.size()];
            int k = 0;
            for (long id : line) {
                double[] p = crossing.get(id);
                xy[0][k] = p[0];
                xy[1][k] = p[1];
                k++;
            }
            lines.add(xy);
        }
        return lines;
    }

    /** Follows unused segments from the line's tail (or head), adding the edge each one leads to. */
    private static void extend(Deque<Long> line, long[] from, boolean atHead, Map<Long, List<long[]>> segmentsAt,
            Set<long[]> used) {
        long end = atHead ? line.peekFirst() : line.peekLast();
        while (true) {
            long[] next = null;
            for (long[] s : segmentsAt.get(end)) {
                if (!used.contains(s)) {
                    next = s;
                    break;
                }
            }
            if (next == null) {
                return;
            }
            used.add(next);
            end = next[0] == end ? next[1] : next[0];
            if (atHead) {
                line.addFirst(end);
            } else {
                line.addLast(end);
            }
        }
    }

    /** The edge from grid point (i, j) to (i+1, j). */
    private static long horizontal(int i, int j, int ny) {
        return 2L * ((long) i * ny + j);
    }

    /** The edge from grid point (i, j) to (i, j+1). */
    private static long vertical(int i, int j, int ny) {
        return 2L * ((long) i * ny + j) + 1;
    }

    private static double[] point(long id, double[] xs, double[] ys, double[][] z, double level) {
        int ny = ys.length;
        long node = id / 2;
        int i = (int) (node / ny);
        int j = (int) (node % ny);
        boolean isHorizontal = id % 2 == 0;
        int i1 = isHorizontal ? i + 1 : i;
        int j1 = isHorizontal ? j : j + 1;
        double t = (level - z[i][j]) / (z[i1][j1] - z[i][j]);
        return new double[] {xs[i] + t * (xs[i1] - xs[i]), ys[j] + t * (ys[j1] - ys[j])};
    }
}
