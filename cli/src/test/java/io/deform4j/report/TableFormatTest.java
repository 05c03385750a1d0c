package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each output format of a results table, on hand-written runs with known medians. */
class TableFormatTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void runs() throws IOException {
        double[] original = {0.70, 0.72, 0.68};
        double[] le = {0.71, 0.73, 0.74, 0.75};
        for (int i = 0; i < original.length; i++) {
            RunFiles.done(tmp.resolve("o" + i), Map.of("seed", i + 1), original[i]);
        }
        for (int i = 0; i < le.length; i++) {
            RunFiles.done(tmp.resolve("le" + i), Map.of("seed", i + 1, "vdm", "LE(1,0.99)"), le[i]);
        }
    }

    private String write(Layout layout, TableFormat format, Spread spread, boolean times) throws IOException {
        ResultsTable table = ResultsTable.build(FoundRuns.find(List.of(tmp)).runs(), layout, Metric.FINAL);
        StringWriter text = new StringWriter();
        format.write(table, spread, times, new PrintWriter(text));
        return text.toString();
    }

    private String write(TableFormat format, Spread spread, boolean times) throws IOException {
        return write(SettingsLayout.of(SettingsLayout.DEFAULT_ROWS, SettingsLayout.DEFAULT_COLUMNS), format, spread,
                times);
    }

    @Test
    void markdownShowsMedianRangeCountsDifferenceAndTheBestInBold() throws IOException {
        List<String> lines = write(TableFormat.MARKDOWN, Spread.MINMAX, false).lines().toList();
        assertThat(lines.subList(0, 4)).containsExactly(
                "| model | dataset | original | LE(1,0.99) |",
                "| --- | --- | ---: | ---: |",
                "| resnet20 | sample | 70.00 (68.00–72.00, n=3) | **73.50** (71.00–75.00, n=4; Δ +3.50) |",
                "");
        assertThat(lines.get(4)).startsWith("Median test accuracy (%) after the last epoch")
                .contains("min–max").endsWith("Bold: the best median of its row.");

        String iqr = write(TableFormat.MARKDOWN, Spread.IQR, false);
        // q1 and q3 of 0.71, 0.73, 0.74, 0.75: 0.725 and 0.7425 (numpy.quantile)
        assertThat(iqr).contains("**73.50** (IQR 72.50–74.25, n=4; Δ +3.50)").contains("the interquartile range");
    }

    @Test
    void timesShowTheSecondsPerEpochAndTheRatioToTheOriginal() throws IOException {
        String md = write(TableFormat.MARKDOWN, Spread.MINMAX, true);
        assertThat(md).contains("| resnet20 | sample | 2.00 / 0.50 (n=3) | 2.00 / 0.50 (n=4; ×1.00 / ×1.00) |")
                .doesNotContain("**").startsWith("| model");
    }

    @Test
    void latexIsABooktabsTableWithGroupsAndEveryTextEscaped() throws IOException {
        RunFiles.done(tmp.resolve("sq"), Map.of("vdm", "0.5*l^2"), 0.5);
        RunFiles.done(tmp.resolve("c10"), Map.of("model", "se_resnext29_16x64d", "dataset", "cifar10"), 0.9615);
        RunFiles.done(tmp.resolve("c10d"), Map.of("model", "se_resnext29_16x64d", "dataset", "cifar10",
                "vdm", "AP(10,1,1,1)"), 0.9639);

        String latex = write(PaperLayouts.of("table2"), TableFormat.LATEX, Spread.MINMAX, false);

        assertThat(latex).startsWith("\\begin{table}[t]\n").endsWith("\\end{table}\n")
                .contains("\\caption{Table 2: CIFAR-10 and CIFAR-100, original and deformed [mapping]. Median test "
                        + "accuracy (\\%) after the last epoch")
                .contains("\\begin{tabular}{lrrrrrr}", "\\toprule", "\\midrule", "\\bottomrule")
                .contains("    & \\multicolumn{2}{c}{cifar10} & \\multicolumn{2}{c}{cifar100} & "
                        + "\\multicolumn{2}{c}{sample} \\\\\n"
                        + "    \\cmidrule(lr){2-3}\\cmidrule(lr){4-5}\\cmidrule(lr){6-7}\n"
                        + "    model & original & deformed & original & deformed & original & deformed \\\\")
                .contains("se\\_resnext29\\_16x64d & 96.15 (n=1) & \\textbf{96.39} [AP(10,1,1,1)] "
                        + "(n=1; $\\Delta$ +0.24) &  &  &  &  \\\\")
                .contains("[0.5*l\\textasciicircum{}2]")
                .contains("70.00 (68.00--72.00, n=3)");
    }

    @Test
    void csvHasOneLinePerCellWithTheSettingsCountsAndFullPrecision() throws IOException {
        List<String> lines = write(TableFormat.CSV, Spread.MINMAX, false).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("model,dataset,vdm,row,column,runs,planned,failed,broken,interrupted,"
                + "running,pending,median,min,max,diff,best");
        assertThat(lines.get(1)).isEqualTo("resnet20,sample,original,\"resnet20 sample\",original,3,3,0,0,0,0,0,"
                + "0.7,0.68,0.72,,false");
        String[] le = lines.get(2).split(",");
        assertThat(lines.get(2)).startsWith("resnet20,sample,\"LE(1,0.99)\",\"resnet20 sample\",\"LE(1,0.99)\",4,4,");
        assertThat(Double.parseDouble(le[le.length - 2])).isCloseTo(0.035, within(1e-12));
        assertThat(le[le.length - 1]).isEqualTo("true");

        assertThat(write(TableFormat.CSV, Spread.IQR, false).lines().findFirst().orElseThrow())
                .endsWith("median,min,max,q1,q3,diff,best");
        assertThat(write(TableFormat.CSV, Spread.MINMAX, true).lines().findFirst().orElseThrow())
                .endsWith("pending,train_seconds,eval_seconds,train_ratio,eval_ratio");
    }

    @Test
    void csvWritesAListSettingAsOnTheCommandLine() throws IOException {
        RunFiles.done(tmp.resolve("m"), Map.of("milestones", List.of(1)), 0.5);
        String csv = write(SettingsLayout.of(List.of("milestones"), List.of("vdm")), TableFormat.CSV, Spread.MINMAX,
                false);
        assertThat(csv).contains("\n\"150,225\",original,").contains("\n1,original,");
    }

    @Test
    void jsonHasOneObjectPerCellWithItsSettingsStatisticsAndValues() throws IOException {
        JsonNode cells = Json.MAPPER.readTree(write(TableFormat.JSON, Spread.IQR, false));
        assertThat(cells.isArray()).isTrue();
        assertThat(cells).hasSize(2);
        JsonNode le = cells.get(1);
        List<String> keys = new ArrayList<>();
        le.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("model", "dataset", "vdm", "row", "column", "runs", "planned", "failed",
                "broken", "interrupted", "running", "pending", "median", "min", "max", "q1", "q3", "diff", "best",
                "values");
        assertThat(le.get("vdm").asText()).isEqualTo("LE(1,0.99)");
        assertThat(le.get("runs").asInt()).isEqualTo(4);
        assertThat(le.get("median").asDouble()).isCloseTo(0.735, within(1e-12));
        assertThat(le.get("q1").asDouble()).isCloseTo(0.725, within(1e-12));
        assertThat(le.get("values")).extracting(JsonNode::asDouble).containsExactly(0.71, 0.73, 0.74, 0.75);
        assertThat(cells.get(0).get("diff").isNull()).isTrue();

        JsonNode minmax = Json.MAPPER.readTree(write(TableFormat.JSON, Spread.MINMAX, false)).get(0);
        assertThat(minmax.has("q1")).isFalse();
        assertThat(minmax.get("min").asDouble()).isEqualTo(0.68);
    }
}
