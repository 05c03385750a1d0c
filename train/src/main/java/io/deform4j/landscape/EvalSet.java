package io.deform4j.landscape;

import io.deform4j.data.Batch;
import io.deform4j.data.BatchLoader;
import io.deform4j.data.ImageDataset;
import io.deform4j.data.LoaderConfig;
import io.deform4j.data.Normalization;
import io.deform4j.data.Preprocessing;
import io.deform4j.data.Subsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fixed set of examples to evaluate on, in fixed batches: no shuffling, no augmentation,
 * per-channel normalisation only. Small sets are prepared once and kept on the host (every point
 * of a curve then skips the decoding); sets above {@value #CACHE_LIMIT_FLOATS} floats are streamed
 * again for every pass.
 */
public final class EvalSet {

    /** Largest set, in floats of normalised pixels, kept in memory (256 MiB). */
    public static final long CACHE_LIMIT_FLOATS = 64L << 20;
    /** Examples per batch by default. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final String name;
    private final int examples;
    private final List<Batch> cached;
    private final ImageDataset data;
    private final LoaderConfig config;

    private EvalSet(String name, int examples, List<Batch> cached, ImageDataset data, LoaderConfig config) {
        this.name = name;
        this.examples = examples;
        this.cached = cached;
        this.data = data;
        this.config = config;
    }

    /** Batches given explicitly (tests, small in-memory sets). */
    public static EvalSet of(String name, List<Batch> batches) {
        return new EvalSet(name, batches.stream().mapToInt(Batch::size).sum(), List.copyOf(batches), null, null);
    }

    /**
     * The examples of {@code data}, or a fixed class-balanced subset of {@code limit} of them
     * (0 = all), normalised with {@code normalization}.
     */
    public static EvalSet of(String name, ImageDataset data, Normalization normalization, int limit, long seed,
            int batchSize) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all), got " + limit);
        }
        ImageDataset subset = limit > 0 && limit < data.size() ? Subsets.balanced(data, limit, seed) : data;
        LoaderConfig config = LoaderConfig.test(batchSize, Preprocessing.normalizeOnly(normalization));
        long floats = (long) subset.size() * subset.channels() * subset.height() * subset.width();
        if (floats > CACHE_LIMIT_FLOATS) {
            return new EvalSet(name, subset.size(), null, subset, config);
        }
        List<Batch> batches = new ArrayList<>();
        try (BatchLoader loader = BatchLoader.open(subset, config, 0)) {
            loader.forEachRemaining(batches::add);
        }
        return new EvalSet(name, subset.size(), List.copyOf(batches), null, null);
    }

    /** The set's name (e.g. {@code train}, {@code test}). */
    public String name() {
        return name;
    }

    /** The number of examples. */
    public int examples() {
        return examples;
    }

    /** Hands every batch to {@code action}, in the same order on every call. */
    public void forEach(Consumer<Batch> action) {
        if (cached != null) {
            cached.forEach(action);
            return;
        }
        try (BatchLoader loader = BatchLoader.open(data, config, 0)) {
            loader.forEachRemaining(action);
        }
    }
}
