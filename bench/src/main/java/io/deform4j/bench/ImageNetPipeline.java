package io.deform4j.bench;

import io.deform4j.data.Augmentation;
import io.deform4j.data.BatchLoader;
import io.deform4j.data.FolderDataset;
import io.deform4j.data.ImageDecoder;
import io.deform4j.data.ImageNet;
import io.deform4j.data.LoaderConfig;
import io.deform4j.data.Picture;
import io.deform4j.data.Preprocessing;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Decoding and augmentation of full-size JPEGs, per core: the ImageNet input pipeline
 * ({@link BatchLoader} on the calling thread, no workers) over the pictures of an image folder
 * {@code DIR/<class>/*.JPEG}, with torchvision's training transform (RandomResizedCrop(224),
 * flip, normalise) and its evaluation transform (Resize(256), CenterCrop(224), normalise).
 * The rate is images per second of the process's CPU time, the measure of
 * {@code imagenet_pipeline.py}, its twin in torchvision; {@code bench/imagenet-pipeline} runs both.
 *
 * <p>Usage: {@code ImageNetPipeline --dir DIR [--seconds S] [--check FILE]}. Prints one line per
 * transform: {@code java train images=N cpu_seconds=C wall_seconds=W images_per_cpu_second=R}.
 * With {@code --check}, FILE holds the evaluation transform's bytes of the first K pictures as
 * torchvision computed them ({@code K×3×224×224}, before normalisation), and the program prints
 * how many are identical to its own.
 */
public final class ImageNetPipeline {

    private ImageNetPipeline() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = null;
        double seconds = 10;
        Path check = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--check" -> check = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; expected --dir DIR, --seconds S, --check FILE");
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir DIR is required (DIR/<class>/*.JPEG)");
        }
        FolderDataset data = ImageNet.pictures(dir);
        System.out.println("java decoder: " + ImageDecoder.describe() + "; " + data.size() + " pictures");
        if (check != null) {
            check(data, check);
        }
        Preprocessing pre = ImageNet.preprocessing();
        measure("train", data, LoaderConfig.train(32, pre, 1).withWorkers(0), Math.min(2, seconds));
        measure("eval", data, LoaderConfig.test(32, pre).withWorkers(0), Math.min(2, seconds));
        measure("train", data, LoaderConfig.train(32, pre, 1).withWorkers(0), seconds);
        measure("eval", data, LoaderConfig.test(32, pre).withWorkers(0), seconds);
    }

    /** Epochs until {@code seconds} of wall time have passed; the first call of each is warm-up. */
    private static void measure(String name, FolderDataset data, LoaderConfig config, double seconds) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long images = TimedEpochs.images(data, config, start + (long) (seconds * 1e9));
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "java %s images=%d cpu_seconds=%.2f wall_seconds=%.2f images_per_cpu_second=%.1f%n",
                name, images, cpu, wall, images / cpu);
    }

    /** Compares the evaluation view of the first pictures with torchvision's bytes in {@code file}. */
    private static void check(FolderDataset data, Path file) throws IOException {
        byte[] reference = Files.readAllBytes(file);
        int size = 3 * 224 * 224;
        int k = reference.length / size;
        int identical = 0;
        int worst = 0;
        for (int i = 0; i < k; i++) {
            Picture p = data.picture(i);
            byte[] mine = Augmentation.RESIZE_CENTRE_CROP.resize(p.height(), p.width(), new SplittableRandom(0))
                    .apply(p);
            byte[] theirs = Arrays.copyOfRange(reference, i * size, (i + 1) * size);
            identical += Arrays.equals(mine, theirs) ? 1 : 0;
            for (int j = 0; j < size; j++) {
                worst = Math.max(worst, Math.abs((mine[j] & 0xFF) - (theirs[j] & 0xFF)));
            }
        }
        System.out.printf(Locale.ROOT, "check: %d of %d evaluation views identical to torchvision's (largest "
                + "difference %d levels)%n", identical, k, worst);
    }
}
