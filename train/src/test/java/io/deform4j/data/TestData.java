package io.deform4j.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writers of small data files in the real formats, for tests. */
final class TestData {

    private TestData() {
    }

    /** A CIFAR image whose pixels encode {@code seed}: pixel i = (seed·7 + i) mod 256. */
    static byte[] pattern(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 7 + i);
        }
        return b;
    }

    /** Writes a CIFAR binary file; records get {@code labels[i]} (and coarse label 0 for CIFAR-100). */
    static void writeCifar(Path file, CifarBinary.Variant variant, int[] labels, int seedBase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < labels.length; i++) {
            if (variant == CifarBinary.Variant.CIFAR100) {
                out.write(labels[i] / 5);
            }
            out.write(labels[i]);
            out.write(pattern(seedBase + i, CifarBinary.PIXELS));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
    }

    /** A full CIFAR-10 folder: 5 training files of {@code perFile} records and a test file. */
    static void writeCifar10(Path dir, int perFile) throws IOException {
        for (int f = 1; f <= 5; f++) {
            writeCifar(dir.resolve("data_batch_" + f + ".bin"), CifarBinary.Variant.CIFAR10, labels(perFile, 10, f),
                    f * 1000);
        }
        writeCifar(dir.resolve("test_batch.bin"), CifarBinary.Variant.CIFAR10, labels(perFile, 10, 0), 0);
    }

    static int[] labels(int n, int classes, int offset) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (i + offset) % classes;
        }
        return labels;
    }

    /** An in-memory data set of {@code n} grey {@code h×w} images; pixel 0/1 hold the index. */
    static InMemoryDataset indexed(int n, int classes, int channels, int h, int w) {
        byte[][] images = new byte[n][channels * h * w];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            images[i][0] = (byte) i;
            images[i][1] = (byte) (i >> 8);
            labels[i] = i % classes;
        }
        return new InMemoryDataset(images, labels, ClassNames.numbered(classes), channels, h, w);
    }

    /** {@code n} random 3×32×32 images with random labels of 10 classes, from {@code seed}. */
    static InMemoryDataset randomCifar(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] images = new byte[n][CifarBinary.PIXELS];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            random.nextBytes(images[i]);
            labels[i] = random.nextInt(10);
        }
        return new InMemoryDataset(images, labels, ClassNames.numbered(10), 3, 32, 32);
    }

    /** Writes an RGB image whose pixel (x, y) is (r0 + x, g0 + y, b0 + x + y). */
    static void writeImage(Path file, String format, int w, int h, int r0, int g0, int b0) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (r0 + x) & 0xFF;
                int g = (g0 + y) & 0xFF;
                int b = (b0 + x + y) & 0xFF;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
    }

    /**
     * Writes a {@code .tar.gz} of the given entries in order: name → content; a name ending in
     * {@code /} is a folder (content {@code null}). Names are kept as written, absolute ones
     * included, and may be longer than 100 characters (pax headers).
     */
    static void writeTarGz(Path archive, Map<String, byte[]> entries) throws IOException {
        try (TarArchiveOutputStream tar = tarGz(archive)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] data = e.getValue();
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(data == null ? 0 : data.length);
                tar.putArchiveEntry(entry);
                if (data != null) {
                    tar.write(data);
                }
                tar.closeArchiveEntry();
            }
        }
    }

    /** A gzip-compressed tar stream into {@code archive} that writes long names as pax records. */
    static TarArchiveOutputStream tarGz(Path archive) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(archive)));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        return tar;
    }

    static List<String> tenNames() {
        return List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    }
}
