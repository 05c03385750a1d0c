package io.deform4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader of the official CIFAR-10 and CIFAR-100 binary files
 * (<a href="https://www.cs.toronto.edu/~kriz/cifar.html">cs.toronto.edu/~kriz/cifar.html</a>).
 *
 * <p>CIFAR-10: {@code data_batch_1.bin … data_batch_5.bin} (training) and {@code test_batch.bin};
 * each record is 1 label byte then 3072 pixel bytes, the red, green and blue 32×32 planes;
 * class names from {@code batches.meta.txt}. CIFAR-100: {@code train.bin} and {@code test.bin};
 * each record is a coarse and a fine label byte then the 3072 pixels; the fine label (100
 * classes) is used, names from {@code fine_label_names.txt}. Without a names file classes are
 * numbered.
 *
 * <p>The files may lie directly in the given folder or in the subfolder the archive extracts to
 * ({@code cifar-10-batches-bin/}, {@code cifar-100-binary/}).
 */
public final class CifarBinary {

    /** Channels, height and width of a CIFAR image. */
    public static final int CHANNELS = 3;
    public static final int SIZE = 32;
    /** Pixel bytes per image, {@code 3·32·32}. */
    public static final int PIXELS = CHANNELS * SIZE * SIZE;

    /** The two variants and their file layouts. */
    public enum Variant {
        CIFAR10("cifar-10-batches-bin", List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin"), "test_batch.bin", 1, 0, 10, "batches.meta.txt",
                "cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530"),
        CIFAR100("cifar-100-binary", List.of("train.bin"), "test.bin", 2, 1, 100, "fine_label_names.txt",
                "cifar-100-binary.tar.gz", "03b5dce01913d631647c71ecec9e9cb8");

        final String subfolder;
        final List<String> trainFiles;
        final String testFile;
        final int labelBytes;
        final int labelOffset;
        final int classes;
        final String namesFile;
        final String archiveName;
        final String archiveMd5;

        Variant(String subfolder, List<String> trainFiles, String testFile, int labelBytes, int labelOffset,
                int classes, String namesFile, String archiveName, String archiveMd5) {
            this.subfolder = subfolder;
            this.trainFiles = trainFiles;
            this.testFile = testFile;
            this.labelBytes = labelBytes;
            this.labelOffset = labelOffset;
            this.classes = classes;
            this.namesFile = namesFile;
            this.archiveName = archiveName;
            this.archiveMd5 = archiveMd5;
        }

        /** File name of the official archive, e.g. {@code cifar-10-binary.tar.gz}. */
        public String archiveName() {
            return archiveName;
        }

        /** MD5 of the official archive, lower-case hex. */
        public String archiveMd5() {
            return archiveMd5;
        }

        /** Bytes per record: label bytes plus 3072 pixels. */
        public int recordBytes() {
            return labelBytes + PIXELS;
        }

        /** Number of classes: 10 or 100 (fine labels). */
        public int classes() {
            return classes;
        }

        /** The folder the official archive extracts to. */
        public String subfolder() {
            return subfolder;
        }

        /** All data files, training first. */
        public List<String> files() {
            List<String> all = new ArrayList<>(trainFiles);
            all.add(testFile);
            return all;
        }
    }

    private CifarBinary() {
    }

    /**
     * The folder that holds the variant's files: {@code dir} itself or its archive subfolder, or
     * {@code null} if neither holds all of them.
     */
    public static Path locate(Variant variant, Path dir) {
        for (Path candidate : List.of(dir, dir.resolve(variant.subfolder))) {
            if (variant.files().stream().allMatch(f -> Files.isRegularFile(candidate.resolve(f)))) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Reads the training and test sets from {@code dir} (or its archive subfolder).
     *
     * @throws DataFormatException if the folder or a file is missing, or a file is malformed
     */
    public static DataSplits read(Variant variant, Path dir) throws IOException {
        Path folder = locate(variant, dir);
        if (folder == null) {
            throw new DataFormatException(missingMessage(variant, dir));
        }
        List<String> names = ClassNames.readOrNumber(folder.resolve(variant.namesFile), variant.classes);
        List<Path> train = variant.trainFiles.stream().map(folder::resolve).toList();
        return new DataSplits(readFiles(variant, train, names), readFiles(variant, List.of(folder.resolve(variant.testFile)), names));
    }

    static String missingMessage(Variant variant, Path dir) {
        if (!Files.isDirectory(dir)) {
            return dir + ": folder not found (expected the " + variant + " binary files "
                    + String.join(", ", variant.files()) + ")";
        }
        Path probe = Files.isDirectory(dir.resolve(variant.subfolder)) ? dir.resolve(variant.subfolder) : dir;
        List<String> missing = variant.files().stream().filter(f -> !Files.isRegularFile(probe.resolve(f))).toList();
        return probe + ": missing " + variant + " files " + String.join(", ", missing)
                + " (looked in " + dir + " and " + dir.resolve(variant.subfolder) + ")";
    }

    /** Reads and concatenates the records of {@code files}. */
    public static InMemoryDataset readFiles(Variant variant, List<Path> files, List<String> names) throws IOException {
        List<byte[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path file : files) {
            readFile(variant, file, images, labels);
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        return new InMemoryDataset(images.toArray(byte[][]::new), labelArray, names, CHANNELS, SIZE, SIZE);
    }

    private static void readFile(Variant variant, Path file, List<byte[]> images, List<Integer> labels)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, "file not found at " + file);
        }
        byte[] data = Files.readAllBytes(file);
        int record = variant.recordBytes();
        if (data.length == 0) {
            throw new DataFormatException(file, "empty file, expected " + record + "-byte records");
        }
        if (data.length % record != 0) {
            throw new DataFormatException(file, "truncated: " + data.length + " bytes is not a multiple of the "
                    + record + "-byte record");
        }
        int count = data.length / record;
        for (int i = 0; i < count; i++) {
            int base = i * record;
            int label = data[base + variant.labelOffset] & 0xFF;
            if (label >= variant.classes) {
                throw new DataFormatException(file, "record " + i + " has label " + label + ", expected 0.."
                        + (variant.classes - 1));
            }
            byte[] pixels = new byte[PIXELS];
            System.arraycopy(data, base + variant.labelBytes, pixels, 0, PIXELS);
            images.add(pixels);
            labels.add(label);
        }
    }
}
