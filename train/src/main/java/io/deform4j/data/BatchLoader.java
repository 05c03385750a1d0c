package io.deform4j.data;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batches of one epoch, in order: shuffled (or not), decoded where the data set reads files,
 * augmented and normalised on host bytes by a small pool of worker threads, a few batches ahead
 * of the consumer. A resizing augmentation ({@link Augmentation#scales()}) works on each
 * example's {@link ImageDataset#picture(int)} at its own size (ImageNet, decoded per batch),
 * any other on its fixed-size {@link ImageDataset#image(int)}.
 *
 * <p>Determinism: the visiting order depends only on {@code (seed, epoch)} ({@link #order}) and
 * the augmentation of an example only on {@code (seed, epoch, index)} ({@link #exampleSeed}),
 * where {@code index} is the example's place in the data set; so the batches are the same
 * whatever the number of threads, and batch {@code b} is the same whether the loader started at
 * batch 0 or at any batch up to {@code b} ({@link #open(ImageDataset, LoaderConfig, int, int)}: a
 * run resumed inside an epoch skips the batches it has trained on without decoding them). A worker's exception is rethrown by {@link #next()} (the same
 * exception if unchecked). The workers end by themselves once the last batch is built;
 * {@link #close()} stops them early; use try-with-resources:
 * <pre>{@code
 * try (BatchLoader batches = BatchLoader.open(train, LoaderConfig.train(128, pre, seed), epoch)) {
 *     while (batches.hasNext()) {
 *         Batch batch = batches.next();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class BatchLoader implements Iterator<Batch>, AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ImageDataset data;
    private final LoaderConfig config;
    private final int epoch;
    private final int[] order;
    private final int batches;
    private final float[][] table;
    private final int outHeight;
    private final int outWidth;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
    private int submitted;
    private int delivered;
    private boolean closed;

    private BatchLoader(ImageDataset data, LoaderConfig config, int epoch, int first) {
        if (config.normalization().channels() != data.channels()) {
            throw new IllegalArgumentException("normalisation has " + config.normalization().channels()
                    + " channels but the images have " + data.channels());
        }
        this.data = data;
        this.config = config;
        this.epoch = epoch;
        this.order = order(data.size(), config.shuffle(), config.seed(), epoch);
        int n = order.length;
        this.batches = config.dropLast() ? n / config.batchSize() : (n + config.batchSize() - 1) / config.batchSize();
        if (first < 0 || first > batches) {
            throw new IllegalArgumentException("first batch " + first + " of epoch " + epoch + " is outside [0, "
                    + batches + "] (the epoch has " + batches + " batches)");
        }
        this.submitted = first;
        this.delivered = first;
        this.table = config.normalization().table();
        this.outHeight = config.augmentation().outputHeight(data.height());
        this.outWidth = config.augmentation().outputWidth(data.width());
        if (config.augmentation().scales()) {
            if (data.channels() != Picture.CHANNELS) {
                throw new IllegalArgumentException("a resizing augmentation works on RGB pictures but the images have "
                        + data.channels() + " channel(s): " + config.augmentation());
            }
        } else {
            config.augmentation().sample(data.height(), data.width(), new SplittableRandom(0));
        }
        this.pool = config.workers() == 0 || first == batches ? null : Executors.newFixedThreadPool(config.workers(),
                threads());
        if (pool != null) {
            while (submitted < Math.min(first + config.prefetch(), batches)) {
                submitNext();
            }
        }
    }

    /**
     * Starts preparing epoch {@code epoch} of {@code data}.
     *
     * @throws IllegalArgumentException if the normalisation or augmentation do not fit the images
     */
    public static BatchLoader open(ImageDataset data, LoaderConfig config, int epoch) {
        return new BatchLoader(data, config, epoch, 0);
    }

    /**
     * Starts preparing epoch {@code epoch} of {@code data} at batch {@code first} (0-based): the
     * loader delivers batches {@code first, first + 1, …}, the very batches a loader opened at 0
     * delivers after its first {@code first}; the batches before are never built, so skipping costs
     * one permutation of the indices and nothing per image.
     *
     * @throws IllegalArgumentException if {@code first} is outside {@code [0, batches()]}, or as
     *                                  {@link #open(ImageDataset, LoaderConfig, int)}
     */
    public static BatchLoader open(ImageDataset data, LoaderConfig config, int epoch, int first) {
        return new BatchLoader(data, config, epoch, first);
    }

    /** Number of batches in this epoch, skipped ones included. */
    public int batches() {
        return batches;
    }

    /** Number of examples this epoch delivers (all, or fewer when the last batch is dropped). */
    public int examples() {
        return config.dropLast() ? batches * config.batchSize() : order.length;
    }

    @Override
    public boolean hasNext() {
        return !closed && delivered < batches;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "batch loader is closed" : "epoch " + epoch + " has no more batches");
        }
        if (pool == null) {
            return build(delivered++);
        }
        Future<Batch> future = pending.poll();
        if (submitted < batches) {
            submitNext();
        }
        try {
            Batch batch = future.get();
            delivered++;
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for batch " + delivered + " of epoch " + epoch, e);
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("batch " + delivered + " of epoch " + epoch + " failed: " + cause, cause);
        }
    }

    /** Stops the workers and drops prepared batches; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Future<Batch> f : pending) {
            f.cancel(true);
        }
        pending.clear();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private void submitNext() {
        int b = submitted++;
        pending.add(pool.submit(() -> build(b)));
        if (submitted == batches) {
            pool.shutdown();
        }
    }

    /** Builds batch {@code b}: positions {@code [b·size, min((b+1)·size, n))} of the order. */
    private Batch build(int b) {
        int start = b * config.batchSize();
        int count = Math.min(config.batchSize(), order.length - start);
        int channels = data.channels();
        int h = data.height();
        int w = data.width();
        int stride = channels * outHeight * outWidth;
        float[] pixels = new float[count * stride];
        int[] labels = new int[count];
        Augmentation augmentation = config.augmentation();
        for (int k = 0; k < count; k++) {
            int index = order[start + k];
            SplittableRandom rng = new SplittableRandom(exampleSeed(config.seed(), epoch, index));
            if (augmentation.scales()) {
                Picture picture = data.picture(index);
                augmentation.resize(picture.height(), picture.width(), rng).render(picture, table, pixels, k * stride);
            } else {
                augmentation.sample(h, w, rng).render(data.image(index), channels, h, w, table, pixels, k * stride);
            }
            labels[k] = data.label(index);
        }
        return new Batch(pixels, labels, count, channels, outHeight, outWidth);
    }

    /**
     * The visiting order of an epoch: {@code 0..size-1}, or a permutation drawn from
     * {@code (seed, epoch)} when {@code shuffle}.
     */
    public static int[] order(int size, boolean shuffle, long seed, int epoch) {
        if (!shuffle) {
            return identity(size);
        }
        return Subsets.permutation(size, new SplittableRandom(mix(seed ^ mix(0x5EED_0000L + epoch))));
    }

    /** The seed of example {@code index}'s augmentation in {@code epoch}. */
    public static long exampleSeed(long seed, int epoch, int index) {
        return mix(seed ^ mix(((long) epoch << 32) ^ (index & 0xFFFFFFFFL) ^ 0x9E3779B97F4A7C15L));
    }

    private static int[] identity(int size) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        return p;
    }

    /** SplitMix64's finaliser: a bijective, well-mixing map of 64-bit values. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static ThreadFactory threads() {
        int id = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "deform4j-data-" + id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
