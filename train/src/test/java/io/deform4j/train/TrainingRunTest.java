package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.data.DataSplits;
import io.deform4j.model.MemoryFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine tests of whole runs on tiny data: resnet20, 64 training images, 1 thread. */
class TrainingRunTest {

    @TempDir
    Path tmp;

    static TrainConfig config(int epochs, String vdm) {
        return config(epochs, vdm, null);
    }

    static TrainConfig config(int epochs, String vdm, MemoryFormat format) {
        Map<String, Object> settings = new HashMap<>(Map.of("model", "resnet20", "dataset", "sample", "vdm", vdm,
                "epochs", epochs, "batch-size", 16, "lr", 0.05, "milestones", List.of(2), "seed", 7, "threads", 1));
        if (format != null) {
            settings.put("memory-format", format.id());
        }
        return TrainConfig.of(settings);
    }

    static DataSplits data() {
        return TestData.splits(64, 32, 4, 3, 32, 5);
    }

    /** Stops (like a kill) right after the checkpoint and run.json of epoch {@code after} are written. */
    static final class Interrupt extends RuntimeException {
    }

    static Progress interruptAfter(int after) {
        return new Progress() {
            @Override
            public void epochEnded(EpochMetrics metrics, int epochs) {
                if (metrics.epoch() == after) {
                    throw new Interrupt();
                }
            }
        };
    }

    @Test
    void resumedRunEndsBitwiseEqualToUninterruptedRunEvenAfterACrashDuringACheckpoint() throws IOException {
        TrainConfig config = config(3, "LE(1,0.99)");
        Runs.Result whole = Runs.start(config, data(), tmp.resolve("whole"), false, Progress.silent());
        assertEquals(3, whole.metrics().size());
        assertEquals("finished", whole.info().status());

        Path part = tmp.resolve("part");
        assertThrows(Interrupt.class, () -> Runs.start(config, data(), part, false, interruptAfter(2)));
        // A crash while writing epoch 3's checkpoint: a partial temporary file and a truncated file,
        // and a metrics row cut short.
        byte[] two = Files.readAllBytes(Checkpoints.file(part, 2));
        Files.write(part.resolve(".checkpoint-0003.bin.tmp"), java.util.Arrays.copyOf(two, two.length / 3));
        Files.write(Checkpoints.file(part, 3), java.util.Arrays.copyOf(two, two.length - 5));
        Files.writeString(part.resolve("metrics.csv"), Files.readString(part.resolve("metrics.csv")) + "3,0.05,1.2",
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        assertEquals(2, Checkpoints.latest(part).orElseThrow().epoch());

        Runs.Result resumed = Runs.resume(part, null, data(), Progress.silent());
        assertEquals(whole.metrics().stream().map(EpochMetrics::withoutTimes).toList(),
                new RunDirectory.Reader(part).metrics().stream().map(EpochMetrics::withoutTimes).toList());
        assertEquals(whole.info().bestTestAcc(), resumed.info().bestTestAcc());
        assertEquals(whole.info().finalTestAcc(), resumed.info().finalTestAcc());
        assertEquals("finished", resumed.info().status());
    }
}
