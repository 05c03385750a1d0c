package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.deform4j.landscape.HessianReport;
import io.deform4j.sweep.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary of {@code deform4j reproduce}: medians over seeds, and sentences that say what they show and how firmly. */
class ReproductionSummaryTest {

    @TempDir
    Path dir;

    private final List<RunRecord> runs = new ArrayList<>();
    private final Map<String, HessianReport> hessians = new HashMap<>();

    private void run(String vdm, long seed, double accuracy, double lambda, double trace) throws IOException {
        String name = (vdm.equals("original") ? "original" : "le") + "-seed" + seed;
        runs.add(RunRecord.read(name, SyntheticRuns.finished(dir.resolve(name), vdm, seed, 3, accuracy), null, null));
        hessians.put(name, new HessianReport(name, "resnet20", new double[] {lambda}, new int[] {7},
                new boolean[] {true}, new HessianReport.Trace(trace, trace / 10, 20), HessianReport.FINITE_DIFFERENCE,
                1e-3, 256, 272_186, 27, 1.0));
    }

    @Test
    void aMappingWhoseRunsAllEndAboveSaysSoAndJudgesEachFlatnessMeasureByItsSpread() throws IOException {
        run("original", 1, 0.50, 20, 105);
        run("original", 2, 0.52, 22, 200);
        run("original", 3, 0.51, 30, 150);
        run("LE(1,0.99)", 1, 0.60, 10, 100);
        run("LE(1,0.99)", 2, 0.62, 12, 110);
        run("LE(1,0.99)", 3, 0.61, 11, 120);

        ReproductionSummary summary = ReproductionSummary.of(runs, hessians);

        assertThat(summary.columns()).extracting(ReproductionSummary.Column::label)
                .containsExactly("original", "LE(1,0.99)");
        ReproductionSummary.Column le = summary.columns().get(1);
        assertThat(le.accuracy().median()).isEqualTo(0.61);
        assertThat(le.lambdaMax().median()).isEqualTo(11);
        assertThat(summary.columns().get(0).trace().median()).isEqualTo(150);
        assertThat(summary.findings()).containsSubsequence(
                "Accuracy: LE(1,0.99) ends at 61.00 % against 51.00 % for the original (+10.00 pt; n = 3 and 3): every "
                        + "LE(1,0.99) run ended above every original run, so at this scale it is more accurate.",
                "Flatness: median λ_max 11.00 against 22.00, median trace 110.0 against 150.0 for the original: flatter "
                        + "by both measures at this scale; the trace ranges overlap, the λ_max ranges do not.");
        assertThat(summary.findings().get(2)).startsWith("These are 3 seed(s) of resnet20, 3 epochs on");
        assertThat(summary.text()).contains("final test accuracy, median (min–max)   51.00 % (50.00–52.00)   "
                + "61.00 % (60.00–62.00)", "Hessian λ_max, median (min–max)", "22.00 (20.00–30.00)");
    }

    @Test
    void aHigherMedianWithinTheSpreadIsNotCalledMoreAccurateAndOneRunASideIsNoEvidence() throws IOException {
        run("original", 1, 0.50, 20, 100);
        run("original", 2, 0.60, 22, 100);
        run("LE(1,0.99)", 1, 0.56, 30, 300);
        run("LE(1,0.99)", 2, 0.58, 40, 400);
        List<String> findings = ReproductionSummary.of(runs, hessians).findings();
        assertThat(findings.get(0)).endsWith(": higher, but within the seed spread (the ranges overlap), so at this "
                + "scale it is not shown to be more accurate.");
        assertThat(findings.get(1)).contains("not flatter by either measure at this scale; the ranges do not overlap");

        runs.clear();
        run("original", 1, 0.50, 20, 100);
        run("LE(1,0.99)", 1, 0.40, 10, 50);
        assertThat(ReproductionSummary.of(runs, hessians).findings().get(0)).endsWith("(−10.00 pt; n = 1 and 1): one "
                + "run on a side, so there is no spread over seeds to judge the difference by.");
    }
}
