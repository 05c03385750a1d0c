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

    /** Default range of α (Li et al., Fig. 5 of the paper): −1 to 1. */
    public static final String DEFAULT_RANGE = "-1:1";
    /** Default number of points of a curve. */
    public static final int DEFAULT_POINTS = 51;

    public Grid {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
            throw new IllegalArgumentException("grid range must be FROM:TO with finite FROM < TO, got " + from + ":" + to);
        }
        if (points < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points, got " + points);
        }
    }

    /** Parses {@code FROM:TO} (e.g. {@code -1:1}, {@code -0.5:1.5}) into a grid of {@code points} values. */
    public static Grid parse(String range, int points) {
        String[] parts = range == null ? new String[0] : range.trim().split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("range '" + range + "' does not parse: expected FROM:TO such as -1:1");
        }
        try {
            return new Grid(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), points);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("range '" + range + "' does not parse: expected FROM:TO with two numbers, such as -1:1");
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
