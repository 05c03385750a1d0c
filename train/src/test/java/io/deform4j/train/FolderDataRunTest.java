package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few steps on a class-balanced subset of the CIFAR-10 JPEG folder, opened by name like the CLI does. */
class FolderDataRunTest {

    static final Path CIFAR10_JPEG = Path.of(System.getProperty("deform4j.shared.dir", "../../shared"), "data", "cifar10-jpeg");

    @TempDir
    Path tmp;

    @Test
    void trainsOnASubsetOfTheCifar10JpegFolder() throws IOException {
        assumeTrue(Files.isDirectory(CIFAR10_JPEG.resolve("train")), "no " + CIFAR10_JPEG);
        TrainConfig config = TrainConfig.of(Map.of("model", "resnet20", "dataset", "folder",
                "data-dir", CIFAR10_JPEG.toString(), "vdm", "AP(18/pi,1,2,1)", "epochs", 1, "batch-size", 16,
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
}
