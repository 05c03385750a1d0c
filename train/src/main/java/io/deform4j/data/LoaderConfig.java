package io.deform4j.data;

import java.util.Objects;

/**
 * How {@link BatchLoader} cuts an epoch into batches.
 *
 * @param batchSize     examples per batch, positive
 * @param shuffle       whether each epoch visits the examples in a seeded random order
 * @param augmentation  per-example augmentation ({@link Augmentation#NONE} in test mode)
 * @param normalization per-channel normalisation
 * @param seed          seed of the shuffle and of every example's augmentation
 * @param workers       threads that decode, augment and normalise; 0 = on the caller's thread;
 *                      default {@value #DEFAULT_WORKERS}
 * @param prefetch      batches prepared ahead of the consumer, ≥ 1; default {@value #DEFAULT_PREFETCH}
 * @param dropLast      whether an incomplete last batch is dropped; default {@code false}, as
 *                      PyTorch's {@code DataLoader}
 */
public record LoaderConfig(int batchSize, boolean shuffle, Augmentation augmentation, Normalization normalization,
        long seed, int workers, int prefetch, boolean dropLast) {

    /** Default number of worker threads. */
    public static final int DEFAULT_WORKERS = 2;
    /** Default number of batches prepared ahead. */
    public static final int DEFAULT_PREFETCH = 4;

    public LoaderConfig {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(normalization, "normalization");
        if (workers < 0) {
            throw new IllegalArgumentException("worker threads must be >= 0 (0 = caller's thread), got " + workers);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be >= 1 batch, got " + prefetch);
        }
    }

    /** Training: shuffled, the training augmentation of {@code preprocessing}, default workers. */
    public static LoaderConfig train(int batchSize, Preprocessing preprocessing, long seed) {
        return new LoaderConfig(batchSize, true, preprocessing.train(), preprocessing.normalization(), seed,
                DEFAULT_WORKERS, DEFAULT_PREFETCH, false);
    }

    /** Evaluation: data-set order, the test augmentation of {@code preprocessing}, default workers. */
    public static LoaderConfig test(int batchSize, Preprocessing preprocessing) {
        return new LoaderConfig(batchSize, false, preprocessing.test(), preprocessing.normalization(), 0,
                DEFAULT_WORKERS, DEFAULT_PREFETCH, false);
    }

    public LoaderConfig withWorkers(int threads) {
        return new LoaderConfig(batchSize, shuffle, augmentation, normalization, seed, threads, prefetch, dropLast);
    }

    public LoaderConfig withPrefetch(int batches) {
        return new LoaderConfig(batchSize, shuffle, augmentation, normalization, seed, workers, batches, dropLast);
    }

    public LoaderConfig withDropLast(boolean drop) {
        return new LoaderConfig(batchSize, shuffle, augmentation, normalization, seed, workers, prefetch, drop);
    }

    public LoaderConfig withSeed(long newSeed) {
        return new LoaderConfig(batchSize, shuffle, augmentation, normalization, newSeed, workers, prefetch, dropLast);
    }

    public LoaderConfig withBatchSize(int size) {
        return new LoaderConfig(size, shuffle, augmentation, normalization, seed, workers, prefetch, dropLast);
    }
}
