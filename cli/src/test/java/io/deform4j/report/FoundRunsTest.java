package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding runs under any mix of paths, and what happens to damaged ones. */
class FoundRunsTest {

    @TempDir
    Path tmp;

    private Path sweepOfTwo(Path dir) throws IOException {
        Map<String, TrainConfig> planned = new LinkedHashMap<>();
        planned.put("s1", RunFiles.config(Map.of("seed", 1, "epochs", 1)));
        planned.put("s2", RunFiles.config(Map.of("seed", 2, "epochs", 1)));
        RunFiles.sweep(dir, planned);
        RunFiles.done(dir.resolve("runs/s1"), Map.of("seed", 1), 0.5);
        return dir;
    }

    @Test
    void walksSweepsCompareDirectoriesAndRunDirectoriesAtAnyDepthCountingEachRunOnce() throws IOException {
        Path sweep = sweepOfTwo(tmp.resolve("deep/sweep"));
        RunFiles.done(tmp.resolve("compare/original"), Map.of(), 0.6);
        RunFiles.done(tmp.resolve("compare/deformed"), Map.of("vdm", "LE(1,0.99)"), 0.7);
        Path single = RunFiles.done(tmp.resolve("single"), Map.of("seed", 7), 0.8);

        FoundRuns found = FoundRuns.find(List.of(tmp, sweep.resolve("runs/s1"), single.resolve("run.json")));

        assertThat(found.problems()).isEmpty();
        assertThat(found.runs()).extracting(RunRecord::name)
                .containsExactly("deformed", "original", "s1", "s2", "single");
        assertThat(found.runs()).extracting(RunRecord::state)
                .containsExactly(RunState.DONE, RunState.DONE, RunState.DONE, RunState.PENDING, RunState.DONE);
    }

    @Test
    void aRunWhoseConfigurationIsUnreadableIsReportedAndTheOthersKept() throws IOException {
        RunFiles.done(tmp.resolve("good"), Map.of(), 0.6);
        Path bad = RunFiles.done(tmp.resolve("bad"), Map.of(), 0.6);
        Files.writeString(bad.resolve("run.json"), "{ \"config\": ");

        FoundRuns found = FoundRuns.find(List.of(tmp));

        assertThat(found.runs()).extracting(RunRecord::name).containsExactly("good");
        assertThat(found.problems()).singleElement().asString().contains(bad.toString()).contains("broken");
    }

    @Test
    void aBrokenRunOfASweepStaysInItsCellAsBroken() throws IOException {
        Path sweep = sweepOfTwo(tmp.resolve("sweep"));
        Files.writeString(sweep.resolve("runs/s1/metrics.csv"), "epoch,lr\nnot,a number\n");

        FoundRuns found = FoundRuns.find(List.of(sweep));

        assertThat(found.problems()).isEmpty();
        RunRecord s1 = found.runs().get(0);
        assertThat(s1.state()).isEqualTo(RunState.BROKEN);
        assertThat(s1.config()).isNotNull();
        assertThat(s1.problem()).contains("metrics.csv");
    }

    @Test
    void aSweepWhoseRecordIsUnreadableIsReportedAndItsRunDirectoriesAreStillRead() throws IOException {
        Path sweep = sweepOfTwo(tmp.resolve("sweep"));
        Files.writeString(sweep.resolve("sweep.json"), "{\"runs\": [");

        FoundRuns found = FoundRuns.find(List.of(sweep));

        assertThat(found.runs()).extracting(RunRecord::name).containsExactly("s1");
        assertThat(found.problems()).singleElement().asString().contains("sweep.json").contains("one by one");
    }

    @Test
    void aPathWithoutRunsOrThatDoesNotExistIsBadInput() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/nested"));
        assertThatThrownBy(() -> FoundRuns.find(List.of(tmp.resolve("empty"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no run directory");
        assertThatThrownBy(() -> FoundRuns.find(List.of(tmp.resolve("missing"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        Path file = Files.writeString(empty.resolve("notes.txt"), "");
        assertThatThrownBy(() -> FoundRuns.find(List.of(file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a file");
    }
}
