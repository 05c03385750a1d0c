package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's cells: {@link CellGrouping#byMapping}, each deformed cell's original, and the statistics the report uses. */
class CellGroupingTest {

    @TempDir
    Path dir;

    @Test
    void runsThatDifferOnlyInSeedOrThreadsShareACellAndEachMappingFindsItsOriginal() throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        runs.add(read(SyntheticRuns.finished(dir.resolve("o1"), "original", 1, 3, 0.50, 10, Map.of("threads", 1))));
        runs.add(read(SyntheticRuns.finished(dir.resolve("o2"), "original", 2, 3, 0.70, 12, Map.of("threads", 2))));
        runs.add(read(SyntheticRuns.finished(dir.resolve("o3"), "original", 3, 3, 0.60, 14, Map.of())));
        runs.add(read(SyntheticRuns.finished(dir.resolve("l1"), "LE(1,0.99)", 1, 3, 0.55, 10, Map.of())));
        runs.add(read(SyntheticRuns.finished(dir.resolve("l2"), "LE(1,0.99)", 2, 3, 0.80, 11, Map.of())));
        runs.add(read(SyntheticRuns.stopped(dir.resolve("l3"), "LE(1,0.99)", 3, 2, 3, "loss left the domain")));
        runs.add(read(SyntheticRuns.finished(dir.resolve("r32"), "original", 1, 3, 0.40, 10, Map.of("model", "resnet32"))));

        CellGrouping.Result grouped = CellGrouping.byMapping(runs);

        assertThat(grouped.extras()).containsExactly("model");
        List<Cell> cells = grouped.cells();
        assertThat(cells).hasSize(3);
        Cell original = cells.get(0);
        Cell le = cells.get(1);
        assertThat(original.settings()).containsExactly(Map.entry("vdm", "original"), Map.entry("model", "resnet20"));
        assertThat(original.runs()).hasSize(3);
        assertThat(le.runs()).hasSize(3);
        assertThat(le.done()).hasSize(2); // the stopped run is counted, never averaged in
        assertThat(runs.get(5).state()).isEqualTo(RunState.FAILED);
        // medians by hand: {0.5, 0.7, 0.6} → 0.6; {0.55, 0.8} → 0.675
        CellSummary acc = CellSummary.of(original, Metric.FINAL);
        assertThat(acc.median()).isCloseTo(0.60, within(1e-12));
        assertThat(acc.min()).isCloseTo(0.50, within(1e-12));
        assertThat(acc.max()).isCloseTo(0.70, within(1e-12));
        assertThat(acc.runs()).isEqualTo(3);
        assertThat(CellSummary.of(le, Metric.FINAL).median()).isCloseTo(0.675, within(1e-12));
        assertThat(CellSummary.of(le, Metric.FINAL).overlaps(acc)).isTrue();
        assertThat(acc.trainSeconds()).isCloseTo(12, within(1e-12));

        assertThat(grouped.reference(le)).isSameAs(original);
        assertThat(grouped.reference(original)).isNull();
        assertThat(grouped.reference(cells.get(2))).isNull(); // resnet32 has no deformed cell, and is original
        assertThat(le.vdm()).isEqualTo("LE(1,0.99)");
        assertThat(le.isOriginal()).isFalse();
        assertThat(le.withoutMapping()).isEqualTo(original.withoutMapping()).doesNotContainKey("vdm");
        assertThat(cells.get(2).describe(List.of("model", "lr"))).isEqualTo("model resnet32, lr 0.1");
    }

    @Test
    void aMappingWithoutAnOriginalOfItsExperimentHasNoReference() throws Exception {
        List<RunRecord> runs = List.of(
                read(SyntheticRuns.finished(dir.resolve("o"), "original", 1, 2, 0.5, 10, Map.of("lr", 0.05))),
                read(SyntheticRuns.finished(dir.resolve("l"), "LE(1,0.99)", 1, 2, 0.6, 10, Map.of("lr", 0.1))));
        CellGrouping.Result grouped = CellGrouping.byMapping(runs);
        assertThat(grouped.extras()).containsExactly("lr");
        assertThat(grouped.reference(grouped.cells().get(1))).isNull();
    }

    @Test
    void rangesOverlapWhenTheyShareAValue() throws Exception {
        CellSummary low = summary("low", 0.1, 0.2);
        CellSummary high = summary("high", 0.3, 0.4);
        CellSummary touching = summary("touching", 0.2, 0.5);
        assertThat(low.overlaps(high)).isFalse();
        assertThat(high.overlaps(low)).isFalse();
        assertThat(low.overlaps(touching)).isTrue();
        assertThat(touching.overlaps(low)).isTrue();
        CellSummary none = CellSummary.of(new Cell(Map.of(), Map.of(), List.of()), Metric.FINAL);
        assertThat(none.overlaps(low)).isFalse();
        assertThat(low.overlaps(none)).isFalse();
    }

    /** A cell of finished runs with these final accuracies. */
    private CellSummary summary(String name, double... accuracies) throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < accuracies.length; i++) {
            runs.add(read(SyntheticRuns.finished(dir.resolve(name + i), "original", i + 1, 2, accuracies[i])));
        }
        return CellSummary.of(CellGrouping.byMapping(runs).cells().get(0), Metric.FINAL);
    }

    private static RunRecord read(Path run) {
        return RunRecord.read(run.getFileName().toString(), run, null, null);
    }
}
