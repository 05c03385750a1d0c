package io.deform4j.landscape;

import java.util.Random;

/**
 * The trace of a symmetric operator by Hutchinson's estimator, as PyHessian's
 * {@code hessian.trace(maxIter, tol)}: tr(H) = E[vᵀHv] for Rademacher vectors v (entries ±1).
 *
 * <pre>
 * for s in 1..maxSamples:
 *     v ← Rademacher(n)            (from the seed)
 *     t_s ← vᵀ·H·v
 *     stop if s ≥ minSamples and |mean(t_1..t_s) − mean(t_1..t_{s−1})| / (|mean(t_1..t_{s−1})| + 1e-6) &lt; tolerance
 * mean = mean(t),  stderr = sd(t) / √s   (sample standard deviation; 0 for one sample)
 * </pre>
 *
 * <p>Each sample costs one Hessian-vector product. The variance of one sample is
 * 2·Σ_{i≠j} H_ij², so the standard error says how far the estimate may be from the trace.
 *
 * @param maxSamples cap on the samples, ≥ 1 ({@value #DEFAULT_MAX_SAMPLES} by default, PyHessian: 100)
 * @param minSamples samples before the tolerance may stop the estimate, in [1, maxSamples] (default {@value #DEFAULT_MIN_SAMPLES})
 * @param tolerance  relative change of the running mean that stops, ≥ 0; 0 = always take maxSamples (PyHessian: 1e-3)
 * @param seed       seed of the Rademacher vectors
 */
public record Hutchinson(int maxSamples, int minSamples, double tolerance, long seed) {

    /** Default cap on the samples. */
    public static final int DEFAULT_MAX_SAMPLES = 100;
    /** Default minimum number of samples (a standard error needs a few). */
    public static final int DEFAULT_MIN_SAMPLES = 10;
    /** Default relative tolerance (PyHessian: 1e-3). */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    public Hutchinson {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("trace samples must be >= 1, got " + maxSamples);
        }
        if (minSamples < 1 || minSamples > maxSamples) {
            throw new IllegalArgumentException("minimum trace samples must be in [1, " + maxSamples + "], got " + minSamples);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("trace tolerance must be a finite number >= 0, got " + tolerance);
        }
    }

    /**
     * A trace estimate.
     *
     * @param mean    the estimate of tr(H)
     * @param stderr  its standard error, sd/√samples
     * @param samples Rademacher samples (= Hessian-vector products) used
     */
    public record Estimate(double mean, double stderr, int samples) {
    }

    /** Estimates tr(H). */
    public Estimate run(HessianVectorProduct hessian) {
        int n = hessian.dimension();
        Random random = new Random(seed);
        double sum = 0;
        double sumSquares = 0;
        int s = 0;
        double previousMean = 0;
        while (s < maxSamples) {
            double[] v = Vectors.rademacher(n, random);
            double t = Vectors.dot(v, hessian.apply(v));
            s++;
            sum += t;
            sumSquares += t * t;
            double mean = sum / s;
            if (s >= minSamples && s > 1 && tolerance > 0
                    && Math.abs(mean - previousMean) / (Math.abs(previousMean) + 1e-6) < tolerance) {
                break;
            }
            previousMean = mean;
        }
        double mean = sum / s;
        double variance = s > 1 ? Math.max(0, (sumSquares - s * mean * mean) / (s - 1)) : 0;
        return new Estimate(mean, Math.sqrt(variance / s), s);
    }
}
