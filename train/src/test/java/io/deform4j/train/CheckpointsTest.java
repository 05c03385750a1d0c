package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files without the engine: round trip, retention, damaged files passed over, version 1. */
class CheckpointsTest {

    @TempDir
    Path dir;

    static Checkpoint checkpoint(int epoch) {
        return new Checkpoint(epoch, 7, epoch * 10L, 0.5 + epoch / 100.0, epoch, Checkpoint.EpochSoFar.NONE,
                new byte[] {1, 2, (byte) epoch}, new byte[] {9, (byte) epoch});
    }

    /** A checkpoint {@code step} steps into the epoch after {@code epochs} completed ones. */
    static Checkpoint inside(int epochs, int step) {
        return new Checkpoint(epochs, 7, epochs * 10L + step, 0.5, epochs, new Checkpoint.EpochSoFar(step, 1.5 * step,
                2.5 * step, 3.0 * step, 16 * step, 0.25 * step), new byte[] {5, (byte) step}, new byte[] {6});
    }

    private List<String> names() throws IOException {
        return Checkpoints.list(dir).stream().map(p -> p.getFileName().toString()).toList();
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

    @Test
    void aMidEpochCheckpointRoundTripsAndIsNamedAfterItsEpochAndStep() throws IOException {
        Path file = Checkpoints.write(dir, inside(2, 5));
        assertEquals("checkpoint-0003-step-000005.bin", file.getFileName().toString());
        Checkpoint back = Checkpoints.latest(dir).orElseThrow();
        assertTrue(back.insideEpoch());
        assertEquals(2, back.epoch());
        assertEquals(25, back.steps());
        assertEquals(new Checkpoint.EpochSoFar(5, 7.5, 12.5, 15.0, 80, 1.25), back.soFar());
        assertArrayEquals(new byte[] {5, 5}, back.model());
        assertFalse(checkpoint(2).insideEpoch());
    }

    /**
     * End-of-epoch checkpoints: the newest two. A mid-epoch one does not count towards them (the
     * last end-of-epoch checkpoint stays beside it) and goes as soon as a later one is written.
     */
    @Test
    void midEpochCheckpointsLiveUntilALaterOneAndNeverPushOutTheLastEpochEnd() throws IOException {
        Checkpoints.write(dir, checkpoint(1));
        Checkpoints.write(dir, checkpoint(2));
        Checkpoints.write(dir, inside(2, 3));
        assertEquals(List.of("checkpoint-0003-step-000003.bin", "checkpoint-0002.bin", "checkpoint-0001.bin"), names());
        Checkpoints.write(dir, inside(2, 7)); // interrupted again, later in the same epoch
        assertEquals(List.of("checkpoint-0003-step-000007.bin", "checkpoint-0002.bin", "checkpoint-0001.bin"), names());
        assertEquals(7, Checkpoints.latest(dir).orElseThrow().soFar().step());
        Checkpoints.write(dir, checkpoint(3));
        assertEquals(List.of("checkpoint-0003.bin", "checkpoint-0002.bin"), names());
        Checkpoints.write(dir, inside(3, 1));
        Checkpoints.write(dir, checkpoint(4));
        assertEquals(List.of("checkpoint-0004.bin", "checkpoint-0003.bin"), names());
        // a damaged mid-epoch checkpoint is passed over for the epoch end before it
        Checkpoints.write(dir, inside(4, 2));
        Path mid = Checkpoints.file(dir, 4, 2);
        Files.write(mid, java.util.Arrays.copyOf(Files.readAllBytes(mid), 30));
        assertEquals(4, Checkpoints.latest(dir).orElseThrow().epoch());
        assertFalse(Checkpoints.latest(dir).orElseThrow().insideEpoch());
    }

    /**
     * The bytes of epoch 3's checkpoint as the version-1 writer (before mid-epoch checkpoints)
     * wrote them: epoch 3, seed 7, 30 steps, best 0.625 at epoch 2, model {1,2,3,4}, optimizer {9,8,7}.
     */
    private static final String VERSION_1 = "44344a434b50543100000001000000030000000000000007000000000000001e3fe4"
            + "00000000000000000002000000040102030400000003090807000000000000003b8ca18953";

    @Test
    void aVersion1FileReadsAsAnEndOfEpochCheckpoint() throws IOException {
        Path file = Files.write(Checkpoints.file(dir, 3), HexFormat.of().parseHex(VERSION_1));
        Checkpoint c = Checkpoints.read(file).orElseThrow();
        assertEquals(3, c.epoch());
        assertEquals(7, c.seed());
        assertEquals(30, c.steps());
        assertEquals(0.625, c.bestAccuracy());
        assertEquals(2, c.bestEpoch());
        assertEquals(Checkpoint.EpochSoFar.NONE, c.soFar());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, c.model());
        assertArrayEquals(new byte[] {9, 8, 7}, c.optimizer());
        assertEquals(2, Checkpoints.VERSION);
        byte[] written = Checkpoints.encode(c);
        assertEquals(Checkpoints.VERSION, java.nio.ByteBuffer.wrap(written, 8, 4).getInt());
        assertEquals(VERSION_1.length() / 2 + 4 + 4 * 8 + 4, written.length, "version 2 adds the epoch so far");
    }
}
