package io.deform4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep directory: what the first launch records, what a later launch may add, and what it refuses. */
class SweepDirectoryTest {

    @TempDir
    Path tmp;

    private static final String SPEC = """
            name: demo
            base: {dataset: sample, epochs: 2, lr: 0.1}
            grid:
              vdm: [original, 'LE(1,0.9)']
              seed: [1, 2]
            """;

    private SweepPlan plan(String yaml) throws IOException {
        Path file = tmp.resolve("spec.yaml");
        Files.writeString(file, yaml);
        return SweepPlan.expand(SweepSpec.load(file.toString()), Map.of());
    }

    private String refused(Path dir, String yaml) throws IOException {
        SweepPlan plan = plan(yaml);
        return assertThrows(IllegalArgumentException.class, () -> SweepDirectory.prepare(dir, plan)).getMessage();
    }

    @Test
    void theFirstLaunchRecordsEveryRunAndItsLayout() throws IOException {
        Path dir = tmp.resolve("sweep");
        SweepPlan plan = plan(SPEC);
        SweepDirectory sweep = SweepDirectory.prepare(dir, plan);
        assertTrue(Files.isDirectory(dir.resolve("runs")) && Files.isDirectory(dir.resolve("logs"))
                && Files.isDirectory(dir.resolve("state")));
        assertEquals(dir.resolve("runs/LE(1,0.9)-seed2"), sweep.runDir("LE(1,0.9)-seed2"));
        assertEquals(dir.resolve("logs/LE(1,0.9)-seed2.log"), sweep.log("LE(1,0.9)-seed2"));
        assertEquals(dir.resolve("state/LE(1,0.9)-seed2.json"), sweep.taskFile("LE(1,0.9)-seed2"));
        // read back, as any executor does
        Map<String, io.deform4j.train.TrainConfig> runs = SweepDirectory.existing(dir).runs();
        assertEquals(plan.runs().stream().map(SweepRun::name).toList(), List.copyOf(runs.keySet()));
        plan.runs().forEach(run -> assertEquals(run.config(), runs.get(run.name())));
        String json = Files.readString(dir.resolve(SweepDirectory.SWEEP_JSON));
        assertTrue(json.contains("\"name\" : \"demo\"") && json.contains("\"limit_train\""), json);
        assertTrue(SweepDirectory.existing(dir).records().stream().allMatch(r -> r.state() == RunState.PENDING));
    }

    @Test
    void theSameSpecAgainAndMoreSeedsAreAllowed() throws IOException {
        Path dir = tmp.resolve("sweep");
        SweepDirectory.prepare(dir, plan(SPEC));
        SweepDirectory.prepare(dir, plan(SPEC));
        SweepDirectory.prepare(dir, plan(SPEC.replace("seed: [1, 2]", "seed: [1, 2, 3]")));
        assertEquals(List.of("original-seed1", "original-seed2", "original-seed3", "LE(1,0.9)-seed1",
                "LE(1,0.9)-seed2", "LE(1,0.9)-seed3"), List.copyOf(SweepDirectory.existing(dir).runs().keySet()));
    }

    @Test
    void aChangedSettingIsRefusedNamingTheRunAndTheChange() throws IOException {
        Path dir = tmp.resolve("sweep");
        SweepDirectory.prepare(dir, plan(SPEC));
        String before = Files.readString(dir.resolve(SweepDirectory.SWEEP_JSON));
        String message = refused(dir, SPEC.replace("lr: 0.1", "lr: 0.2"));
        assertTrue(message.contains("holds a sweep with another spec"), message);
        assertTrue(message.contains("run original-seed1: lr 0.1 → 0.2"), message);
        assertTrue(message.contains("run LE(1,0.9)-seed2: lr 0.1 → 0.2"), message);
        assertTrue(message.contains("Adding runs (seeds, grid values) is allowed"), message);
        assertEquals(before, Files.readString(dir.resolve(SweepDirectory.SWEEP_JSON)), "nothing is written");
    }

    @Test
    void aRemovedRunIsRefused() throws IOException {
        Path dir = tmp.resolve("sweep");
        SweepDirectory.prepare(dir, plan(SPEC));
        String message = refused(dir, SPEC.replace("seed: [1, 2]", "seed: [1]"));
        assertTrue(message.contains("run original-seed2 is no longer in the spec"), message);
    }

    @Test
    void theThreadsOfARunMayChangeTheyDoNotChangeWhatItComputes() throws IOException {
        Path dir = tmp.resolve("sweep");
        SweepDirectory.prepare(dir, plan(SPEC));
        SweepDirectory.prepare(dir, SweepPlan.expand(SweepSpec.load(tmp.resolve("spec.yaml").toString()),
                Map.of("threads", 2)));
        assertEquals(2, SweepDirectory.existing(dir).runs().get("original-seed1").threads());
    }

    @Test
    void aDirectoryThatHoldsSomethingElseOrIsAFileIsRefused() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertTrue(refused(other, SPEC).contains("is not empty and holds no sweep"));
        assertEquals(List.of(other.resolve("notes.txt")), Files.list(other).toList(), "nothing is written");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertTrue(refused(file, SPEC).contains("is a file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepDirectory.existing(other)).getMessage()
                .contains("holds no sweep"));
    }

    @Test
    void aDamagedRecordIsRefusedNotOverwritten() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("sweep"));
        Files.writeString(dir.resolve(SweepDirectory.SWEEP_JSON), "{\"name\": \"demo\", \"runs\": [");
        assertTrue(refused(dir, SPEC).contains("is not valid JSON"));
        Files.writeString(dir.resolve(SweepDirectory.SWEEP_JSON), "{\"name\": \"demo\"}");
        assertTrue(refused(dir, SPEC).contains("has no 'runs' object"));
    }
}
