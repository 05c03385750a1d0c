package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deform4j.report.SeedGroups.Group;
import io.deform4j.report.SeedGroups.Measure;
import io.deform4j.report.SeedGroups.Stat;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedGroupsTest {

    @TempDir
    Path dir;

    @Test
    void runsThatDifferOnlyInSeedOrThreadsShareACell() throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        runs.add(read(SyntheticRuns.finished(dir.resolve("o1"), "original", 1, 3, 0.50, 10, Map.of("threads", 1))));
        runs.add(read(SyntheticRuns.finished(dir.resolve("o2"), "original", 2, 3, 0.70, 12, Map.of("threads", 2))));
        runs.add(read(SyntheticRuns.finished(dir.resolve("o3"), "original", 3, 3, 0.60, 14, Map.of())));
        runs.add(read(SyntheticRuns.finished(dir.resolve("l1"), "LE(1,0.99)", 1, 3, 0.55, 10, Map.of())));
        runs.add(read(SyntheticRuns.finished(dir.resolve("l2"), "LE(1,0.99)", 2, 3, 0.80, 11, Map.of())));
        runs.add(read(SyntheticRuns.stopped(dir.resolve("l3"), "LE(1,0.99)", 3, 2, 3, "loss left the domain")));
        runs.add(read(SyntheticRuns.finished(dir.resolve("r32"), "original", 1, 3, 0.40, 10, Map.of("model", "resnet32"))));

        List<Group> groups = SeedGroups.of(runs);

        assertThat(groups).hasSize(3);
        Group original = groups.get(0);
        Group le = groups.get(1);
        assertThat(original.runs()).hasSize(3);
        assertThat(le.runs()).hasSize(3);
        assertThat(le.done()).hasSize(2); // the stopped run is counted, never averaged in
        assertThat(runs.get(5).state()).isEqualTo(RunState.FAILED);
        // medians by hand: {0.5, 0.7, 0.6} → 0.6; {0.55, 0.8} → 0.675
        Stat acc = original.stat(Measure.FINAL_TEST_ACCURACY);
        assertThat(acc.median()).isCloseTo(0.60, within(1e-12));
        assertThat(acc.min()).isCloseTo(0.50, within(1e-12));
        assertThat(acc.max()).isCloseTo(0.70, within(1e-12));
        assertThat(acc.n()).isEqualTo(3);
        assertThat(le.stat(Measure.FINAL_TEST_ACCURACY).median()).isCloseTo(0.675, within(1e-12));
        assertThat(le.stat(Measure.FINAL_TEST_ACCURACY).overlaps(acc)).isTrue();
        assertThat(original.stat(Measure.TRAIN_SECONDS).median()).isCloseTo(12, within(1e-12));

        assertThat(SeedGroups.reference(le, groups)).isSameAs(original);
        assertThat(SeedGroups.reference(original, groups)).isNull();
        assertThat(SeedGroups.reference(groups.get(2), groups)).isNull();
        assertThat(SeedGroups.varying(groups.stream().map(Group::settings).toList())).containsExactly("model", "vdm");
        assertThat(SeedGroups.describe(groups.get(2).settings(), List.of("model", "lr"))).isEqualTo("model resnet32, lr 0.1");
    }

    @Test
    void rangesOverlapWhenTheyShareAValue() {
        Stat low = Stat.of(new double[] {0.1, 0.2});
        Stat high = Stat.of(new double[] {0.3, 0.4});
        Stat touching = Stat.of(new double[] {0.2, 0.5});
        assertThat(low.overlaps(high)).isFalse();
        assertThat(high.overlaps(low)).isFalse();
        assertThat(low.overlaps(touching)).isTrue();
        assertThat(Stat.of(new double[0]).overlaps(low)).isFalse();
        assertThat(Stat.of(new double[] {Double.NaN, 0.3}).n()).isEqualTo(1);
    }

    private static RunRecord read(Path run) {
        return RunRecord.read(run.getFileName().toString(), run, null, null);
    }
}
