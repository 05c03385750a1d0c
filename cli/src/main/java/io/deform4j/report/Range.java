package io.deform4j.report;

/**
 * A closed interval [lo, hi] of real numbers, written {@code LO:HI} on the command line (read by
 * {@code io.deform4j.cli.RangeConverter}): the losses of a mapping plot, the square random starts
 * are drawn from, the α of a loss curve.
 *
 * @param lo the lower end, finite
 * @param hi the upper end, finite and &gt; lo
 */
public record Range(double lo, double hi) {

    /** Validates: the message says what was expected and what was given. */
    public Range {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("expected LO:HI with finite LO < HI, got " + lo + ":" + hi);
        }
    }

    /** {@code LO:HI}, e.g. {@code -0.5:1.5}. */
    @Override
    public String toString() {
        return lo + ":" + hi;
    }
}
