package io.deform4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.deform4j.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size and speed of the report of a 100-run sweep: 2 models × 5 mappings × 10 seeds of 250
 * epochs each (the paper's schedule), as {@code deform4j report} reads and writes it. Prints the
 * figures recorded in BENCHMARKS.md; the page must stay under 5 MB (its time is printed, not asserted).
 */
class ReportBenchmarkTest {

    static final List<String> MODELS = List.of("resnet20", "resnet32");
    static final List<String> MAPPINGS = List.of("original", "LE(1,0.99)", "LE(1,0.9)", "AP(18/pi,1,2,1)", "AP(10,1,1,1)");
    static final int SEEDS = 10;
    static final int EPOCHS = 250;

    @TempDir
    Path dir;

    @Test
    void theReportOfAHundredRunsIsSmall() throws Exception {
        int runs = 0;
        for (String model : MODELS) {
            for (int m = 0; m < MAPPINGS.size(); m++) {
                for (int seed = 1; seed <= SEEDS; seed++) {
                    SyntheticRuns.finished(dir.resolve("sweep/runs/" + model + "-" + m + "-seed" + seed),
                            MAPPINGS.get(m), seed, EPOCHS, 0.90 + 0.001 * m + 0.002 * seed, 20 + 0.01 * seed,
                            Map.of("model", model));
                    runs++;
                }
            }
        }
        Path out = dir.resolve("report.html");

        long start = System.nanoTime();
        HtmlReport.Report report = HtmlReport.of(List.of(dir.resolve("sweep")));
        AtomicFiles.write(out, report.html().getBytes(StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - start) / 1e9;

        long bytes = Files.size(out);
        System.out.printf(Locale.ROOT, "report of %d runs × %d epochs: %.2f s, %.0f kB (%d charts)%n", runs, EPOCHS,
                seconds, bytes / 1024.0, report.html().split("<svg ", -1).length - 1);
        assertThat(report.runs()).isEqualTo(100);
        assertThat(report.problems()).isEmpty();
        assertThat(bytes).isLessThan(5L * 1024 * 1024);
    }
}
