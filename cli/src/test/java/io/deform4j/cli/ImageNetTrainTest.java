package io.deform4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --dataset imagenet} end to end on a tiny ImageNet folder of real JPEGs (flat
 * validation set with Kaggle's labels file): ResNet-18, two steps of 4 images at 224×224 on the CPU
 * (a few seconds on one core).
 */
class ImageNetTrainTest {

    @TempDir
    Path tmp;

    private static void jpeg(Path file, int w, int h, int shade) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, ((shade + x) & 0xFF) << 16 | ((y * 3) & 0xFF) << 8 | shade);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "jpg", file.toFile());
    }

    private Path imageNet() throws IOException {
        Path root = tmp.resolve("imagenet");
        StringBuilder labels = new StringBuilder("ImageId,PredictionString\n");
        for (String wnid : List.of("n01440764", "n01443537")) {
            int shade = wnid.endsWith("4") ? 30 : 160;
            for (int i = 0; i < 4; i++) {
                jpeg(root.resolve("train/" + wnid + "/" + wnid + "_" + i + ".JPEG"), 300 + 40 * i, 260, shade);
            }
            for (int i = 0; i < 2; i++) {
                String id = wnid + "v" + i;
                jpeg(root.resolve("val/" + id + ".JPEG"), 280, 320, shade);
                labels.append(id).append(',').append(wnid).append(" 0 0 10 10\n");
            }
        }
        Files.writeString(root.resolve("LOC_val_solution.csv"), labels);
        return root;
    }

    @Test
    void trainsOnImageNetAndNamesABrokenImage() throws IOException {
        Path data = imageNet();
        Path out = tmp.resolve("run");
        TrainCommandTest.Outcome ok = TrainCommandTest.train("--dataset", "imagenet", "--data-dir", data.toString(),
                "--model", "resnet18", "--epochs", "1", "--batch-size", "4", "--threads", "1", "--out", out.toString());
        assertEquals(0, ok.code(), ok.err());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(2, metrics.size(), metrics.toString());
        double trainLoss = Double.parseDouble(metrics.get(1).split(",")[2]);
        assertTrue(trainLoss > 0 && trainLoss < 20, "train loss of two classes from scratch: " + trainLoss);
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"imagenet\""));

        Path broken = data.resolve("train/n01443537/n01443537_2.JPEG");
        Files.write(broken, new byte[] {1, 2, 3});
        TrainCommandTest.Outcome bad = TrainCommandTest.train("--dataset", "imagenet", "--data-dir", data.toString(),
                "--model", "resnet20", "--epochs", "1", "--batch-size", "4", "--threads", "1", "--out",
                tmp.resolve("bad").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains(broken + ": not an image"), bad.err());
    }
}
