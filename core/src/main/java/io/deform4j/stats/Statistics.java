package io.deform4j.stats;

import java.util.Arrays;

/** Order statistics of samples: the one median of the project (tables, timings, studies). */
public final class Statistics {

    private Statistics() {
    }

    /**
     * The median of {@code values} (the mean of the two middle values for an even count), or NaN
     * for none; the array is not changed.
     */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /**
     * The {@code q}-quantile with linear interpolation between order statistics (NumPy's default,
     * {@code numpy.quantile(values, q)}), or NaN for no values.
     *
     * @throws IllegalArgumentException if q is outside [0, 1]
     */
    public static double quantile(double[] values, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
