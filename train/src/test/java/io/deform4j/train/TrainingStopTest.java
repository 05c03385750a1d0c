package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.expression.OutsideDomainException;
import io.deform4j.mapping.Vdm;
import io.deform4j.model.MemoryFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingStopTest {

    @TempDir
    Path tmp;

    @Test
    void lossBelowTheDomainOfTheMappingStopsWithItsErrorEpochStepAndKeepsTheLastCheckpoint() throws IOException {
        // LE(1,1.9) is defined for l > ln 1.9 = 0.642; this run's loss falls below within a few epochs.
        // Near the bound δ' = e^l/(e^l - 1.9) grows without limit, so whether a run steps over the
        // bound or first blows up depends on the last bits of every step: this seed, in the
        // contiguous layout, steps over it (in channels-last it blows up first, which the test below covers).
        TrainConfig config = TrainingRunTest.config(6, "LE(1,1.9)", MemoryFormat.CONTIGUOUS);
        Path out = tmp.resolve("run");
        TrainingStoppedException e = assertThrows(TrainingStoppedException.class,
                () -> Runs.start(config, TrainingRunTest.data(), out, false, Progress.silent()));
        System.out.println(e.getMessage());
        OutsideDomainException cause = assertInstanceOf(OutsideDomainException.class, e.getCause());
        assertThrows(OutsideDomainException.class, () -> Vdm.parse("LE(1,1.9)").value(0.5));
        assertTrue(e.getMessage().contains(cause.getMessage()), e.getMessage());
        assertTrue(e.getMessage().contains("epoch " + e.epoch() + ", step " + e.step()), e.getMessage());
        assertTrue(e.epoch() >= 2, "expected the loss to cross the bound after the first epoch: " + e.getMessage());

        int completed = e.epoch() - 1;
        assertEquals(completed, Checkpoints.latest(out).orElseThrow().epoch());
        assertTrue(e.getMessage().contains(Checkpoints.file(out, completed).toString()), e.getMessage());
        RunDirectory.Reader reader = new RunDirectory.Reader(out);
        assertEquals(completed, reader.metrics().size());
        assertEquals("stopped", reader.info().status());
        assertEquals(completed, reader.info().epochsCompleted());
    }

    @Test
    void divergingLossStopsWithAClearMessage() throws IOException {
        TrainConfig config = TrainConfig.of(Map.of("model", "resnet20", "dataset", "sample", "epochs", 2,
                "batch-size", 16, "lr", 1e5, "weight-decay", 0.0, "milestones", List.of(), "seed", 7, "threads", 1));
        TrainingStoppedException e = assertThrows(TrainingStoppedException.class,
                () -> Runs.start(config, TrainingRunTest.data(), tmp.resolve("nan"), false, Progress.silent()));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        assertTrue(e.getMessage().contains("in epoch 1, step") || e.getMessage().contains("evaluation after epoch 1"),
                e.getMessage());
        assertEquals("stopped", new RunDirectory.Reader(tmp.resolve("nan")).info().status());
    }
}
