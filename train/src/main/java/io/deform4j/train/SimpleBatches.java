package io.deform4j.train;

import io.deform4j.data.Augmentation;
import io.deform4j.data.Batch;
import io.deform4j.data.Crop;
import io.deform4j.data.ImageDataset;
import io.deform4j.data.Normalization;
import io.deform4j.data.Subsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A single-threaded {@link BatchSource}: for training, a permutation and augmentation drawn
 * from {@code SplittableRandom(seed, epoch)}; for testing, the data in order, unaugmented. The
 * last batch may be smaller (PyTorch's {@code drop_last=False}).
 */
public final class SimpleBatches implements BatchSource {

    private final ImageDataset data;
    private final Augmentation augmentation;
    private final float[][] table;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;

    /**
     * @param shuffle whether to shuffle and augment (training) or not (testing; {@code augmentation}
     *                is then applied deterministically)
     */
    public SimpleBatches(ImageDataset data, Normalization normalization, Augmentation augmentation, int batchSize,
            boolean shuffle, long seed) {
        this.data = data;
        this.augmentation = augmentation;
        this.table = normalization.table();
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    @Override
    public int batches() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    @Override
    public int examples() {
        return data.size();
    }

    @Override
    public Iterator<Batch> epoch(int epoch) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        int[] order = shuffle ? Subsets.permutation(data.size(), rng.split()) : identity(data.size());
        SplittableRandom augmentRng = rng.split();
        int c = data.channels();
        int h = augmentation.outputHeight(data.height());
        int w = augmentation.outputWidth(data.width());
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = Math.min(batchSize, order.length - next);
                float[] pixels = new float[n * c * h * w];
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    int index = order[next + i];
                    Crop crop = shuffle ? augmentation.sample(data.height(), data.width(), augmentRng)
                            : Augmentation.NONE.equals(augmentation) ? Crop.whole(h, w)
                            : augmentation.sample(data.height(), data.width(), new SplittableRandom(0));
                    crop.render(data.image(index), c, data.height(), data.width(), table, pixels, i * c * h * w);
                    labels[i] = data.label(index);
                }
                next += n;
                return new Batch(pixels, labels, n, c, h, w);
            }
        };
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }
}
