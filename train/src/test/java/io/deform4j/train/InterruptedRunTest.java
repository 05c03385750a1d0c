package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.data.DataSplits;
import io.deform4j.model.MemoryFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run stopped gracefully ({@link StopSignals}, here requested by code at a chosen step) and
 * resumed ends bit for bit as the uninterrupted run: the same metrics rows (timings excepted) and
 * the same final model and optimizer bytes. Engine tests on the shipped sample: resnet20, 48
 * training images in batches of 16 (3 steps per epoch), 3 epochs, 1 thread, LE(1,0.99).
 */
class InterruptedRunTest {

    private static final int EPOCHS = 3;
    private static final int STEPS = 3;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static DataSplits data;
    private static final Map<MemoryFormat, Reference> REFERENCES = new EnumMap<>(MemoryFormat.class);

    /** What the uninterrupted run left. */
    record Reference(List<EpochMetrics> rows, Checkpoint last) {
    }

    static TrainConfig config(MemoryFormat format) {
        return TrainConfig.of(Map.of("model", "resnet20", "dataset", "sample", "limit-train", 48, "limit-test", 16,
                "vdm", "LE(1,0.99)", "epochs", EPOCHS, "batch-size", 16, "lr", 0.05, "milestones", List.of(2),
                "seed", 3)).with("threads", 1).with("memory-format", format.id());
    }

    static DataSplits data() throws IOException {
        if (data == null) {
            data = Runs.openData(config(MemoryFormat.CONTIGUOUS));
        }
        return data;
    }

    static synchronized Reference reference(MemoryFormat format) throws IOException {
        if (!REFERENCES.containsKey(format)) {
            Path dir = shared.resolve(format.id());
            Runs.Result whole = Runs.start(config(format), data(), dir, false, Progress.silent(), StopSignals.none());
            assertEquals(EPOCHS, whole.metrics().size());
            REFERENCES.put(format, new Reference(withoutTimes(whole.metrics()), Checkpoints.latest(dir).orElseThrow()));
        }
        return REFERENCES.get(format);
    }

    static List<EpochMetrics> withoutTimes(List<EpochMetrics> rows) {
        return rows.stream().map(EpochMetrics::withoutTimes).toList();
    }

    /**
     * Requests a stop right after step {@code step} of epoch {@code epoch} (both 1-based, steps
     * counted from where this run started in the epoch), or when epoch {@code epoch} has ended if
     * {@code step} is 0; counts the steps taken.
     */
    static final class StopAt implements Progress {
        final StopSignals stop = StopSignals.none();
        private final int epoch;
        private final int step;
        private int current;
        private int inEpoch;
        int steps;

        StopAt(int epoch, int step) {
            this.epoch = epoch;
            this.step = step;
        }

        @Override
        public void epochStarted(int e, int epochs, int remaining) {
            current = e + 1;
            inEpoch = 0;
        }

        @Override
        public void stepped(double loss) {
            steps++;
            if (++inEpoch == step && current == epoch) {
                stop.request("a test");
            }
        }

        @Override
        public void epochEnded(EpochMetrics metrics, int epochs) {
            if (step == 0 && metrics.epoch() == epoch) {
                stop.request("a test");
            }
        }
    }

    static Stream<Arguments> stops() {
        return Stream.of(
                Arguments.of("the first step", 1, 1, MemoryFormat.CONTIGUOUS),
                Arguments.of("mid-epoch", 2, 2, MemoryFormat.CHANNELS_LAST),
                Arguments.of("the last step of an epoch", 2, STEPS, MemoryFormat.CONTIGUOUS),
                Arguments.of("between epochs", 1, 0, MemoryFormat.CHANNELS_LAST));
    }

    @ParameterizedTest(name = "stopped at {0}")
    @MethodSource("stops")
    void aRunStoppedAndResumedEndsBitwiseAsTheUninterruptedOne(String where, int epoch, int step, MemoryFormat format)
            throws IOException {
        Reference reference = reference(format);
        Path dir = tmp.resolve("run");
        StopAt stopper = new StopAt(epoch, step);
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                () -> Runs.start(config(format), data(), dir, false, stopper, stopper.stop));

        // where it stopped: epochs completed and steps into the next, in the exception and in run.json
        int completed = step == 0 ? epoch : epoch - 1;
        assertEquals(completed, e.epochsCompleted(), e.getMessage());
        assertEquals(step, e.step(), e.getMessage());
        assertEquals(dir, e.dir());
        assertTrue(e.getMessage().startsWith("training interrupted by a test "), e.getMessage());
        assertTrue(e.getMessage().contains(step == 0 ? "after epoch " + epoch + " of 3"
                : "after step " + step + " of 3 of epoch " + epoch + " of 3"), e.getMessage());
        assertTrue(e.getMessage().contains("'train --resume --out " + dir + "' continues it"), e.getMessage());
        RunInfo info = new RunDirectory.Reader(dir).info();
        assertEquals("interrupted", info.status());
        assertEquals(completed, info.epochsCompleted());
        assertEquals(step, info.epochStep());
        assertEquals(e.getMessage(), info.stopReason());
        assertEquals(reference.rows().subList(0, completed), withoutTimes(new RunDirectory.Reader(dir).metrics()));
        Checkpoint saved = Checkpoints.latest(dir).orElseThrow();
        assertEquals(completed, saved.epoch());
        assertEquals(step, saved.soFar().step());
        assertEquals(completed * STEPS + step, saved.steps());
        if (step > 0) {
            assertTrue(Files.exists(Checkpoints.file(dir, completed, step)));
            assertEquals(16 * step, saved.soFar().examples());
            assertTrue(saved.soFar().trainSeconds() > 0, "train seconds " + saved.soFar().trainSeconds());
        }
        if (completed > 0) {
            assertTrue(Files.exists(Checkpoints.file(dir, completed)), "the last epoch end stays beside it");
        }

        StopAt counter = new StopAt(0, 0);
        Runs.Result resumed = Runs.resume(dir, null, data(), counter, StopSignals.none());
        assertEquals(EPOCHS * STEPS - saved.steps(), counter.steps, "the resumed run skips the steps done");
        assertEquals(reference.rows(), withoutTimes(new RunDirectory.Reader(dir).metrics()));
        assertEquals(reference.rows(), withoutTimes(resumed.metrics()));
        Checkpoint last = Checkpoints.latest(dir).orElseThrow();
        assertArrayEquals(reference.last().model(), last.model(), "final parameters, bit for bit");
        assertArrayEquals(reference.last().optimizer(), last.optimizer(), "final optimizer state, bit for bit");
        assertEquals(reference.last().bestAccuracy(), last.bestAccuracy());
        assertEquals("finished", resumed.info().status());
        assertNull(resumed.info().epochStep());
        assertNull(resumed.info().stopReason());
        assertFalse(last.insideEpoch());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains("-step-")).toList(),
                    "no mid-epoch checkpoint is left once its epoch has ended");
        }
    }

    /** Interrupted twice in the same epoch, the second time one step after resuming; then once at its start. */
    @Test
    void aRunStoppedAgainAfterResumingStillEndsBitwiseAsTheUninterruptedOne() throws IOException {
        Reference reference = reference(MemoryFormat.CONTIGUOUS);
        Path dir = tmp.resolve("run");
        TrainConfig config = config(MemoryFormat.CONTIGUOUS);
        StopAt first = new StopAt(2, 1);
        assertThrows(TrainingInterruptedException.class,
                () -> Runs.start(config, data(), dir, false, first, first.stop));
        StopAt second = new StopAt(2, 1); // one step after resuming: step 2 of epoch 2
        TrainingInterruptedException again = assertThrows(TrainingInterruptedException.class,
                () -> Runs.resume(dir, null, data(), second, second.stop));
        assertEquals(1, again.epochsCompleted());
        assertEquals(2, again.step());
        assertEquals(1, second.steps);
        assertEquals(List.of(Checkpoints.file(dir, 1, 2), Checkpoints.file(dir, 1)), Checkpoints.list(dir));

        StopSignals atOnce = StopSignals.none();
        atOnce.request("a test");
        TrainingInterruptedException third = assertThrows(TrainingInterruptedException.class,
                () -> Runs.resume(dir, null, data(), Progress.silent(), atOnce));
        assertEquals(2, third.step());
        assertTrue(third.getMessage().contains("at step 2 of epoch 2, where it was resumed"), third.getMessage());
        assertEquals(List.of(Checkpoints.file(dir, 1, 2), Checkpoints.file(dir, 1)), Checkpoints.list(dir),
                "nothing new to save");

        Runs.resume(dir, null, data(), Progress.silent(), StopSignals.none());
        assertEquals(reference.rows(), withoutTimes(new RunDirectory.Reader(dir).metrics()));
        assertArrayEquals(reference.last().model(), Checkpoints.latest(dir).orElseThrow().model());
        assertArrayEquals(reference.last().optimizer(), Checkpoints.latest(dir).orElseThrow().optimizer());
    }
}
