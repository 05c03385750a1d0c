package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deform4j.report.ReportData.ReportedRun;
import io.deform4j.sweep.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSourcesTest {

    @TempDir
    Path dir;

    @Test
    void findsRunsAndTheOutputsOfTheInstrumentsAtAnyDepth() throws Exception {
        SyntheticRuns.finished(dir.resolve("study/compare/original"), "original", 1, 2, 0.5);
        SyntheticRuns.finished(dir.resolve("study/compare/deformed"), "LE(1,0.99)", 1, 2, 0.6);
        ReportFiles.landscape(dir.resolve("study/out/landscape"), List.of("original", "deformed"), true);
        ReportFiles.hessian(dir.resolve("study/out/hessian-o"), "original", 579, 450);
        ReportFiles.simulation(dir.resolve("study/out/fig4"));

        ReportData data = ReportSources.find(List.of(dir.resolve("study")));

        assertThat(data.runs()).extracting(ReportedRun::label).containsExactly("study/compare/deformed",
                "study/compare/original");
        assertThat(data.runs()).allMatch(r -> r.record().state() == RunState.DONE);
        assertThat(data.landscapes()).singleElement().satisfies(l -> {
            assertThat(l.curve()).hasSize(2 * 5);
            assertThat(l.surfaces()).extracting(ReportData.Surface::model).containsExactly("deformed", "original");
            assertThat(l.surfaces().get(0).points()).hasSize(9);
            assertThat(l.surfaces().get(0).picture()).isNotNull();
        });
        assertThat(data.hessians()).singleElement().satisfies(h -> assertThat(h.report().eigenvalues())
                .containsExactly(579, 450));
        assertThat(data.simulations()).singleElement().satisfies(s -> {
            assertThat(s.summary().study()).isEqualTo("fig4");
            assertThat(s.summary().summary()).hasSize(2);
            assertThat(s.pictures()).extracting(p -> p.getFileName().toString()).containsExactly("contour.png");
        });
        assertThat(data.problems()).isEmpty();
    }

    @Test
    void damagedFilesAreKeptAsBrokenNeverDropped() throws Exception {
        Path good = SyntheticRuns.finished(dir.resolve("runs/good"), "original", 1, 2, 0.5);
        Path badJson = SyntheticRuns.finished(dir.resolve("runs/bad-json"), "original", 2, 2, 0.5);
        Files.writeString(badJson.resolve("run.json"), "{ not json");
        Path badCsv = SyntheticRuns.finished(dir.resolve("runs/bad-csv"), "original", 3, 2, 0.5);
        Files.writeString(badCsv.resolve("metrics.csv"), "epoch,lr\nx,y\n");
        Path orphan = Files.createDirectories(dir.resolve("runs/orphan"));
        Files.writeString(orphan.resolve("metrics.csv"), "epoch\n");
        ReportFiles.hessian(dir.resolve("runs/h"), "good", 1, 0.5);
        Files.writeString(dir.resolve("runs/h/hessian.json"), "[1, 2]");

        ReportData data = ReportSources.find(List.of(dir.resolve("runs")));

        assertThat(data.runs()).extracting(r -> r.record().name() + " " + r.record().state()).containsExactly(
                "bad-csv BROKEN", "bad-json BROKEN", "good DONE", "orphan BROKEN");
        assertThat(data.runs().get(0).record().problem()).contains("metrics.csv");
        assertThat(data.runs().get(1).record().problem()).contains("run.json");
        assertThat(data.runs().get(3).record().problem()).contains("run.json is missing");
        assertThat(data.problems()).singleElement().satisfies(p -> assertThat(p.path())
                .isEqualTo(dir.resolve("runs/h/hessian.json")));
        assertThat(data.unreadable()).hasSize(4);
        assertThat(data.configured()).extracting(r -> r.dir()).containsExactly(badCsv, good);
    }

    @Test
    void aSweepWhoseRecordCannotBeReadIsListedAndItsRunsAreReadOneByOne() throws Exception {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        Files.writeString(sweep.resolve("sweep.json"), "{\"runs\": [");
        SyntheticRuns.finished(sweep.resolve("runs/original-seed1"), "original", 1, 2, 0.5);

        ReportData data = ReportSources.find(List.of(sweep));

        assertThat(data.runs()).extracting(r -> r.label()).containsExactly("sweep/runs/original-seed1");
        assertThat(data.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(sweep.resolve("sweep.json"));
            assertThat(p.message()).contains("not valid JSON", "read one by one");
        });
    }

    @Test
    void aPathGivenTwiceOrInsideAnotherIsReadOnce() throws Exception {
        SyntheticRuns.finished(dir.resolve("runs/a"), "original", 1, 2, 0.5);
        SyntheticRuns.finished(dir.resolve("runs/b"), "original", 2, 2, 0.5);
        ReportData data = ReportSources.find(List.of(dir.resolve("runs"), dir.resolve("runs/a"),
                dir.resolve("runs/b/run.json"), dir.resolve("runs")));
        assertThat(data.runs()).hasSize(2);
    }

    @Test
    void aPathWithNothingOfDeform4jInItIsAnErrorNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty/sub"));
        Files.writeString(empty.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> ReportSources.find(List.of(dir.resolve("empty"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(dir.resolve("empty") + " holds nothing deform4j wrote");
        assertThatThrownBy(() -> ReportSources.find(List.of(dir.resolve("missing"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(dir.resolve("missing") + " does not exist");
        assertThatThrownBy(() -> ReportSources.find(List.of(empty.resolve("notes.txt"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notes.txt is a file");
    }
}
