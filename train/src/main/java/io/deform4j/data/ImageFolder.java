package io.deform4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reader of image folders in the ImageNet layout: {@code ROOT/train/<class>/*.jpg} and
 * {@code ROOT/test/<class>/…} (or {@code ROOT/val/…}); extensions {@code .jpg}, {@code .jpeg},
 * {@code .png}, any case. Classes are the training class folders in sorted order; a test class
 * folder must be one of them. Files of a class are taken in name order.
 *
 * <p>Images are decoded lazily, when first asked for, into 3 channels ({@link FolderDataset},
 * {@link ImageDecoder}); grey images are repeated over the channels. An image of the stored
 * size is taken as it is (CIFAR as JPEGs: 32×32); any other is resized (Pillow's bilinear filter)
 * so that its shorter side is the stored size, then centre-cropped to a square. With {@link #AUTO_SIZE} the
 * stored size is the side of the first training image when it is square and at most
 * {@value #SMALL_LIMIT} pixels, else {@value #LARGE_SIZE} (ImageNet: resize 256, then crop 224
 * in the {@link Augmentation}).
 */
public final class ImageFolder {

    /** Stored size 0: decide from the first training image. */
    public static final int AUTO_SIZE = 0;
    /** Largest side taken as it is by {@link #AUTO_SIZE}. */
    public static final int SMALL_LIMIT = 64;
    /** Stored side of larger images under {@link #AUTO_SIZE}: the shorter side is resized to 256. */
    public static final int LARGE_SIZE = 256;
    /** Decoded images are cached in memory when all of them together take at most this many bytes. */
    public static final long DEFAULT_CACHE_BYTES = 512L << 20;

    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

    private ImageFolder() {
    }

    /**
     * Opens {@code root/train} and {@code root/test} (or {@code root/val}).
     *
     * @param size stored image side, or {@link #AUTO_SIZE}
     * @throws DataFormatException if a folder is missing or holds no images
     */
    public static DataSplits open(Path root, int size) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new DataFormatException(root + ": folder not found (expected train/<class>/*.jpg and "
                    + "test/<class>/*.jpg or val/<class>/*.jpg)");
        }
        Path trainDir = root.resolve("train");
        Path testDir = Files.isDirectory(root.resolve("test")) ? root.resolve("test") : root.resolve("val");
        if (!Files.isDirectory(trainDir)) {
            throw new DataFormatException(trainDir + ": folder not found (expected train/<class>/*.jpg under " + root + ")");
        }
        if (!Files.isDirectory(testDir)) {
            throw new DataFormatException(root.resolve("test") + ": folder not found, nor " + root.resolve("val")
                    + " (expected test/<class>/*.jpg or val/<class>/*.jpg under " + root + ")");
        }
        List<String> classes = classFolders(trainDir);
        if (classes.isEmpty()) {
            throw new DataFormatException(trainDir + ": no class folders (expected train/<class>/*.jpg)");
        }
        if (size < 0) {
            throw new IllegalArgumentException("image size must be positive or " + AUTO_SIZE + " (auto), got " + size);
        }
        int stored = size == AUTO_SIZE ? autoSize(files(trainDir, classes).get(0).file()) : size;
        Augmentation view = new Augmentation(stored, 0, false, false, new Scaling.ShorterSide(stored));
        FolderDataset train = list(trainDir, classes, view);
        FolderDataset test = list(testDir, classes, view);
        return new DataSplits(train, test, preprocessing(train));
    }

    /** The paper's recipe for the stored size: CIFAR-like when small, ImageNet-like when large. */
    static Preprocessing preprocessing(ImageDataset train) {
        int side = train.height();
        if (side > SMALL_LIMIT) {
            Augmentation trainAug = new Augmentation(side * 7 / 8, 0, true, true);
            Augmentation testAug = new Augmentation(side * 7 / 8, 0, false, false);
            return new Preprocessing(Normalization.IMAGENET, trainAug, testAug);
        }
        return new Preprocessing(Normalization.estimate(train, 2000, 0), Augmentation.padCropFlip(side / 8),
                Augmentation.NONE);
    }

    /**
     * Lists the images of {@code dir/<class>/} for the given classes; {@code view} makes each
     * image's fixed-size view, cached when all views fit {@link #DEFAULT_CACHE_BYTES}.
     */
    static FolderDataset list(Path dir, List<String> classes, Augmentation view) throws IOException {
        List<LabelledFile> listed = files(dir, classes);
        return dataset(listed, classes, view);
    }

    /** A data set of {@code files}, cached when all views fit {@link #DEFAULT_CACHE_BYTES}. */
    static FolderDataset dataset(List<LabelledFile> files, List<String> classes, Augmentation view) {
        int[] labels = files.stream().mapToInt(LabelledFile::label).toArray();
        long bytes = 3L * view.cropSize() * view.cropSize() * files.size();
        return new FolderDataset(files.stream().map(LabelledFile::file).toList(), labels, classes, view,
                bytes <= DEFAULT_CACHE_BYTES);
    }

    /** An image file and its label. */
    record LabelledFile(Path file, int label) {
    }

    /**
     * The images of {@code dir/<class>/}, class by class in the order of {@code classes}, files in
     * name order.
     *
     * @throws DataFormatException if a class folder is not among {@code classes} or there is no image
     */
    static List<LabelledFile> files(Path dir, List<String> classes) throws IOException {
        List<String> present = classFolders(dir);
        for (String name : present) {
            if (!classes.contains(name)) {
                throw new DataFormatException(dir.resolve(name) + ": class folder not among the training classes "
                        + abbreviate(classes));
            }
        }
        List<LabelledFile> files = new ArrayList<>();
        for (String name : present) {
            int label = classes.indexOf(name);
            try (Stream<Path> s = Files.list(dir.resolve(name))) {
                s.filter(ImageFolder::isImage).sorted().forEach(p -> files.add(new LabelledFile(p, label)));
            }
        }
        if (files.isEmpty()) {
            throw new DataFormatException(dir + ": no images (expected <class>/*.jpg, *.jpeg or *.png)");
        }
        return files;
    }

    /** The list, or its first few names and the count when it is long (ImageNet has 1000 classes). */
    static String abbreviate(List<String> names) {
        return names.size() <= 10 ? names.toString()
                : "[" + String.join(", ", names.subList(0, 5)) + ", ... (" + names.size() + " classes)]";
    }

    static List<String> classFolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** The stored side for {@link #AUTO_SIZE}, from the header of {@code file}. */
    static int autoSize(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DataFormatException(file, "not a readable image (no ImageIO decoder for it)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                return w == h && w <= SMALL_LIMIT ? w : LARGE_SIZE;
            } finally {
                reader.dispose();
            }
        }
    }
}
