package io.deform4j.train;

import io.deform4j.data.Batch;
import io.deform4j.data.BatchLoader;
import io.deform4j.data.ImageDataset;
import io.deform4j.data.LoaderConfig;
import io.deform4j.data.Preprocessing;
import io.deform4j.data.Subsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fixed set of examples to evaluate on ({@link Evaluator}), in fixed batches: data-set order, no
 * shuffling, the deterministic test-time preprocessing of the data (normalisation, and e.g. a
 * centre crop; never the random training augmentation). Either streamed through a
 * {@link BatchLoader} on every pass, or prepared once and kept on the host (every point of a
 * landscape curve then skips the decoding).
 */
public final class EvalSet {

    /** Largest set, in floats of normalised pixels, that {@link #of(String, ImageDataset, Preprocessing, int, long, int)} keeps in memory (256 MiB). */
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
     * Every example of {@code data}, read through {@code config} (which must not shuffle) on every
     * pass: the test set of a training run, evaluated once per epoch.
     *
     * @throws IllegalArgumentException if {@code config} shuffles or augments at random
     */
    public static EvalSet streamed(String name, ImageDataset data, LoaderConfig config) {
        if (config.shuffle() || config.augmentation().isRandom()) {
            throw new IllegalArgumentException("an evaluation set is read in a fixed order without random "
                    + "augmentation, got " + config);
        }
        return new EvalSet(name, data.size(), null, data, config);
    }

    /**
     * The examples of {@code data}, or a fixed class-balanced subset of {@code limit} of them
     * (0 = all), with the test-time preprocessing of {@code preprocessing}, in batches of
     * {@code batchSize}; kept in memory up to {@value #CACHE_LIMIT_FLOATS} floats, streamed
     * again for every pass above.
     */
    public static EvalSet of(String name, ImageDataset data, Preprocessing preprocessing, int limit, long seed,
            int batchSize) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all), got " + limit);
        }
        ImageDataset subset = limit > 0 && limit < data.size() ? Subsets.balanced(data, limit, seed) : data;
        EvalSet streamed = streamed(name, subset, LoaderConfig.test(batchSize, preprocessing));
        long floats = (long) subset.size() * subset.channels() * subset.height() * subset.width();
        if (floats > CACHE_LIMIT_FLOATS) {
            return streamed;
        }
        List<Batch> batches = new ArrayList<>();
        streamed.forEach(batches::add);
        return of(name, batches);
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
