package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageNetTest {

    @TempDir
    Path root;

    private static List<Batch> batches(ImageDataset data, LoaderConfig config, int epoch) {
        List<Batch> out = new ArrayList<>();
        try (BatchLoader loader = BatchLoader.open(data, config, epoch)) {
            loader.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> files(FolderDataset data, Path root) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            out.add(root.relativize(data.file(i)).toString().replace('\\', '/') + "=" + data.label(i));
        }
        return out;
    }

    @Test
    void bothValidationLayoutsGiveTheSameDataSet() throws IOException {
        Path folders = root.resolve("folders");
        Path flat = root.resolve("flat");
        List<String> valFolders = ImageNetFixture.write(folders, false);
        List<String> valFlat = ImageNetFixture.write(flat, true);
        DataSplits a = DataSources.open("ImageNet", folders);
        DataSplits b = DataSources.open("imagenet", flat);
        for (DataSplits s : List.of(a, b)) {
            assertEquals(ImageNetFixture.CLASSES, s.train().classNames());
            assertEquals(8, s.train().size());
            assertEquals(4, s.test().size());
            assertEquals(List.of(0, 0, 0, 0, 1, 1, 1, 1), labels(s.train()));
            assertEquals(List.of(0, 0, 1, 1), labels(s.test()));
            assertEquals(ImageNet.preprocessing(), s.preprocessing());
            assertEquals(224, s.train().height());
            assertEquals(3 * 224 * 224, s.test().image(3).length);
        }
        List<String> expectedFolders = new ArrayList<>();
        List<String> expectedFlat = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            expectedFolders.add(valFolders.get(i) + "=" + (i / 2));
            expectedFlat.add(valFlat.get(i) + "=" + (i / 2));
        }
        assertEquals(expectedFolders, files((FolderDataset) a.test(), folders));
        assertEquals(expectedFlat, files((FolderDataset) b.test(), flat));
        Picture rgb = a.train().picture(0);
        assertEquals(375, rgb.height());
        assertEquals(500, rgb.width());
        assertEquals(300, a.train().picture(1).height());
        assertEquals(90, a.train().picture(2).height());
        assertEquals(80, a.train().picture(3).height());
        assertEquals(120, a.train().picture(7).height());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a.test().image(i), b.test().image(i), "validation image " + i);
        }
    }

    private static List<Integer> labels(ImageDataset d) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            out.add(d.label(i));
        }
        return out;
    }

    @Test
    void trainingBatchesDependOnTheSeedOnly() throws IOException {
        ImageNetFixture.write(root, true);
        DataSplits s = ImageNet.open(root);
        LoaderConfig config = LoaderConfig.train(3, s.preprocessing(), 5);
        List<Batch> twoThreads = batches(s.train(), config.withWorkers(2), 1);
        List<Batch> caller = batches(s.train(), config.withWorkers(0), 1);
        List<Batch> otherSeed = batches(s.train(), config.withSeed(6).withWorkers(0), 1);
        assertEquals(3, twoThreads.size());
        assertArrayEquals(new long[] {3, 3, 224, 224}, twoThreads.get(0).shape());
        assertArrayEquals(new long[] {2, 3, 224, 224}, twoThreads.get(2).shape());
        for (int b = 0; b < 3; b++) {
            assertArrayEquals(twoThreads.get(b).images(), caller.get(b).images(), "batch " + b);
            assertArrayEquals(twoThreads.get(b).labels(), caller.get(b).labels());
        }
        boolean differs = false;
        for (int b = 0; b < 3; b++) {
            differs |= !Arrays.equals(twoThreads.get(b).images(), otherSeed.get(b).images());
        }
        assertTrue(differs, "another seed draws other crops");
        List<Batch> test = batches(s.test(), LoaderConfig.test(4, s.preprocessing()), 0);
        assertArrayEquals(test.get(0).images(), batches(s.test(), LoaderConfig.test(4, s.preprocessing()), 3).get(0)
                .images(), "evaluation is the same in every epoch");
    }

    /**
     * A PNG named {@code .JPEG} (lossless) with red = x on a 254×200 picture, through the loader's
     * evaluation path: Resize(256) gives 325×256, so CenterCrop(224) starts at column
     * round-half-even(50.5) = 50, and bilinear upsampling of a ramp is the ramp at
     * {@code (col + 0.5)·254/325 − 0.5}. Pillow rounds once (the vertical pass of a picture
     * constant along y is exact): 0.5 level, plus 1e-3 for fixed-point weights.
     */
    @Test
    void evaluationViewIsResize256AndCentreCrop224() throws IOException {
        ImageNetFixture.rgbJpeg(root.resolve("train/n01/a.JPEG"), 64, 64, (x, y) -> 0);
        ImageNetFixture.png(root.resolve("val/n01/ramp.JPEG"), 254, 200, (x, y) -> x);
        DataSplits s = ImageNet.open(root);
        Batch batch = batches(s.test(), LoaderConfig.test(1, s.preprocessing()), 0).get(0);
        float[][] table = Normalization.IMAGENET.table();
        int plane = 224 * 224;
        float std = Normalization.IMAGENET.std()[0];
        float mean = Normalization.IMAGENET.mean()[0];
        for (int y = 0; y < 224; y += 37) {
            for (int x = 0; x < 224; x++) {
                double red = (50 + x + 0.5) * 254 / 325 - 0.5;
                double got = (batch.images()[y * 224 + x] * std + mean) * 255;
                assertEquals(red, got, 0.501 + 1e-3, "red at (" + x + ", " + y + ")");
                assertEquals(table[1][10], batch.images()[plane + y * 224 + x], 1e-6);
                assertEquals(table[2][20], batch.images()[2 * plane + y * 224 + x], 1e-6);
            }
        }
    }

    @Test
    void randomResizedCropDrawsAsTorchvision() {
        SplittableRandom rng = new SplittableRandom(1);
        int flips = 0;
        int whole = 0;
        for (int i = 0; i < 2000; i++) {
            ResizedCrop c = Augmentation.RANDOM_RESIZED_CROP.resize(375, 500, rng);
            double area = (double) c.height() * c.width() / (375 * 500);
            double ratio = (double) c.width() / c.height();
            assertTrue(area >= 0.08 * 0.97 && area <= 1, "area " + area + " of " + c);
            assertTrue(ratio >= 0.75 - 2.0 / c.height() && ratio <= 4.0 / 3 + 2.0 / c.height(), "ratio of " + c);
            assertTrue(c.top() + c.height() <= 375 && c.left() + c.width() <= 500, c.toString());
            assertEquals(224, c.scaledHeight());
            assertEquals(224, c.cropWidth());
            flips += c.flip() ? 1 : 0;
            whole += c.height() == 375 && c.width() == 500 ? 1 : 0;
        }
        assertTrue(flips > 900 && flips < 1100, "flips " + flips);
        assertTrue(whole < 20, "whole pictures " + whole);
        // 10 failed draws (no window of ≥ 8 % area and ratio ≥ 3/4 fits 10 rows): the centred
        // window of height 10 and width round(10·4/3) = 13.
        ResizedCrop fallback = Augmentation.RANDOM_RESIZED_CROP.resize(10, 1000, new SplittableRandom(3));
        assertEquals(List.of(0, 493, 10, 13), List.of(fallback.top(), fallback.left(), fallback.height(),
                fallback.width()));
        ResizedCrop tall = Augmentation.RANDOM_RESIZED_CROP.resize(1000, 10, new SplittableRandom(3));
        assertEquals(List.of(493, 0, 13, 10), List.of(tall.top(), tall.left(), tall.height(), tall.width()));
    }

    /** Shrinking by 2 averages with a triangle of half-width 2: a ramp x becomes 2·x' + 0.5 inside. */
    @Test
    void downscalingIsAntialiasedBilinear() {
        byte[] pixels = new byte[200 * 254 * 3];
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 254; x++) {
                pixels[(y * 254 + x) * 3] = (byte) x;
                pixels[(y * 254 + x) * 3 + 1] = (byte) 77;
            }
        }
        Picture p = new Picture(pixels, 200, 254);
        byte[] out = new ResizedCrop(0, 0, 200, 254, 100, 127, 0, 0, 100, 127, false).apply(p);
        for (int x = 1; x < 126; x++) {
            assertEquals(2 * x + 0.5, out[40 * 127 + x] & 0xFF, 0.501, "column " + x);
            assertEquals(77, out[100 * 127 + 40 * 127 + x]);
        }
        byte[] flipped = new ResizedCrop(0, 0, 200, 254, 100, 127, 0, 0, 100, 127, true).apply(p);
        assertEquals(out[40 * 127 + 3], flipped[40 * 127 + 123]);
    }

    @Test
    void missingFoldersAndLabelsAreNamed() throws IOException {
        assertTrue(message(root.resolve("nowhere")).startsWith(root.resolve("nowhere") + ": folder not found"));
        Files.createDirectories(root.resolve("val"));
        assertTrue(message(root).startsWith(root.resolve("train") + ": folder not found"));
        ImageNetFixture.write(root, true);
        Files.move(root.resolve(ImageNet.LABELS_FILE), root.resolve("val").resolve(ImageNet.LABELS_FILE));
        assertEquals(4, ImageNet.open(root).test().size(), "the labels file may also lie in val/");
        Files.delete(root.resolve("val").resolve(ImageNet.LABELS_FILE));
        assertTrue(message(root).contains("there is no labels file " + root.resolve(ImageNet.LABELS_FILE)),
                message(root));
        Files.writeString(root.resolve(ImageNet.LABELS_FILE), "ImageId,PredictionString\n"
                + "ILSVRC2012_val_00000001,n01443537 1 2 3 4\nILSVRC2012_val_00000002,n01440764 1 2 3 4\n"
                + "ILSVRC2012_val_00000003,n01443537 1 2 3 4\nILSVRC2012_val_00009999,n01440764\n");
        assertEquals(root.resolve("val/ILSVRC2012_val_00000004.JPEG") + ": no line for ILSVRC2012_val_00000004 in "
                + root.resolve(ImageNet.LABELS_FILE), message(root));
        Files.writeString(root.resolve(ImageNet.LABELS_FILE), "ImageId,PredictionString\n"
                + "ILSVRC2012_val_00000001,n09999999 1 2 3 4\n");
        assertEquals(root.resolve(ImageNet.LABELS_FILE) + ": line 2: ILSVRC2012_val_00000001 is labelled 'n09999999', "
                + "which is not a training class (no folder train/n09999999)", message(root));
        Files.writeString(root.resolve(ImageNet.LABELS_FILE), "id,label\n");
        assertEquals(root.resolve(ImageNet.LABELS_FILE) + ": line 1: expected the header ImageId,PredictionString, "
                + "got 'id,label'", message(root));
        Files.writeString(root.resolve(ImageNet.LABELS_FILE), "ImageId,PredictionString\nA,n01440764\nA,n01440764\n");
        assertEquals(root.resolve(ImageNet.LABELS_FILE) + ": line 3: A is listed twice", message(root));
        Files.writeString(root.resolve(ImageNet.LABELS_FILE), "ImageId,PredictionString\nILSVRC2012_val_00000001\n");
        assertTrue(message(root).startsWith(root.resolve(ImageNet.LABELS_FILE) + ": line 2: expected ImageId,wnid"));
        ImageNetFixture.greyJpeg(root.resolve("val/n01440764/x.JPEG"), 8, 8, 1);
        assertTrue(message(root).startsWith(root.resolve("val") + ": holds both class folders and 4 images"));
    }

    private static String message(Path root) {
        return assertThrows(DataFormatException.class, () -> ImageNet.open(root)).getMessage();
    }

    /** An image that does not decode stops the epoch with its path; the loader's thread rethrows it. */
    @Test
    void anUndecodableImageIsFatalAndNamed() throws IOException {
        ImageNetFixture.write(root, false);
        Path broken = root.resolve("train/n01443537/n01443537_0.JPEG");
        Files.write(broken, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 3, 0});
        DataSplits s = ImageNet.open(root);
        assertEquals(9, s.train().size(), "listing opens no file");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> batches(s.train(), LoaderConfig.train(9, s.preprocessing(), 1).withWorkers(2), 0));
        assertTrue(e.getMessage().startsWith(broken + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
