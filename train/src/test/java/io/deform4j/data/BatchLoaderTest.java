package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchLoaderTest {

    private static final Normalization UNIT = Normalization.unit(1);

    private static LoaderConfig config(int batch, boolean shuffle, Augmentation aug, int workers) {
        return new LoaderConfig(batch, shuffle, aug, UNIT, 11, workers, 3, false);
    }

    /** The index an {@link TestData#indexed} image encodes in its first two pixels. */
    private static int indexOf(Batch b, int k) {
        int stride = b.channels() * b.height() * b.width();
        int lo = Math.round(b.images()[k * stride] * 255);
        int hi = Math.round(b.images()[k * stride + 1] * 255);
        return lo | hi << 8;
    }

    private static List<Batch> all(ImageDataset data, LoaderConfig config, int epoch) {
        List<Batch> out = new ArrayList<>();
        try (BatchLoader loader = BatchLoader.open(data, config, epoch)) {
            while (loader.hasNext()) {
                out.add(loader.next());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void everyExampleExactlyOncePerEpoch(int workers) {
        InMemoryDataset data = TestData.indexed(1003, 10, 1, 4, 4);
        for (int epoch = 0; epoch < 2; epoch++) {
            List<Batch> batches = all(data, config(64, true, Augmentation.NONE, workers), epoch);
            assertEquals(16, batches.size());
            assertEquals(1003 - 15 * 64, batches.get(15).size());
            int[] seen = new int[1003];
            for (Batch b : batches) {
                for (int k = 0; k < b.size(); k++) {
                    int index = indexOf(b, k);
                    seen[index]++;
                    assertEquals(index % 10, b.labels()[k]);
                }
            }
            for (int count : seen) {
                assertEquals(1, count);
            }
        }
    }

    @Test
    void shuffleDependsOnEpochAndSeedOnly() {
        int[] a = BatchLoader.order(100, true, 1, 0);
        assertArrayEquals(a, BatchLoader.order(100, true, 1, 0));
        assertFalse(Arrays.equals(a, BatchLoader.order(100, true, 1, 1)));
        assertFalse(Arrays.equals(a, BatchLoader.order(100, true, 2, 0)));
        assertArrayEquals(new int[] {0, 1, 2}, BatchLoader.order(3, false, 1, 5));
        InMemoryDataset data = TestData.indexed(10, 2, 1, 2, 2);
        Batch b = all(data, config(10, false, Augmentation.NONE, 2), 0).get(0);
        for (int k = 0; k < 10; k++) {
            assertEquals(k, indexOf(b, k));
        }
    }

    @Test
    void augmentedBatchesAreTheSameForAnyThreadCount() {
        ImageDataset data = TestData.randomCifar(300, 4);
        LoaderConfig base = new LoaderConfig(32, true, Augmentation.CIFAR, Normalization.CIFAR10, 99, 0, 2, false);
        List<Batch> reference = all(data, base, 3);
        for (int workers : new int[] {1, 2, 4}) {
            List<Batch> other = all(data, base.withWorkers(workers).withPrefetch(5), 3);
            assertEquals(reference.size(), other.size());
            for (int i = 0; i < reference.size(); i++) {
                assertArrayEquals(reference.get(i).labels(), other.get(i).labels());
                assertArrayEquals(reference.get(i).images(), other.get(i).images(), "batch " + i + ", workers " + workers);
            }
        }
        List<Batch> nextEpoch = all(data, base, 4);
        assertFalse(Arrays.equals(reference.get(0).images(), nextEpoch.get(0).images()));
    }

    /**
     * A loader opened at batch k delivers, bit for bit, the batches a loader opened at 0 delivers
     * after its first k, for any thread count, and decodes only the images of those batches.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void startingAtBatchKGivesTheSameNextBatchesWithoutDecodingTheSkippedOnes(int workers) {
        ImageDataset data = TestData.randomCifar(150, 5);
        LoaderConfig base = new LoaderConfig(32, true, Augmentation.CIFAR, Normalization.CIFAR10, 99, workers, 2, false);
        List<Batch> whole = all(data, base, 2);
        assertEquals(5, whole.size());
        for (int first = 0; first <= 5; first++) {
            java.util.concurrent.atomic.AtomicInteger decoded = new java.util.concurrent.atomic.AtomicInteger();
            int[] labels = java.util.stream.IntStream.range(0, data.size()).map(data::label).toArray();
            ImageDataset counting = new AbstractImageDataset(labels, data.classNames(), data.channels(),
                    data.height(), data.width()) {
                @Override
                public byte[] image(int index) {
                    decoded.incrementAndGet();
                    return data.image(index);
                }
            };
            List<Batch> rest = new ArrayList<>();
            try (BatchLoader loader = BatchLoader.open(counting, base, 2, first)) {
                assertEquals(5, loader.batches());
                while (loader.hasNext()) {
                    rest.add(loader.next());
                }
            }
            assertEquals(5 - first, rest.size());
            for (int i = 0; i < rest.size(); i++) {
                assertArrayEquals(whole.get(first + i).labels(), rest.get(i).labels());
                assertArrayEquals(whole.get(first + i).images(), rest.get(i).images(), "batch " + (first + i));
            }
            // 150 = 4·32 + 22: only the images of the batches delivered are decoded
            assertEquals(first == 5 ? 0 : 150 - 32 * first, decoded.get(), "images decoded from batch " + first);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchLoader.open(data, base, 2, 6));
        assertEquals("first batch 6 of epoch 2 is outside [0, 5] (the epoch has 5 batches)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BatchLoader.open(data, base, 2, -1));
    }

    @Test
    void augmentationOfAnExampleFollowsItsSeed() {
        InMemoryDataset data = TestData.indexed(5, 1, 1, 4, 4);
        Augmentation aug = Augmentation.padCropFlip(1);
        Batch b = all(data, config(5, false, aug, 2), 7).get(0);
        for (int k = 0; k < 5; k++) {
            Crop c = aug.sample(4, 4, new java.util.SplittableRandom(BatchLoader.exampleSeed(11, 7, k)));
            float[] expected = new float[16];
            c.render(data.image(k), 1, 4, 4, UNIT.table(), expected, 0);
            assertArrayEquals(expected, Arrays.copyOfRange(b.images(), k * 16, k * 16 + 16));
        }
    }

    @Test
    void dropLastAndOutputShape() {
        ImageDataset data = TestData.randomCifar(70, 1);
        LoaderConfig cfg = new LoaderConfig(32, true, new Augmentation(24, 0, true, true), Normalization.CIFAR10, 1, 2, 2,
                true);
        try (BatchLoader loader = BatchLoader.open(data, cfg, 0)) {
            assertEquals(2, loader.batches());
            assertEquals(64, loader.examples());
            Batch b = loader.next();
            assertEquals(32, b.size());
            assertEquals(24, b.height());
            assertEquals(32 * 3 * 24 * 24, b.images().length);
            loader.next();
            assertFalse(loader.hasNext());
            assertThrows(NoSuchElementException.class, loader::next);
        }
    }

    @Test
    void workerExceptionsReachTheConsumer() {
        InMemoryDataset good = TestData.indexed(100, 2, 1, 2, 2);
        DataFormatException boom = new DataFormatException("broken.jpg: cannot decode");
        int[] labels = IntStream.range(0, good.size()).map(good::label).toArray();
        ImageDataset bad = new AbstractImageDataset(labels, good.classNames(), 1, 2, 2) {
            @Override
            public byte[] image(int index) {
                if (index == 57) {
                    throw boom;
                }
                return good.image(index);
            }
        };
        try (BatchLoader loader = BatchLoader.open(bad, config(10, false, Augmentation.NONE, 2), 0)) {
            for (int i = 0; i < 5; i++) {
                loader.next();
            }
            assertSame(boom, assertThrows(DataFormatException.class, loader::next));
            assertFalse(loader.hasNext());
        }
    }

    @Test
    void closeStopsTheWorkers() throws InterruptedException {
        ImageDataset data = TestData.randomCifar(2000, 1);
        BatchLoader loader = BatchLoader.open(data, LoaderConfig.train(16, Preprocessing.cifar(Normalization.CIFAR10), 1),
                0);
        loader.next();
        loader.close();
        loader.close();
        assertFalse(loader.hasNext());
        long deadline = System.currentTimeMillis() + 5000;
        while (dataThreads() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, dataThreads());
    }

    private static long dataThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("deform4j-data-") && t.isAlive()).count();
    }

    @Test
    void mismatchedNormalisationIsRejected() {
        InMemoryDataset data = TestData.indexed(10, 2, 1, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchLoader.open(data, new LoaderConfig(4, false, Augmentation.NONE, Normalization.CIFAR10, 0, 0, 1,
                        false), 0));
        assertEquals("normalisation has 3 channels but the images have 1", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> config(0, false, Augmentation.NONE, 1))
                .getMessage().contains("batch size must be positive"));
    }
}
