package io.deform4j.bench;

import io.deform4j.data.Augmentation;
import io.deform4j.data.BatchLoader;
import io.deform4j.data.BuiltInSample;
import io.deform4j.data.CifarBinary;
import io.deform4j.data.DataSplits;
import io.deform4j.data.ImageDataset;
import io.deform4j.data.ImageFolder;
import io.deform4j.data.InMemoryDataset;
import io.deform4j.data.LoaderConfig;
import io.deform4j.data.Normalization;
import io.deform4j.data.Preprocessing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Benchmark of the batch pipeline alone: prints the images per second {@link BatchLoader}
 * delivers, for the built-in sample, for CIFAR-shaped random bytes with the CIFAR augmentation
 * and, if given, for an image folder (e.g. {@code ~/data/cifar10-jpeg}; the first epoch
 * decodes the JPEGs, later ones read the cache).
 *
 * <p>Usage: {@code java -cp … io.deform4j.bench.PipelineThroughput [--workers N] [--batch N]
 * [--seconds S] [--folder ROOT]}; defaults 2 workers, batch 128, 3 s per measurement. Each line:
 * {@code name workers=N batch=N images=N seconds=S images/s=R}.
 */
public final class PipelineThroughput {

    private PipelineThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int workers = LoaderConfig.DEFAULT_WORKERS;
        int batch = 128;
        double seconds = 3;
        Path folder = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--workers" -> workers = Integer.parseInt(require(args[i], value));
                case "--batch" -> batch = Integer.parseInt(require(args[i], value));
                case "--seconds" -> seconds = Double.parseDouble(require(args[i], value));
                case "--folder" -> folder = Path.of(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; expected --workers N, --batch N, --seconds S, --folder ROOT");
            }
            i++;
        }
        DataSplits sample = BuiltInSample.load();
        measure("sample", sample.train(), sample.preprocessing().withTrain(Augmentation.padCropFlip(4)), workers, batch,
                seconds);
        ImageDataset cifar = randomCifar(10_000, 1);
        measure("cifar-bytes", cifar, Preprocessing.cifar(Normalization.CIFAR10), workers, batch, seconds);
        if (folder != null) {
            DataSplits splits = ImageFolder.open(folder, ImageFolder.AUTO_SIZE);
            measure("folder", splits.train(), splits.preprocessing(), workers, batch, seconds);
        }
    }

    /** Runs epochs until {@code seconds} have passed and prints the rate; returns images/s. */
    private static double measure(String name, ImageDataset data, Preprocessing pre, int workers, int batch,
            double seconds) {
        LoaderConfig config = LoaderConfig.train(batch, pre, 1).withWorkers(workers);
        long start = System.nanoTime();
        long images = TimedEpochs.images(data, config, start + (long) (seconds * 1e9));
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = images / elapsed;
        System.out.printf(Locale.ROOT, "%s workers=%d batch=%d images=%d seconds=%.2f images/s=%.0f%n", name, workers,
                batch, images, elapsed, rate);
        return rate;
    }

    /** {@code n} random 3×32×32 images with random labels of 10 classes. */
    private static ImageDataset randomCifar(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[][] images = new byte[n][CifarBinary.PIXELS];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            rng.nextBytes(images[i]);
            labels[i] = rng.nextInt(10);
        }
        return new InMemoryDataset(images, labels, IntStream.range(0, 10).mapToObj(Integer::toString).toList(), 3, 32,
                32);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
