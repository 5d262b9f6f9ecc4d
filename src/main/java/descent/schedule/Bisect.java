package descent.schedule;

/** Where a step falls among sorted boundaries, as Python's {@code bisect_right}. */
final class Bisect {
    private Bisect() {}

    /** How many of the sorted {@code points} are <= t. */
    static int right(int[] points, int t) {
        int n = 0;
        while (n < points.length && points[n] <= t) n++;
        return n;
    }
}
