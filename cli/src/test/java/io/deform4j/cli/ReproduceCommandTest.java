package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Csv;
import io.deform4j.io.Json;
import io.deform4j.landscape.CurveFiles;
import io.deform4j.report.SimulationReport;
import io.deform4j.sweep.SweepSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deform4j reproduce} end to end with tiny settings (one epoch on 128 images, two seeds, 64
 * images for the instruments): every output is written, the summary's numbers are the medians of
 * the files it summarises, a second launch redoes nothing, and {@code --full} counts the presets.
 */
class ReproduceCommandTest {

    /** Tiny runs: a few seconds each, so the whole test stays well under a minute on 2 cores. */
    private static final String[] TINY = {"--seeds", "2", "--set", "epochs=1", "--set", "limit-train=128",
        "--set", "limit-test=64", "--set", "batch-size=32", "--limit", "64", "--parallel", "2",
        "--threads-per-run", "1"};

    private static final List<String> RUNS = List.of("original-seed1", "original-seed2", "LE(1,0.99)-seed1",
            "LE(1,0.99)-seed2");

    @TempDir
    Path tmp;

    @Test
    void writesEveryOutputSummarisesTheFilesAndRedoesNothingWhenRunAgain() throws Exception {
        Path out = tmp.resolve("reproduce");
        CliRunner first = reproduce(out);
        assertThat(first.status()).as(first.out() + first.err()).isZero();

        for (String figure : List.of("fig1", "fig4", "fig7")) {
            for (String file : SimulationReport.FILES) {
                assertThat(out.resolve("simulations").resolve(figure).resolve(file)).isRegularFile();
            }
        }
        assertThat(out.resolve("sweep/sweep.json")).isRegularFile();
        for (String run : RUNS) {
            assertThat(json(out.resolve("sweep/runs").resolve(run).resolve("run.json")).get("status").asText())
                    .isEqualTo("finished");
            JsonNode hessian = json(out.resolve("hessian").resolve(run).resolve("hessian.json"));
            assertThat(hessian.get("model").asText()).isEqualTo(run);
            assertThat(hessian.get("eigenvalues")).hasSize(1);
            assertThat(hessian.get("trace").get("samples").asInt()).isEqualTo(ReproduceCommand.TRACE_SAMPLES);
            assertThat(hessian.get("examples").asInt()).isEqualTo(64);
        }
        List<CurveFiles.CurvePoint> curve = Csv.read(out.resolve("landscape/curve.csv"), CurveFiles.CurvePoint.class);
        assertThat(curve).hasSize(RUNS.size() * ReproduceCommand.CURVE_POINTS);
        assertThat(curve.stream().map(CurveFiles.CurvePoint::model).distinct()).containsExactlyInAnyOrderElementsOf(RUNS);
        assertThat(out.resolve("landscape/curve.png")).isRegularFile();
        String page = Files.readString(out.resolve("report.html"));
        assertThat(page).contains("Flatness: loss landscapes and Hessians", "Simulations", "LE(1,0.99)-seed2");

        // the summary: medians over the seeds, recomputed here from run.json, metrics.csv and hessian.json
        Map<String, Column> expected = Map.of("original", column(out, "original"), "LE(1,0.99)",
                column(out, "LE(1,0.99)"));
        List<String> header = cells(line(first.out(), ""));
        assertThat(header).containsExactly("original", "LE(1,0.99)");
        List<String> accuracy = cells(line(first.out(), "final test accuracy, median (min–max)"));
        List<String> lambda = cells(line(first.out(), "Hessian λ_max, median (min–max)"));
        List<String> trace = cells(line(first.out(), "Hessian trace, median (min–max)"));
        List<String> seconds = cells(line(first.out(), "train s/epoch, median"));
        for (int i = 0; i < header.size(); i++) {
            Column e = expected.get(header.get(i));
            assertThat(numbers(accuracy.get(i))).containsExactly(round2(100 * median(e.accuracy)),
                    round2(100 * min(e.accuracy)), round2(100 * max(e.accuracy)));
            // four significant digits are printed
            double[] l = numbers(lambda.get(i));
            assertThat(l[0]).isCloseTo(median(e.lambda), within(5e-4 * Math.abs(median(e.lambda))));
            double[] t = numbers(trace.get(i));
            assertThat(t[0]).isCloseTo(median(e.trace), within(5e-4 * Math.abs(median(e.trace))));
            assertThat(numbers(seconds.get(i))[0]).isCloseTo(median(e.seconds), within(0.005 + 1e-9));
        }
        assertThat(first.out()).contains("Accuracy: LE(1,0.99) ends at", "Flatness: median λ_max",
                "report: " + out.resolve("report.html"));
        assertThat(line(first.out(), "Accuracy:")).matches(".*(within the seed spread|every LE\\(1,0\\.99\\) run "
                + "ended (above|below) every original run).*");

        // a second launch finds everything done and only rebuilds the report and the summary
        Map<Path, FileTime> written = modified(out, "hessian", "landscape", "simulations", "sweep/runs");
        CliRunner again = reproduce(out);
        assertThat(again.status()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("4 runs, 0 to run now").doesNotContain("$ deform4j simulate",
                "$ deform4j hessian", "$ deform4j landscape");
        assertThat(again.out().split("done already: ", -1)).hasSize(1 + 3 + RUNS.size() + 1);
        assertThat(modified(out, "hessian", "landscape", "simulations", "sweep/runs")).isEqualTo(written);
        assertThat(summary(again.out())).isEqualTo(summary(first.out()));
    }

    @Test
    void fullPrintsThePaperScaleCommandsWithTheRunsOfEachPresetAndRunsNothing() throws Exception {
        CliRunner full = CliRunner.command("reproduce", "--full", "--out", tmp.resolve("never").toString());
        assertThat(full.status()).as(full.err()).isZero();
        assertThat(tmp.resolve("never")).doesNotExist();
        for (String preset : SweepSpec.PAPER_TABLES) {
            int runs = SweepSpec.load(preset).runSettings().size();
            assertThat(full.out()).contains("deform4j sweep " + preset + " --out runs/" + preset
                    + " --executor slurm --partition gpu --gpus-per-run 1 --time 24:00:00 --set data-dir=",
                    "deform4j table runs/" + preset + " --preset " + preset);
            String block = Arrays.stream(full.out().split("\n\n")).filter(b -> b.contains("deform4j sweep " + preset))
                    .findFirst().orElseThrow();
            assertThat(block.lines().filter(l -> l.startsWith("  cost: ")).findFirst().orElseThrow())
                    .startsWith("  cost: " + runs + " runs");
        }
        assertThat(full.out()).contains("80 runs × 250 epochs = 20,000 run-epochs",
                "140 runs: 120 runs × 250 epochs + 20 runs × 300 epochs = 36,000 run-epochs",
                "30 runs × 120 epochs = 3,600 run-epochs; at most 2,478 GPU-hours");
        assertThat(full.out()).doesNotContain("not runnable in this build: sweep table1",
                "not runnable in this build: sweep table2");
    }

    @Test
    void badInputIsRefusedBeforeAnythingRuns() {
        Path out = tmp.resolve("bad");
        assertRefused(out, "--seeds must be >= 1, got 0", "--seeds", "0");
        assertRefused(out, "reproduce compares a mapping with the original", "--vdm", "original");
        assertRefused(out, "LE(1", "--vdm", "LE(1");
        assertRefused(out, "--limit must be >= 1, got 0", "--limit", "0");
        assertRefused(out, "--set seed: reproduce varies seed; use --seeds N", "--set", "seed=4");
        assertRefused(out, "--set vdm: reproduce varies vdm; use --vdm SPEC", "--set", "vdm=LE(1,0.9)");
        assertRefused(out, "unknown", "--set", "epoch=3");
        assertThat(out).doesNotExist();
    }

    private static void assertRefused(Path out, String message, String... args) {
        List<String> all = new ArrayList<>(List.of("--out", out.toString()));
        all.addAll(List.of(args));
        CliRunner r = CliRunner.command("reproduce", all.toArray(String[]::new));
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(message);
    }

    private static CliRunner reproduce(Path out) {
        List<String> args = new ArrayList<>(List.of("--out", out.toString()));
        args.addAll(List.of(TINY));
        return CliRunner.command("reproduce", args.toArray(String[]::new));
    }

    /** A mapping's values, one per seed, read from the files. */
    private record Column(double[] accuracy, double[] lambda, double[] trace, double[] seconds) {
    }

    private static Column column(Path out, String vdm) throws IOException {
        List<String> runs = RUNS.stream().filter(r -> r.startsWith(vdm + "-")).toList();
        double[] accuracy = new double[runs.size()];
        double[] lambda = new double[runs.size()];
        double[] trace = new double[runs.size()];
        double[] seconds = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            Path run = out.resolve("sweep/runs").resolve(runs.get(i));
            accuracy[i] = json(run.resolve("run.json")).get("final_test_acc").asDouble();
            JsonNode h = json(out.resolve("hessian").resolve(runs.get(i)).resolve("hessian.json"));
            lambda[i] = h.get("eigenvalues").get(0).asDouble();
            trace[i] = h.get("trace").get("mean").asDouble();
            List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
            int col = Arrays.asList(rows.get(0).split(",")).indexOf("train_seconds");
            seconds[i] = median(rows.subList(1, rows.size()).stream().mapToDouble(r -> Double.parseDouble(
                    r.split(",")[col])).toArray());
        }
        return new Column(accuracy, lambda, trace, seconds);
    }

    /** The median by definition: the middle value, or the mean of the two middle ones. */
    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** The numbers in a cell of the summary, e.g. {@code 61.25 % (60.00–62.50)} → 61.25, 60.0, 62.5. */
    private static double[] numbers(String cell) {
        Matcher m = Pattern.compile("[−-]?\\d+(\\.\\d+)?(e[+-]?\\d+)?").matcher(cell.replace(",", ""));
        List<Double> found = new ArrayList<>();
        while (m.find()) {
            found.add(Double.parseDouble(m.group().replace('−', '-')));
        }
        return found.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The summary's row headed {@code heading} (the header row for ""), whole. */
    private static String line(String out, String heading) {
        String text = out.substring(out.lastIndexOf("== summary"));
        return text.lines().skip(1).filter(l -> heading.isEmpty() ? !l.isBlank() : l.startsWith(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + heading + "' in\n" + text));
    }

    /** The cells of a summary row, split at runs of three or more spaces; the heading dropped. */
    private static List<String> cells(String row) {
        List<String> parts = new ArrayList<>(List.of(row.trim().split(" {3,}")));
        if (!row.startsWith(" ")) {
            parts.remove(0);
        }
        return parts;
    }

    private static String summary(String out) {
        String text = out.substring(out.lastIndexOf("== summary"));
        return text.substring(0, text.indexOf("reproduce took"));
    }

    private static Map<Path, FileTime> modified(Path out, String... dirs) throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        for (String dir : dirs) {
            try (Stream<Path> files = Files.walk(out.resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    times.put(f, Files.getLastModifiedTime(f));
                }
            }
        }
        return times;
    }

    private static JsonNode json(Path file) throws IOException {
        return Json.MAPPER.readTree(file.toFile());
    }
}
