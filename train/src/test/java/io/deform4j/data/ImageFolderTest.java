package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    /**
     * CIFAR-10 stored as one JPEG file per image in the image-folder layout
     * ({@code ROOT/train/<class>/*.jpg}, {@code ROOT/test/<class>/*.jpg}, the ten classes as folder
     * names), the only outside data of these tests: the system property
     * {@value #CIFAR10_JPEG_PROPERTY}, which the root pom sets (CI keeps the folder there).
     */
    static final String CIFAR10_JPEG_PROPERTY = "deform4j.cifar10.jpeg.dir";
    static final Path CIFAR10_JPEG = Path.of(System.getProperty(CIFAR10_JPEG_PROPERTY, "cifar10-jpeg"));

    @TempDir
    Path root;

    @Test
    void readsPngFolderExactlyWithSortedClasses() throws IOException {
        TestData.writeImage(root.resolve("train/zebra/b.png"), "png", 8, 8, 10, 20, 30);
        TestData.writeImage(root.resolve("train/zebra/a.PNG"), "png", 8, 8, 0, 0, 0);
        TestData.writeImage(root.resolve("train/ant/x.png"), "png", 8, 8, 100, 100, 100);
        Files.writeString(root.resolve("train/ant/notes.txt"), "not an image");
        TestData.writeImage(root.resolve("val/zebra/c.png"), "png", 8, 8, 1, 2, 3);
        DataSplits splits = ImageFolder.open(root, ImageFolder.AUTO_SIZE);
        ImageDataset train = splits.train();
        assertEquals(List.of("ant", "zebra"), train.classNames());
        assertEquals(3, train.size());
        assertEquals(0, train.label(0));
        assertEquals(1, train.label(1));
        assertEquals(8, train.height());
        assertEquals(3, train.channels());
        // train/zebra/b.png is the third file (zebra: a.PNG, b.png); pixel (x=3, y=2) is R 13, G 22, B 35
        byte[] b = train.image(2);
        int plane = 64;
        assertEquals(13, b[2 * 8 + 3] & 0xFF);
        assertEquals(22, b[plane + 2 * 8 + 3] & 0xFF);
        assertEquals(35, b[2 * plane + 2 * 8 + 3] & 0xFF);
        assertEquals(1, splits.test().size());
        assertEquals(1, splits.test().label(0));
        assertEquals(Augmentation.padCropFlip(1), splits.preprocessing().train());
    }

    @Test
    void greyImagesAreRepeatedOverTheChannels() throws IOException {
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(4, 4,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 2, 0, 77);
        Files.createDirectories(root.resolve("train/a"));
        Files.createDirectories(root.resolve("test/a"));
        javax.imageio.ImageIO.write(grey, "png", root.resolve("train/a/g.png").toFile());
        javax.imageio.ImageIO.write(grey, "png", root.resolve("test/a/g.png").toFile());
        byte[] b = ImageFolder.open(root, 4).train().image(0);
        assertEquals(77, b[2 * 4 + 1] & 0xFF);
        assertEquals(77, b[16 + 2 * 4 + 1] & 0xFF);
        assertEquals(77, b[32 + 2 * 4 + 1] & 0xFF);
        assertEquals(0, b[0]);
    }

    @Test
    void largeImagesAreResizedAndCentreCropped() throws IOException {
        TestData.writeImage(root.resolve("train/a/1.jpg"), "jpg", 300, 400, 0, 0, 0);
        TestData.writeImage(root.resolve("test/a/1.jpg"), "jpg", 512, 256, 0, 0, 0);
        DataSplits splits = ImageFolder.open(root, ImageFolder.AUTO_SIZE);
        assertEquals(256, splits.train().height());
        assertEquals(256, splits.test().width());
        assertEquals(3 * 256 * 256, splits.train().image(0).length);
        assertEquals(3 * 256 * 256, splits.test().image(0).length);
        assertEquals(Augmentation.IMAGENET_TRAIN, splits.preprocessing().train());
        assertEquals(Augmentation.IMAGENET_TEST, splits.preprocessing().test());
        assertEquals(Normalization.IMAGENET, splits.preprocessing().normalization());
    }

    @Test
    void missingFoldersAreNamed() throws IOException {
        Path missing = root.resolve("imagenet");
        assertTrue(assertThrows(DataFormatException.class, () -> ImageFolder.open(missing, 0)).getMessage()
                .startsWith(missing + ": folder not found"));
        TestData.writeImage(root.resolve("train/a/1.png"), "png", 4, 4, 0, 0, 0);
        String message = assertThrows(DataFormatException.class, () -> ImageFolder.open(root, 0)).getMessage();
        assertTrue(message.startsWith(root.resolve("test") + ": folder not found, nor " + root.resolve("val")), message);
    }

    @Test
    void unknownTestClassAndEmptyFoldersAreReported() throws IOException {
        TestData.writeImage(root.resolve("train/a/1.png"), "png", 4, 4, 0, 0, 0);
        TestData.writeImage(root.resolve("test/b/1.png"), "png", 4, 4, 0, 0, 0);
        assertTrue(assertThrows(DataFormatException.class, () -> ImageFolder.open(root, 0)).getMessage()
                .startsWith(root.resolve("test/b") + ": class folder not among the training classes [a]"));
        Files.delete(root.resolve("test/b/1.png"));
        Files.delete(root.resolve("test/b"));
        Files.createDirectories(root.resolve("test/a"));
        assertTrue(assertThrows(DataFormatException.class, () -> ImageFolder.open(root, 0)).getMessage()
                .startsWith(root.resolve("test") + ": no images"));
    }

    @Test
    void corruptImageNamesTheFile() throws IOException {
        TestData.writeImage(root.resolve("train/a/1.png"), "png", 4, 4, 0, 0, 0);
        Files.createDirectories(root.resolve("test/a"));
        Files.write(root.resolve("test/a/broken.jpg"), new byte[] {1, 2, 3, 4});
        DataSplits splits = ImageFolder.open(root, 4);
        DataFormatException e = assertThrows(DataFormatException.class, () -> splits.test().image(0));
        assertTrue(e.getMessage().startsWith(root.resolve("test/a/broken.jpg") + ": not an image"), e.getMessage());
    }

    @Test
    void readsASubsetOfRealCifar10Jpegs() throws IOException {
        assumeTrue(Files.isDirectory(CIFAR10_JPEG), "no CIFAR-10 JPEG folder at " + CIFAR10_JPEG.toAbsolutePath()
                + ": write the official CIFAR-10 images as ROOT/{train,test}/<class>/<n>.jpg (e.g. ~/data/cifar10-jpeg) "
                + "and run with -D" + CIFAR10_JPEG_PROPERTY + "=ROOT");
        DataSplits splits = ImageFolder.open(CIFAR10_JPEG, ImageFolder.AUTO_SIZE).limit(100, 50, 3);
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                splits.train().classNames());
        assertEquals(100, splits.train().size());
        assertEquals(50, splits.test().size());
        assertEquals(32, splits.train().height());
        int[] perClass = new int[10];
        for (int i = 0; i < splits.train().size(); i++) {
            assertEquals(3072, splits.train().image(i).length);
            perClass[splits.train().label(i)]++;
        }
        for (int count : perClass) {
            assertEquals(10, count);
        }
        float[] mean = splits.preprocessing().normalization().mean();
        assertEquals(0.49, mean[0], 0.03);
        assertEquals(0.45, mean[2], 0.03);
    }
}
