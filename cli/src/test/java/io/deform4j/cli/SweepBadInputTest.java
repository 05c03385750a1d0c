package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the commands that read and write sweeps and their runs ({@code sweep},
 * {@code status}, {@code table}, {@code report}, {@code reproduce}): a malformed spec, a value of
 * the wrong type, a broken sweep or run directory, a truncated {@code sweep.json},
 * {@code run.json}, {@code metrics.csv} or state file. Each is exit status 2 (or, for the readers,
 * a warning that names the file while the other runs are shown), with one line that names the
 * file, key or value, no stack trace, and nothing already written changed.
 *
 * <p>The damaged directories are copies of one real sweep of two tiny runs, trained once.
 */
class SweepBadInputTest {

    @TempDir
    static Path shared;

    /** A finished sweep of two runs, seed1 and seed2; tests damage copies of it. */
    private static Path sweep;
    private static Path spec;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainATinySweep() throws IOException {
        spec = Files.writeString(shared.resolve("tiny.yaml"), "name: tiny\nbase: " + SweepCommandTest.TINY
                + "\ngrid:\n  seed: [1, 2]\n");
        sweep = shared.resolve("sweep");
        CliRunner r = CliRunner.command("sweep", spec.toString(), "--out", sweep.toString(), "--parallel", "1",
                "--threads-per-run", "1");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
    }

    /** A copy of the finished sweep, to damage. */
    private Path copy() throws IOException {
        Path to = tmp.resolve("copy");
        try (Stream<Path> files = Files.walk(sweep)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(sweep.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Every file under {@code dir} and its bytes, to show that a refused command changed nothing. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return all;
    }

    /** Exit 2, a message that contains each of {@code parts}, on one line, and no stack trace. */
    private static void assertBadInput(CliRunner r, String... parts) {
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("error: ").contains(parts).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).as("one line, or two with the usage hint").hasSizeLessThanOrEqualTo(2);
    }

    private CliRunner sweepSpec(String yaml, String... more) throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.yaml"), yaml);
        List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aMalformedSpecNamesTheFileKeyAndValueAndNothingIsWritten() throws IOException {
        assertBadInput(sweepSpec("base: [1, 2\n"), "bad.yaml is not valid YAML", "(line ");
        assertBadInput(sweepSpec("base:\n  epochs: three\n"), "bad.yaml", "epochs", "'three'", "integer");
        assertBadInput(sweepSpec("base:\n  lr: [0.1]\n"), "bad.yaml", "lr", "number");
        assertBadInput(sweepSpec("grid:\n  seed: 3\n"), "grid.seed must be a list");
        assertBadInput(sweepSpec("grid:\n  seed: []\n"), "grid.seed is empty");
        assertBadInput(sweepSpec("grid:\n  sed: [1]\n"), "unknown setting 'sed'", "did you mean 'seed'");
        assertBadInput(sweepSpec("bsae: {}\n"), "unknown key 'bsae'", "did you mean 'base'");
        assertBadInput(sweepSpec("cells: 5\n"), "cells must be a non-empty list");
        assertBadInput(sweepSpec(""), "bad.yaml must be a mapping");
        assertBadInput(sweepSpec("base: " + SweepCommandTest.TINY + "\n", "--set", "epochs=x"), "--set epochs=x",
                "'x'", "integer");
        assertBadInput(sweepSpec("base: " + SweepCommandTest.TINY + "\n", "--set", "epochs"), "--set epochs",
                "KEY=VALUE");
        assertBadInput(sweepSpec("base: " + SweepCommandTest.TINY + "\n", "--parallel", "two"), "--parallel", "'two'");
        assertBadInput(sweepSpec("base: " + SweepCommandTest.TINY + "\n", "--parallel", "0"), "--parallel", "0");
        Path folder = Files.createDirectories(tmp.resolve("folder.yaml"));
        assertBadInput(CliRunner.command("sweep", folder.toString(), "--print"), "sweep spec " + folder
                + ": is a directory");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aTruncatedSweepJsonIsRefusedByEveryCommandThatNeedsItAndLeftAsItWas() throws IOException {
        Path dir = copy();
        Path record = dir.resolve("sweep.json");
        Files.write(record, java.util.Arrays.copyOf(Files.readAllBytes(record), 100));
        Map<String, String> before = contents(dir);

        assertBadInput(CliRunner.command("status", dir.toString()), record + " is not valid JSON");
        assertBadInput(CliRunner.command("sweep", spec.toString(), "--out", dir.toString()),
                record + " is not valid JSON");
        CliRunner table = CliRunner.command("table", dir.toString());
        assertThat(table.status()).as(table.err()).isZero(); // its runs are still read, one by one
        assertThat(table.err()).contains("warning: " + record + " cannot be read");
        assertThat(contents(dir)).isEqualTo(before);
    }

    @Test
    void aSweepRecordOfTheWrongShapeNamesTheKey() throws IOException {
        Path dir = copy();
        Files.writeString(dir.resolve("sweep.json"), "{\"format_version\": 1, \"name\": 5, \"spec\": \"x\"}");
        assertBadInput(CliRunner.command("status", dir.toString()), "sweep.json has no 'runs' object");
    }

    @Test
    void aBrokenRunIsShownWithItsFileAndKeyAndARelaunchLeavesItAloneWithStatus2() throws IOException {
        Path dir = copy();
        Path state = dir.resolve("state/seed1.json");
        Files.writeString(state, "{\"state\": \"done\", \"attempts\": \"many\"}");
        Map<String, String> before = contents(dir);

        CliRunner status = CliRunner.command("status", dir.toString());
        assertThat(status.status()).isZero();
        assertThat(status.out()).contains("broken").contains(state + ": ").contains("\"many\"")
                .contains("(key 'attempts', line 1)").doesNotContain("at [Source");

        CliRunner relaunch = CliRunner.command("sweep", spec.toString(), "--out", dir.toString());
        assertThat(relaunch.status()).as(relaunch.out() + relaunch.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(relaunch.out()).contains("skipping broken run seed1: " + state)
                .contains("1 broken run left alone (seed1)");
        assertThat(contents(dir)).isEqualTo(before);
    }

    @Test
    void aTruncatedRunJsonOrWrongTypeInItNamesTheFileAndKey() throws IOException {
        Path dir = copy();
        Path runJson = dir.resolve("runs/seed1/run.json");
        Files.write(runJson, java.util.Arrays.copyOf(Files.readAllBytes(runJson), 50));
        CliRunner status = CliRunner.command("status", dir.toString());
        assertThat(status.out()).contains("seed1").contains("broken").contains("cannot read " + runJson + ": ")
                .contains("line ");

        Files.writeString(runJson, "{\"format_version\": 1, \"config\": {\"epochs\": \"x\"}}");
        CliRunner table = CliRunner.command("table", dir.toString());
        assertThat(table.status()).as(table.err()).isZero();
        assertThat(table.err()).contains("warning: " + dir.resolve("runs/seed1") + ": broken: cannot read " + runJson
                + ": invalid epochs: 'x' (expected an integer) (key 'config'");
        assertThat(table.out()).contains("n=1 of 2, 1 broken");
    }

    @Test
    void aMissingRunJsonOfARunRecordedAsDoneSaysSo() throws IOException {
        Path dir = copy();
        Files.delete(dir.resolve("runs/seed1/run.json"));
        CliRunner status = CliRunner.command("status", dir.toString());
        assertThat(status.out()).contains("recorded as done in " + dir.resolve("state/seed1.json") + " but "
                + dir.resolve("runs/seed1/run.json") + " is missing");
    }

    @Test
    void aMetricsCsvWithAWrongValueOrCutShortIsNamedWithItsLineAndColumn() throws IOException {
        Path dir = copy();
        Path metrics = dir.resolve("runs/seed1/metrics.csv");
        List<String> lines = Files.readAllLines(metrics);
        Files.writeString(metrics, lines.get(0) + "\nx" + lines.get(1).substring(1) + "\n");
        Map<String, String> before = contents(dir);
        CliRunner table = CliRunner.command("table", dir.toString());
        assertThat(table.err()).contains(metrics + ": ").contains("\"x\"").contains("key 'epoch'").contains("line 2");
        CliRunner report = CliRunner.command("report", dir.toString(), "--out", tmp.resolve("r.html").toString());
        assertThat(report.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(report.err()).contains("error: cannot read " + dir.resolve("runs/seed1")).doesNotContain("\tat ");
        assertThat(tmp.resolve("r.html")).as("written all the same, listing the problem").exists();

        // a last line cut short by a crash is dropped: the run reads as not done, nothing is lost
        Files.writeString(metrics, lines.get(0) + "\n" + lines.get(1).substring(0, 10));
        CliRunner status = CliRunner.command("status", dir.toString());
        assertThat(status.out()).contains("recorded as done but metrics.csv has 0 of 1 epochs");
        assertThat(contents(dir)).containsAllEntriesOf(Map.of("sweep.json", before.get("sweep.json")));
    }

    @Test
    void reportNamesAHessianOrCurveFileOfTheWrongShapeOnce() throws IOException {
        Path hessian = Files.createDirectories(tmp.resolve("h")).resolve("hessian.json");
        Files.writeString(hessian, "{\"format_version\": 1, \"model\": \"m\", \"eigenvalues\": [\"big\"]}");
        Path curve = Files.createDirectories(tmp.resolve("l")).resolve("curve.csv");
        Files.writeString(curve, "model,alpha,train_loss\nx,0.1\n");
        CliRunner r = CliRunner.command("report", tmp.resolve("h").toString(), tmp.resolve("l").toString(), "--out",
                tmp.resolve("r.html").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("error: cannot read " + hessian + ": ").contains("key 'eigenvalues[0]'")
                .contains("error: cannot read " + curve + ": Not enough column values").doesNotContain("\tat ");
        assertThat(r.err().split(java.util.regex.Pattern.quote(hessian.toString()), -1)).as("the file named once")
                .hasSize(2);
    }

    @Test
    void statusAndTableRefuseWrongOptionValues() {
        assertBadInput(CliRunner.command("status", sweep.toString(), "--format", "xml"), "--format", "'xml'");
        assertBadInput(CliRunner.command("status", tmp.toString()), "holds no sweep");
        assertBadInput(CliRunner.command("table", sweep.toString(), "--metric", "worst"), "--metric", "'worst'");
        assertBadInput(CliRunner.command("table", sweep.toString(), "--spread", "sd"), "--spread", "'sd'");
        assertBadInput(CliRunner.command("table", sweep.toString(), "--columns", "speed"), "unknown setting 'speed'");
    }

    @Test
    void reproduceRefusesAnOutputThatCannotBeWrittenBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "keep");
        assertBadInput(CliRunner.command("reproduce", "--out", file.toString()), "--out " + file,
                "exists and is not a directory");
        assertBadInput(CliRunner.command("reproduce", "--out", tmp.resolve("r").toString(), "--limit", "x"),
                "--limit", "'x'");
        assertBadInput(CliRunner.command("reproduce", "--out", tmp.resolve("r").toString(), "--set", "lr=fast"),
                "--set lr=fast", "'fast'");
        assertThat(Files.readString(file)).isEqualTo("keep");
        assertThat(tmp.resolve("r")).doesNotExist();
    }
}
