package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import io.deform4j.report.RunFiles;
import io.deform4j.sweep.SweepDirectory;
import io.deform4j.sweep.SweepPlan;
import io.deform4j.sweep.SweepRun;
import io.deform4j.sweep.SweepSpec;
import io.deform4j.train.RunInfo;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deform4j table} through the entry point: output, warnings, exit codes, and one real sweep. */
class TableCommandTest {

    @TempDir
    Path tmp;

    @Test
    void printsTheTableAndReportsBrokenRunsOnStandardErrorWithoutFailing() throws Exception {
        RunFiles.done(tmp.resolve("runs/a"), Map.of("seed", 1), 0.6);
        RunFiles.done(tmp.resolve("runs/b"), Map.of("seed", 2), 0.8);
        Path bad = RunFiles.done(tmp.resolve("runs/c"), Map.of("seed", 3), 0.1);
        Files.writeString(bad.resolve("run.json"), "not json");

        CliRunner r = CliRunner.run("table", tmp.resolve("runs").toString());

        assertEquals(ExitCodes.OK, r.status(), r.err());
        assertThat(r.out()).contains("| resnet20 | sample | 70.00 (60.00–80.00, n=2) |");
        assertThat(r.err()).startsWith("warning: " + bad).contains("broken");
    }

    @Test
    void badInputExitsWith2AndSaysWhatWasWrong() throws Exception {
        RunFiles.done(tmp.resolve("run"), Map.of(), 0.6);
        String run = tmp.resolve("run").toString();

        CliRunner missing = CliRunner.run("table", tmp.resolve("nowhere").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.status());
        assertThat(missing.err()).isEqualTo("error: " + tmp.resolve("nowhere") + " does not exist\n");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(CliRunner.run("table", empty.toString()).err()).contains("holds no run directory");

        CliRunner typo = CliRunner.run("table", run, "--rows", "modle,dataset");
        assertEquals(ExitCodes.BAD_INPUT, typo.status());
        assertThat(typo.err()).contains("--rows: unknown setting 'modle'; did you mean 'model'?");

        CliRunner both = CliRunner.run("table", run, "--preset", "table1", "--columns", "lr");
        assertEquals(ExitCodes.BAD_INPUT, both.status());
        assertThat(both.err()).contains("--preset", "not both");

        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("table", run, "--format", "html").status());
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("table", run, "--preset", "table4").status());
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("table").status());

        Files.writeString(tmp.resolve("run/run.json"), "{");
        CliRunner unreadable = CliRunner.run("table", run);
        assertEquals(ExitCodes.BAD_INPUT, unreadable.status());
        assertThat(unreadable.err()).contains("warning: " + run).contains("error: no run under " + run);
    }

    /**
     * The table reads files only: a run of the command in a class loader of its own (every class
     * loaded afresh) reads runs without ever loading DJL's engine.
     */
    @Test
    void readingRunsNeverLoadsTheTrainingEngine() throws Exception {
        RunFiles.done(tmp.resolve("a"), Map.of(), 0.6);
        RunFiles.done(tmp.resolve("b"), Map.of("vdm", "LE(1,0.99)"), 0.7);
        URL[] classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
        try (Isolated loader = new Isolated(classPath)) {
            Method run = loader.loadClass(Deform4j.class.getName())
                    .getMethod("run", PrintWriter.class, PrintWriter.class, String[].class);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            for (String format : List.of("markdown", "json")) {
                Object status = run.invoke(null, new PrintWriter(out), new PrintWriter(err),
                        new String[] {"table", tmp.toString(), "--format", format, "--times"});
                assertEquals(ExitCodes.OK, status, err.toString());
            }
            assertThat(loader.loaded("io.deform4j.train.TrainConfig")).as("the isolated loader did the work").isTrue();
            assertThat(loader.loaded("ai.djl.engine.Engine")).isFalse();
        }
    }

    /** A class loader that loads every class of the class path itself, and says which it has loaded. */
    private static final class Isolated extends URLClassLoader {
        Isolated(URL[] classPath) {
            super(classPath, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    /** A real sweep of three tiny trainings (a fourth planned, not run), read back by the table. */
    @Test
    void aRealSweepIsReadFromItsFiles() throws Exception {
        Path spec = Files.writeString(tmp.resolve("tiny.yaml"), String.join("\n",
                "base: {dataset: sample, epochs: 1, limit-train: 64, limit-test: 32, batch-size: 32, threads: 1}",
                "grid:",
                "  vdm: [original, 'LE(1,0.99)']",
                "  seed: [1, 2]",
                ""));
        Path dir = tmp.resolve("sweep");
        SweepPlan plan = SweepPlan.expand(SweepSpec.load(spec.toString()), Map.of());
        SweepDirectory.prepare(dir, plan);
        List<String> names = plan.runs().stream().map(SweepRun::name).toList();
        for (String name : names.subList(0, 3)) {
            CliRunner task = CliRunner.run("sweep-task", dir.toString(), name);
            assertEquals(ExitCodes.OK, task.status(), task.err());
        }

        CliRunner r = CliRunner.run("table", dir.toString(), "--format", "json");

        assertEquals(ExitCodes.OK, r.status(), r.err());
        JsonNode cells = Json.MAPPER.readTree(r.out());
        assertThat(cells).hasSize(2);
        JsonNode original = cells.get(0);
        assertThat(original.get("vdm").asText()).isEqualTo("original");
        assertThat(original.get("runs").asInt()).isEqualTo(2);
        // the median of two runs is their mean; run.json records each run's final accuracy independently of metrics.csv
        double a = finalAccuracy(dir, names.get(0));
        double b = finalAccuracy(dir, names.get(1));
        assertThat(original.get("median").asDouble()).isCloseTo((a + b) / 2, within(1e-12));
        JsonNode deformed = cells.get(1);
        assertThat(deformed.get("runs").asInt()).isEqualTo(1);
        assertThat(deformed.get("planned").asInt()).isEqualTo(2);
        assertThat(deformed.get("pending").asInt()).isEqualTo(1);
        assertThat(deformed.get("median").asDouble()).isEqualTo(finalAccuracy(dir, names.get(2)));

        CliRunner text = CliRunner.run("table", dir.toString());
        assertThat(text.out()).contains("n=1 of 2, 1 pending");
    }

    private static double finalAccuracy(Path sweep, String run) throws Exception {
        return Json.MAPPER.readValue(sweep.resolve("runs").resolve(run).resolve("run.json").toFile(), RunInfo.class)
                .finalTestAcc();
    }
}
