package io.deform4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deform4j sweep} and {@code deform4j status} end to end, through the entry point of
 * {@code bin/deform4j}: real child processes train tiny runs on the shipped sample.
 */
class SweepCommandTest {

    /** Settings that make a run train in about a second: 32 images, two steps, one epoch. */
    static final String TINY = "{dataset: sample, epochs: 1, limit-train: 32, limit-test: 16, batch-size: 16}";

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
    }

    static Outcome deform4j(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Deform4j.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path spec(String yaml) throws IOException {
        return Files.writeString(tmp.resolve("spec.yaml"), yaml);
    }

    /** Run name → its row of {@code status --format json}. */
    private static Map<String, JsonNode> status(Path dir) throws IOException {
        Outcome status = deform4j("status", dir.toString(), "--format", "json");
        assertEquals(0, status.code(), status.err());
        Map<String, JsonNode> rows = new TreeMap<>();
        Json.MAPPER.readTree(status.out()).forEach(row -> rows.put(row.get("run").asText(), row));
        return rows;
    }

    private static int attempts(Path dir, String run) throws IOException {
        return Json.MAPPER.readTree(dir.resolve("state").resolve(run + ".json").toFile()).get("attempts").asInt();
    }

    @Test
    void theClassPathOfTheRunProcessesHoldsTheCommandLine() throws Exception {
        // the executor starts each run as 'java -cp <java.class.path> io.deform4j.cli.Deform4j sweep-task ...';
        // under Surefire java.class.path is the test class path, which must hold this module's classes
        List<URL> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(entries.toArray(URL[]::new), null)) {
            assertEquals(Deform4j.class.getName(), loader.loadClass(Deform4j.class.getName()).getName());
        }
    }

    @Test
    void aTwoByTwoSweepFinishesInParallelAndASecondLaunchSkipsEveryRun() throws IOException {
        Path dir = tmp.resolve("sweep");
        Path spec = spec("base: " + TINY + "\ngrid:\n  vdm: [original, 'LE(1,0.9)']\n  seed: [1, 2]\n");
        Outcome sweep = deform4j("sweep", spec.toString(), "--out", dir.toString(), "--parallel", "2",
                "--threads-per-run", "1");
        assertEquals(0, sweep.code(), sweep.out() + sweep.err());
        assertTrue(sweep.out().contains("4 runs, 4 to run now, 2 at a time, 1 threads each"), sweep.out());
        assertTrue(sweep.out().contains("epoch    LE(1,0.9)-seed2 1/1"), sweep.out());
        assertTrue(sweep.out().contains("4 done, 0 failed, 0 stopped resumable, 0 not started"), sweep.out());

        List<String> runs = List.of("LE(1,0.9)-seed1", "LE(1,0.9)-seed2", "original-seed1", "original-seed2");
        Map<String, JsonNode> rows = status(dir);
        assertEquals(runs, new ArrayList<>(rows.keySet()));
        for (JsonNode row : rows.values()) {
            assertEquals("done", row.get("state").asText(), row.toString());
            assertEquals(1, row.get("epoch").asInt());
            assertEquals(1, row.get("epochs").asInt());
        }
        for (String run : runs) {
            assertEquals(1, attempts(dir, run));
            assertEquals(2, Files.readAllLines(dir.resolve("runs").resolve(run).resolve("metrics.csv")).size());
        }
        Outcome table = deform4j("status", dir.toString());
        assertTrue(table.out().contains("4 runs: 4 done"), table.out());

        Outcome again = deform4j("sweep", spec.toString(), "--out", dir.toString(), "--parallel", "2");
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("4 runs, 0 to run now"), again.out());
        assertTrue(!again.out().contains("started  "), again.out());
        for (String run : runs) {
            assertEquals(1, attempts(dir, run), "no process started for " + run);
        }
    }

    @Test
    void aFailedRunIsReportedTheOthersFinishAndOnlyRetryFailedRunsItAgain() throws IOException {
        Path dir = tmp.resolve("sweep");
        Path missing = tmp.resolve("no-such-folder");
        Path spec = spec("base: " + TINY + "\ncells:\n  - {seed: 1}\n"
                + "  - {seed: 2, dataset: folder, data-dir: '" + missing + "'}\n");
        Outcome sweep = deform4j("sweep", spec.toString(), "--out", dir.toString(), "--parallel", "2");
        assertEquals(1, sweep.code(), sweep.out() + sweep.err());
        assertTrue(sweep.out().contains("1 done, 1 failed"), sweep.out());
        Map<String, JsonNode> rows = status(dir);
        String bad = rows.keySet().stream().filter(r -> r.startsWith("folder-")).findFirst().orElseThrow();
        assertTrue(sweep.out().contains("FAILED   " + bad + " (exit 2): error: data-dir " + missing
                + " is not a folder"), sweep.out());
        rows.forEach((run, row) -> assertEquals(run.equals(bad) ? "failed" : "done", row.get("state").asText(), run));
        assertTrue(rows.get(bad).get("problem").asText().contains("is not a folder"), rows.get(bad).toString());

        Outcome skip = deform4j("sweep", spec.toString(), "--out", dir.toString());
        assertEquals(0, skip.code(), skip.out() + skip.err());
        assertTrue(skip.out().contains("skipping failed run " + bad + " (--retry-failed runs it again)"), skip.out());
        assertTrue(skip.out().contains("0 to run now"), skip.out());
        assertEquals(1, attempts(dir, bad));

        Outcome retry = deform4j("sweep", spec.toString(), "--out", dir.toString(), "--retry-failed");
        assertEquals(1, retry.code(), retry.out() + retry.err());
        assertTrue(retry.out().contains("2 runs, 1 to run now"), retry.out());
        assertTrue(retry.out().contains("started  " + bad), retry.out());
        assertEquals(2, attempts(dir, bad));
        for (String run : rows.keySet()) {
            if (!run.equals(bad)) {
                assertEquals(1, attempts(dir, run), run);
            }
        }
    }

    @Test
    void statusAndSweepRefuseWhatIsNotASweep() throws IOException {
        Outcome status = deform4j("status", tmp.toString());
        assertEquals(2, status.code());
        assertTrue(status.err().contains("holds no sweep"), status.err());
        Outcome noOut = deform4j("sweep", spec("base: " + TINY + "\n").toString());
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--out DIR is required"), noOut.err());
    }
}
