package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few steps on a class-balanced subset of an image folder (the ImageNet layout) that the test
 * writes itself, opened by name as the command line does: 10 classes of 32×32 JPEGs.
 */
class FolderDataRunTest {

    @TempDir
    Path tmp;

    @Test
    void trainsOnASubsetOfAJpegFolder() throws IOException {
        Path root = tmp.resolve("jpeg");
        writeFolder(root.resolve("train"), 6, 1);
        writeFolder(root.resolve("test"), 2, 2);
        TrainConfig config = TrainConfig.of(Map.of("model", "resnet20", "dataset", "folder",
                "data-dir", root.toString(), "vdm", "AP(18/pi,1,2,1)", "epochs", 1, "batch-size", 16,
                "seed", 3, "threads", 1, "limit-train", 48, "limit-test", 20));
        Runs.Result result = Runs.start(config, tmp.resolve("run"), false, Progress.silent());
        assertEquals(1, result.metrics().size());
        assertEquals(48, result.info().trainImages());
        assertEquals(20, result.info().testImages());
        EpochMetrics m = result.metrics().get(0);
        assertTrue(Double.isFinite(m.trainLoss()) && m.trainDeformedLoss() > m.trainLoss(), m.toString());
        assertEquals(0.1, m.lr());
        assertEquals(List.of(150, 225), result.info().config().milestones());
    }

    /** {@code perClass} noisy 32×32 colour JPEGs in each of {@code dir/c0} … {@code dir/c9}, brightness by class. */
    private static void writeFolder(Path dir, int perClass, long seed) throws IOException {
        Random random = new Random(seed);
        for (int k = 0; k < 10; k++) {
            Path classDir = Files.createDirectories(dir.resolve("c" + k));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        int v = Math.max(0, Math.min(255, 20 + 22 * k + (int) (random.nextGaussian() * 30)));
                        image.setRGB(x, y, v << 16 | (255 - v) << 8 | (x * 8));
                    }
                }
                if (!ImageIO.write(image, "jpg", classDir.resolve(i + ".jpg").toFile())) {
                    throw new IOException("no JPEG writer");
                }
            }
        }
    }
}
