package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deform4j.sweep.RunState;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grouping into cells, medians and spreads, differences, best cells and counts, on hand-written runs. */
class ResultsTableTest {

    /** The statistics are order statistics of the written values: only rounding separates them. */
    private static final Offset<Double> EXACT = within(1e-12);

    @TempDir
    Path tmp;

    private ResultsTable table(Layout layout, Metric metric) throws IOException {
        return ResultsTable.build(FoundRuns.find(List.of(tmp)).runs(), layout, metric);
    }

    private static Layout byModelAndVdm() {
        return SettingsLayout.of(SettingsLayout.DEFAULT_ROWS, SettingsLayout.DEFAULT_COLUMNS);
    }

    private void paperLikeRuns() throws IOException {
        // original: final accuracies 0.70, 0.72, 0.68 (seed 1 peaks at 0.80 in epoch 1)
        RunFiles.done(tmp.resolve("o1"), Map.of("seed", 1), 0.80, 0.70);
        RunFiles.done(tmp.resolve("o2"), Map.of("seed", 2), 0.60, 0.72);
        RunFiles.done(tmp.resolve("o3"), Map.of("seed", 3), 0.60, 0.68);
        // LE(1,0.99): 0.71, 0.73, 0.74, 0.75
        double[] le = {0.71, 0.73, 0.74, 0.75};
        for (int i = 0; i < le.length; i++) {
            RunFiles.done(tmp.resolve("le" + i), Map.of("seed", i + 1, "vdm", "LE(1,0.99)"), 0.5, le[i]);
        }
    }

    @Test
    void eachCellIsTheMedianOfItsSeedsWithExtremesQuartilesTheDifferenceAndTheBestMarked() throws IOException {
        paperLikeRuns();
        ResultsTable t = table(byModelAndVdm(), Metric.FINAL);

        assertThat(t.header()).containsExactly("model", "dataset");
        assertThat(t.columns()).extracting(Layout.Column::label).containsExactly("original", "LE(1,0.99)");
        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0).labels()).containsExactly("resnet20", "sample");
        ResultsTable.Entry original = t.rows().get(0).entries().get(0);
        ResultsTable.Entry le = t.rows().get(0).entries().get(1);

        assertThat(original.summary().runs()).isEqualTo(3);
        assertThat(original.summary().median()).isCloseTo(0.70, EXACT);
        assertThat(original.summary().min()).isCloseTo(0.68, EXACT);
        assertThat(original.summary().max()).isCloseTo(0.72, EXACT);
        assertThat(original.diff()).isNull();
        assertThat(original.best()).isFalse();

        // four values: the median is the mean of the middle two; quartiles interpolate as numpy.quantile:
        // q1 at position 0.75 between 0.71 and 0.73, q3 at 2.25 between 0.74 and 0.75
        assertThat(le.summary().median()).isCloseTo(0.735, EXACT);
        assertThat(le.summary().q1()).isCloseTo(0.71 + 0.75 * 0.02, EXACT);
        assertThat(le.summary().q3()).isCloseTo(0.74 + 0.25 * 0.01, EXACT);
        assertThat(le.summary().values()).containsExactly(0.71, 0.73, 0.74, 0.75);
        assertThat(le.diff()).isCloseTo(0.035, EXACT);
        assertThat(le.best()).isTrue();
    }

    @Test
    void bestTakesEachRunsBestEpoch() throws IOException {
        paperLikeRuns();
        ResultsTable t = table(byModelAndVdm(), Metric.BEST);
        ResultsTable.Entry original = t.rows().get(0).entries().get(0);
        // best epochs: 0.80, 0.72, 0.68 → median 0.72; LE's best epochs are its final ones
        assertThat(original.summary().median()).isCloseTo(0.72, EXACT);
        assertThat(original.summary().max()).isCloseTo(0.80, EXACT);
        assertThat(t.rows().get(0).entries().get(1).diff()).isCloseTo(0.735 - 0.72, EXACT);
    }

    @Test
    void settingsThatDifferBesidesRowsColumnsAndSeedSplitCellsAndJoinTheRowLabels() throws IOException {
        RunFiles.done(tmp.resolve("a"), Map.of("seed", 1, "lr", 0.1), 0.6);
        RunFiles.done(tmp.resolve("b"), Map.of("seed", 2, "lr", 0.1, "threads", 4), 0.8); // threads: same experiment
        RunFiles.done(tmp.resolve("c"), Map.of("seed", 1, "lr", 0.2), 0.5);
        RunFiles.done(tmp.resolve("d"), Map.of("seed", 1, "lr", 0.2, "vdm", "LE(1,0.9)"), 0.55);

        ResultsTable t = table(byModelAndVdm(), Metric.FINAL);

        assertThat(t.header()).containsExactly("model", "dataset", "lr");
        assertThat(t.extras()).containsExactly("lr");
        assertThat(t.rows()).extracting(ResultsTable.Row::labels)
                .containsExactly(List.of("resnet20", "sample", "0.1"), List.of("resnet20", "sample", "0.2"));
        ResultsTable.Entry pooled = t.rows().get(0).entries().get(0);
        assertThat(pooled.summary().runs()).isEqualTo(2);
        assertThat(pooled.summary().median()).isCloseTo(0.7, EXACT);
        assertThat(pooled.cell().settings()).containsOnlyKeys("model", "dataset", "vdm", "lr");
        assertThat(t.rows().get(0).entries().get(1)).isNull();
        // the deformed run at lr 0.2 is compared with the original at lr 0.2, not 0.1
        assertThat(t.rows().get(1).entries().get(1).diff()).isCloseTo(0.05, EXACT);
    }

    @Test
    void aSettingThatFollowsFromTheRowIsNoExtra() throws IOException {
        // each model with its own weight decay (as Table 4), both mappings alike
        RunFiles.done(tmp.resolve("a"), Map.of("model", "resnet20", "weight-decay", 5e-4), 0.6);
        RunFiles.done(tmp.resolve("b"), Map.of("model", "resnet20", "weight-decay", 5e-4, "vdm", "LE(1,0.9)"), 0.7);
        RunFiles.done(tmp.resolve("c"), Map.of("model", "preresnet20", "weight-decay", 1e-4), 0.6);

        ResultsTable t = table(byModelAndVdm(), Metric.FINAL);

        assertThat(t.extras()).isEmpty();
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).entries().get(1).diff()).isCloseTo(0.1, EXACT);
    }

    @Test
    void theDifferenceIsToTheOriginalOfTheSameExperimentOnly() throws IOException {
        // rows by mapping: the original row and the deformed row differ in weight decay too
        RunFiles.done(tmp.resolve("a"), Map.of("weight-decay", 1e-4), 0.6);
        RunFiles.done(tmp.resolve("b"), Map.of("weight-decay", 5e-4, "vdm", "LE(1,0.9)"), 0.7);

        ResultsTable t = table(SettingsLayout.of(List.of("vdm"), List.of("model")), Metric.FINAL);

        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(1).entries().get(0).diff()).isNull();
    }

    @Test
    void anySettingsMayBeRowsAndColumns() throws IOException {
        RunFiles.done(tmp.resolve("a"), Map.of("lr", 0.1, "vdm", "LE(1,0.9)"), 0.6);
        RunFiles.done(tmp.resolve("b"), Map.of("lr", 0.2, "vdm", "LE(1,0.9)"), 0.7);
        RunFiles.done(tmp.resolve("c"), Map.of("lr", 0.2), 0.65);

        ResultsTable t = table(SettingsLayout.of(List.of("vdm"), List.of("lr", "batch_size")), Metric.FINAL);

        assertThat(t.header()).containsExactly("vdm");
        assertThat(t.rows()).extracting(r -> r.labels().get(0)).containsExactly("original", "LE(1,0.9)");
        assertThat(t.columns()).extracting(Layout.Column::label)
                .containsExactly("lr 0.2, batch-size 128", "lr 0.1, batch-size 128");
        assertThat(t.rows().get(1).entries().get(0).diff()).isCloseTo(0.05, EXACT);
        assertThat(t.rows().get(1).entries().get(1).diff()).isNull(); // no original at lr 0.1
    }

    @Test
    void aCellCountsTheRunsItsSweepPlannedAndThoseNotDoneWithoutAveragingThem() throws IOException {
        Path sweep = tmp.resolve("sweep");
        Map<String, TrainConfig> planned = new LinkedHashMap<>();
        for (int seed = 1; seed <= 5; seed++) {
            planned.put("seed" + seed, RunFiles.config(Map.of("seed", seed, "epochs", 1)));
        }
        RunFiles.sweep(sweep, planned);
        RunFiles.done(sweep.resolve("runs/seed1"), Map.of("seed", 1), 0.70);
        RunFiles.done(sweep.resolve("runs/seed2"), Map.of("seed", 2), 0.71);
        RunFiles.done(sweep.resolve("runs/seed3"), Map.of("seed", 3), 0.90);
        RunFiles.write(sweep.resolve("runs/seed4"), planned.get("seed4"), "stopped", "the loss left δ's domain",
                List.of());
        // seed5: planned, never started

        ResultsTable t = table(byModelAndVdm(), Metric.FINAL);

        CellSummary s = t.rows().get(0).entries().get(0).summary();
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.planned()).isEqualTo(5);
        assertThat(s.unfinished()).containsOnly(Map.entry(RunState.FAILED, 1), Map.entry(RunState.PENDING, 1));
        assertThat(s.median()).isCloseTo(0.71, EXACT);
        assertThat(CellText.counts(s)).isEqualTo("n=3 of 5, 1 pending, 1 failed");
    }

    @Test
    void timesAreTheMedianOverRunsOfEachRunsMedianEpochAndTheirRatioToTheOriginal() throws IOException {
        TrainConfig original = RunFiles.config(Map.of("epochs", 3));
        TrainConfig deformed = RunFiles.config(Map.of("epochs", 3, "vdm", "LE(1,0.99)"));
        // per-run medians of train seconds: 4, 3, 5 → 4 (the 10 s warm-up epoch does not count); eval: 1, 1, 2 → 1
        writeTimed("o1", original, 1, new double[] {10, 2, 4}, new double[] {1, 1, 1});
        writeTimed("o2", original, 2, new double[] {3, 3, 9}, new double[] {1, 1, 3});
        writeTimed("o3", original, 3, new double[] {5, 1, 6}, new double[] {2, 2, 2});
        // deformed: 5 and 6 → 5.5 (even count: the mean of the two); eval 1.5 and 0.5 → 1
        writeTimed("d1", deformed, 1, new double[] {5, 5, 5}, new double[] {1.5, 1.5, 1.5});
        writeTimed("d2", deformed, 2, new double[] {6, 6, 6}, new double[] {0.5, 0.5, 0.5});

        ResultsTable t = table(byModelAndVdm(), Metric.FINAL);

        ResultsTable.Entry o = t.rows().get(0).entries().get(0);
        ResultsTable.Entry d = t.rows().get(0).entries().get(1);
        assertThat(o.summary().trainSeconds()).isEqualTo(4.0);
        assertThat(o.summary().evalSeconds()).isEqualTo(1.0);
        assertThat(d.summary().trainSeconds()).isEqualTo(5.5);
        assertThat(d.trainRatio()).isCloseTo(5.5 / 4, EXACT);
        assertThat(d.evalRatio()).isCloseTo(1.0, EXACT);
    }

    private void writeTimed(String name, TrainConfig config, long seed, double[] train, double[] eval)
            throws IOException {
        List<io.deform4j.train.EpochMetrics> rows = new java.util.ArrayList<>();
        for (int i = 0; i < train.length; i++) {
            rows.add(RunFiles.epoch(i + 1, 0.5, train[i], eval[i]));
        }
        RunFiles.write(tmp.resolve(name), config.with("seed", seed), "finished", null, rows);
    }

    @Test
    void tiesAreAllBestAndALoneCellIsNot() throws IOException {
        RunFiles.done(tmp.resolve("a"), Map.of(), 0.6);
        RunFiles.done(tmp.resolve("b"), Map.of("vdm", "LE(1,0.9)"), 0.6);
        RunFiles.done(tmp.resolve("c"), Map.of("model", "resnet32"), 0.6);

        ResultsTable t = table(byModelAndVdm(), Metric.FINAL);

        assertThat(t.rows().get(0).entries()).extracting(ResultsTable.Entry::best).containsExactly(true, true);
        assertThat(t.rows().get(1).labels().get(0)).isEqualTo("resnet32");
        assertThat(t.rows().get(1).entries().get(0).best()).isFalse();
    }
}
