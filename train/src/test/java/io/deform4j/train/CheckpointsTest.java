package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files without the engine: round trip, retention, damaged files passed over. */
class CheckpointsTest {

    @TempDir
    Path dir;

    static Checkpoint checkpoint(int epoch) {
        return new Checkpoint(epoch, 7, epoch * 10L, 0.5 + epoch / 100.0, epoch, new byte[] {1, 2, (byte) epoch},
                new byte[] {9, (byte) epoch});
    }

    @Test
    void roundTripKeepsTheNewestTwoAndNoTemporaryFile() throws IOException {
        for (int e = 1; e <= 4; e++) {
            Checkpoints.write(dir, checkpoint(e));
        }
        assertEquals(2, Checkpoints.list(dir).size());
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(AtomicFiles::isTemporary), "a temporary file is left");
        }
        Checkpoint latest = Checkpoints.latest(dir).orElseThrow();
        assertEquals(4, latest.epoch());
        assertEquals(40, latest.steps());
        assertEquals(0.54, latest.bestAccuracy());
        assertArrayEquals(new byte[] {1, 2, 4}, latest.model());
        assertArrayEquals(new byte[] {9, 4}, latest.optimizer());
    }

    @Test
    void aFlippedByteOrATruncatedFileIsPassedOver() throws IOException {
        Checkpoints.write(dir, checkpoint(1));
        Checkpoints.write(dir, checkpoint(2));
        byte[] bytes = Files.readAllBytes(Checkpoints.file(dir, 2));
        bytes[20] ^= 1;
        Files.write(Checkpoints.file(dir, 2), bytes);
        assertEquals(1, Checkpoints.latest(dir).orElseThrow().epoch());
        Files.write(Checkpoints.file(dir, 3), new byte[] {1, 2, 3});
        assertEquals(1, Checkpoints.latest(dir).orElseThrow().epoch());
        // what a crash before the rename leaves: a complete checkpoint in a temporary file is not taken
        Files.write(dir.resolve("." + Checkpoints.file(dir, 5).getFileName() + ".1234.tmp"), Checkpoints.encode(checkpoint(5)));
        assertEquals(1, Checkpoints.latest(dir).orElseThrow().epoch());
        Files.write(Checkpoints.file(dir, 1), new byte[0]);
        assertTrue(Checkpoints.latest(dir).isEmpty());
    }
}
