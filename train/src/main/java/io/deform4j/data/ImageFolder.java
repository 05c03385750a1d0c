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
 * <p>Images are decoded with {@link ImageIO} lazily, when first asked for, into 3 channels
 * ({@link FolderDataset}); grey images are repeated over the channels. An image of the stored
 * size is taken as it is (CIFAR as JPEGs: 32×32); any other is resized (bilinear) so that its
 * shorter side is the stored size, then centre-cropped to a square. With {@link #AUTO_SIZE} the
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
        FolderDataset trainProbe = list(trainDir, classes, 1);
        int stored = size == AUTO_SIZE ? autoSize(trainProbe.file(0)) : size;
        if (stored <= 0) {
            throw new IllegalArgumentException("image size must be positive or " + AUTO_SIZE + " (auto), got " + size);
        }
        FolderDataset train = list(trainDir, classes, stored);
        FolderDataset test = list(testDir, classes, stored);
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

    /** Lists the images of {@code dir/<class>/} for the given classes. */
    static FolderDataset list(Path dir, List<String> classes, int size) throws IOException {
        List<String> present = classFolders(dir);
        for (String name : present) {
            if (!classes.contains(name)) {
                throw new DataFormatException(dir.resolve(name) + ": class folder not among the training classes "
                        + classes);
            }
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String name : present) {
            List<Path> images;
            try (Stream<Path> s = Files.list(dir.resolve(name))) {
                images = s.filter(ImageFolder::isImage).sorted().toList();
            }
            files.addAll(images);
            images.forEach(p -> labels.add(classes.indexOf(name)));
        }
        if (files.isEmpty()) {
            throw new DataFormatException(dir + ": no images (expected <class>/*.jpg, *.jpeg or *.png)");
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        long bytes = 3L * size * size * files.size();
        return new FolderDataset(files, labelArray, classes, size, bytes <= DEFAULT_CACHE_BYTES);
    }

    private static List<String> classFolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean isImage(Path file) {
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
