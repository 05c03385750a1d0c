package io.deform4j.landscape;

/**
 * Evenly spaced values {@code from, …, to} ({@code points} of them, both ends included): the α of
 * a loss curve, or one axis of a surface.
 *
 * @param from   the first value
 * @param to     the last value, &gt; from
 * @param points how many values, ≥ 2
 */
public record Grid(double from, double to, int points) {

    public Grid {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
            throw new IllegalArgumentException("a grid needs finite from < to, got from " + from + ", to " + to);
        }
        if (points < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points, got " + points);
        }
    }

    /** The i-th value, i in [0, points). Exact at both ends, and 0 is exact when it lies on the grid. */
    public double value(int i) {
        if (i < 0 || i >= points) {
            throw new IndexOutOfBoundsException("grid index " + i + " outside [0, " + points + ")");
        }
        if (i == points - 1) {
            return to;
        }
        double v = from + (to - from) * i / (points - 1);
        return Math.abs(v) < 1e-12 * (to - from) ? 0.0 : v;
    }

    /** All values. */
    public double[] values() {
        double[] v = new double[points];
        for (int i = 0; i < points; i++) {
            v[i] = value(i);
        }
        return v;
    }
}
