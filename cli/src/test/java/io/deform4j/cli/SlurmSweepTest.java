package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.deform4j.io.Json;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.sweep.SweepDirectory;
import io.deform4j.sweep.TaskRecord;
import io.deform4j.train.EpochMetrics;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --executor slurm} against a real SLURM cluster ({@code bin/slurm-local}, which
 * {@code bin/test} starts): tiny runs of the shipped sample as job array tasks whose processes
 * run this test's class path. Where {@code CI} is set the cluster must answer, and the tests fail
 * otherwise; elsewhere they are skipped without one.
 */
class SlurmSweepTest {

    /** How long the runs of one submission may take, queueing included. */
    private static final Duration SWEEP_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern SUBMITTED = Pattern.compile("submitted job (\\d+):");
    /** What the job script writes when the run's process has ended, before its status. */
    private static final String EXITED = " exited with status ";

    @TempDir
    Path tmp;

    @BeforeAll
    static void clusterAnswers() {
        String problem = clusterProblem();
        if (problem == null) {
            return;
        }
        String message = problem + "; start a local cluster with `sudo bin/slurm-local start`, or run all tests "
                + "with `bin/test`";
        if (System.getenv("CI") != null) {
            fail("CI is set, so the SLURM executor must be tested, but " + message);
        }
        Assumptions.assumeTrue(false, message);
    }

    /** Why no cluster can take jobs, or null when one can. */
    private static String clusterProblem() {
        for (String command : List.of("sbatch", "squeue", "scancel", "sinfo")) {
            if (!onPath(command)) {
                return command + " is not on PATH";
            }
        }
        try {
            String state = command(List.of("sinfo", "--noheader", "--format", "%T")).strip();
            if (!state.matches("(?s).*\\b(idle|mixed|allocated|completing)\\b.*")) {
                return "sinfo shows no node that takes jobs: '" + state + "'";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "the SLURM controller does not answer (" + e.getMessage() + ")";
        }
    }

    @Test
    void aSweepRunsAsAThrottledJobArrayAndRetryFailedRunsOnlyTheFailedRun() throws Exception {
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, """
                name: slurm-test
                base: {dataset: sample, epochs: 1, limit-train: 128, limit-test: 64, batch-size: 64}
                cells:
                  - {seed: 1}
                  - {seed: 2}
                  - {seed: 3}
                  - {seed: 1, dataset: folder, data-dir: /nonexistent/data}
                """);
        Path dir = tmp.resolve("sweep");
        List<String> slurm = List.of("--executor", "slurm", "--max-running", "2", "--gpus-per-run", "1",
                "--threads-per-run", "1", "--time", "00:10:00", "--signal-margin", "120");

        CliRunner submitted = sweep(spec, dir, slurm);
        String job = jobId(submitted);
        // SLURM took the throttle: the pending part of the array is listed as JOB_[i-3%2]
        assertThat(command(List.of("squeue", "--noheader", "--jobs", job, "--format", "%i"))).contains("%2");
        SweepDirectory sweep = SweepDirectory.existing(dir);
        List<String> runs = Files.readAllLines(dir.resolve("slurm/slurm-test-1.runs"));
        assertThat(runs).containsExactlyElementsOf(sweep.runs().keySet());
        String failedRun = runs.get(3);
        assertThat(sweep.runs().get(failedRun).dataset()).isEqualTo("folder");

        List<RunRecord> records = awaitEnd(sweep, job, runs.size(), r -> true, out -> out.contains(EXITED));
        Map<String, RunRecord> byName = new TreeMap<>();
        records.forEach(r -> byName.put(r.name(), r));
        List<Interval> intervals = new ArrayList<>();
        for (int task = 0; task < runs.size(); task++) {
            String name = runs.get(task);
            RunRecord r = byName.get(name);
            TaskRecord t = r.task();
            boolean fails = name.equals(failedRun);
            assertThat(r.state()).as(name).isEqualTo(fails ? RunState.FAILED : RunState.DONE);
            assertThat(t.attempts()).as(name).isEqualTo(1);
            assertThat(t.slurmJob()).as(name).isEqualTo(job + "_" + task);
            assertThat(t.exitCode()).as(name).isEqualTo(fails ? ExitCodes.BAD_INPUT : ExitCodes.OK);
            String log = Files.readString(sweep.log(name));
            String out = slurmOutput(dir, job, task);
            assertThat(out).as(name).contains("job " + job + "_" + task + " on ", "run " + name + ", restart 0",
                    "run " + name + " exited with status " + t.exitCode());
            if (fails) {
                assertThat(r.problem()).contains("/nonexistent/data");
                assertThat(sweep.log(name)).exists(); // sweep-task records bad input, and prints nothing
                assertThat(sweep.runDir(name)).doesNotExist();
            } else {
                assertThat(r.epochsDone()).as(name).isEqualTo(1);
                assertThat(sweep.runDir(name).resolve("run.json")).exists();
                assertThat(log).as(name).isNotBlank();
            }
            intervals.add(new Interval(Instant.parse(t.startedAt()), Instant.parse(t.endedAt()), gpu(out)));
        }
        assertThat(maxOverlap(intervals)).as("runs at once, %s", intervals).isBetween(1, 2);
        // --gres=gpu:1: each task had one of the node's two GPUs, never the one of a task running with it
        for (Interval a : intervals) {
            assertThat(a.gpu()).isIn("0", "1");
            for (Interval b : intervals) {
                if (a != b && a.overlaps(b)) {
                    assertThat(a.gpu()).as("GPUs of overlapping runs %s, %s", a, b).isNotEqualTo(b.gpu());
                }
            }
        }

        CliRunner retried = sweep(spec, dir, concat(slurm, List.of("--retry-failed")));
        String retryJob = jobId(retried);
        assertThat(retried.out()).contains("4 runs, 1 to launch", "1 run as array task " + retryJob + "_0");
        assertThat(Files.readAllLines(dir.resolve("slurm/slurm-test-2.runs"))).containsExactly(failedRun);
        List<RunRecord> after = awaitEnd(sweep, retryJob, 1,
                r -> !r.name().equals(failedRun) || r.task().attempts() == 2, out -> out.contains(EXITED));
        for (RunRecord r : after) {
            TaskRecord before = byName.get(r.name()).task();
            if (r.name().equals(failedRun)) {
                assertThat(r.state()).isEqualTo(RunState.FAILED);
                assertThat(r.task().attempts()).isEqualTo(2);
                assertThat(r.task().slurmJob()).isEqualTo(retryJob + "_0");
            } else {
                assertThat(r.state()).as(r.name()).isEqualTo(RunState.DONE);
                assertThat(r.task()).as(r.name() + " is not run again").isEqualTo(before);
            }
        }
        assertThat(Files.readString(dir.resolve("slurm/jobs.json"))).contains("\"job_id\" : \"" + job + "\"",
                "\"job_id\" : \"" + retryJob + "\"");
        assertThat(CliRunner.run("status", dir.toString()).out()).contains("4 runs: 3 done, 1 failed");
    }

    @Test
    void aRefusalOfSbatchIsBadInputWithSlurmsMessage() throws IOException {
        Path spec = tmp.resolve("one.yaml");
        Files.writeString(spec, "base: {dataset: sample, epochs: 1}\n");
        CliRunner refused = sweep(spec, tmp.resolve("sweep"), List.of("--executor", "slurm", "--partition", "nosuch"));
        assertThat(refused.status()).as(refused.out()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("error: sbatch failed (exit 1): ", "nosuch");
        assertThat(tmp.resolve("sweep/slurm/jobs.json")).doesNotExist();
    }

    /**
     * The time-limit warning mid-run: USR1 to the batch shell, as {@code --signal=B:USR1@margin}
     * sends it (here at once with {@code scancel --batch}, as SLURM's own timing is coarse), is
     * passed on, the run checkpoints and exits resumable, the task requeues itself and the run
     * ends from its checkpoint in the second attempt.
     */
    @Test
    void aWarnedRunRequeuesItselfAndResumes() throws Exception {
        Assumptions.assumeTrue(stopFeature(), "training cannot be stopped resumably yet "
                + "(no io.deform4j.train.TrainingInterruptedException)");
        Path spec = tmp.resolve("long.yaml");
        Files.writeString(spec, "name: long\n"
                + "base: {dataset: sample, epochs: 8, limit-train: 512, limit-test: 64, batch-size: 64}\n");
        Path dir = tmp.resolve("sweep");
        String job = jobId(sweep(spec, dir, List.of("--executor", "slurm", "--threads-per-run", "1",
                "--time", "00:10:00")));
        SweepDirectory sweep = SweepDirectory.existing(dir);
        await(Duration.ofMinutes(2), "the run's first epoch", () -> sweep.records().get(0).epochsDone() >= 1,
                () -> describe(sweep, job));
        command(List.of("scancel", "--batch", "--signal=USR1", job + "_0"));
        List<RunRecord> records = awaitEnd(sweep, job, 1, r -> r.task().attempts() >= 2,
                out -> out.contains(EXITED + "0"));
        RunRecord run = records.get(0);
        assertThat(run.state()).isEqualTo(RunState.DONE);
        assertThat(run.metrics()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(run.task().attempts()).isEqualTo(2);
        String out = slurmOutput(dir, job, 0);
        assertThat(out).contains("exited with status 75", "requeueing " + job + "_0", "restart 1",
                "exited with status 0");
    }

    // ---------------------------------------------------------------------------------------------

    private record Interval(Instant start, Instant end, String gpu) {
        boolean overlaps(Interval o) {
            return start.isBefore(o.end) && o.start.isBefore(end);
        }
    }

    /** The most intervals that hold at one instant. */
    private static int maxOverlap(List<Interval> intervals) {
        int most = 0;
        for (Interval a : intervals) {
            // the maximum is reached at some interval's start
            most = Math.max(most, (int) intervals.stream()
                    .filter(b -> !b.start.isAfter(a.start) && b.end.isAfter(a.start)).count());
        }
        return most;
    }

    private static CliRunner sweep(Path spec, Path dir, List<String> options) {
        List<String> args = new ArrayList<>(List.of("sweep", spec.toString(), "--out", dir.toString()));
        args.addAll(options);
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static String jobId(CliRunner submitted) {
        assertThat(submitted.status()).as(submitted.out() + submitted.err()).isZero();
        Matcher m = SUBMITTED.matcher(submitted.out());
        assertThat(m.find()).as(submitted.out()).isTrue();
        return m.group(1);
    }

    /**
     * Waits until every run of the sweep has ended as its records say and {@code ready} holds for
     * each, the output of each of the {@code tasks} array tasks of {@code job} is {@code written}
     * (the job script writes its last lines after the run's process ended), and SLURM no longer
     * lists the job (a launch leaves the runs of listed tasks alone, even completing ones).
     */
    private static List<RunRecord> awaitEnd(SweepDirectory sweep, String job, int tasks, Predicate<RunRecord> ready,
            Predicate<String> written) throws Exception {
        await(SWEEP_TIMEOUT, "the runs of job " + job, () -> {
            for (RunRecord r : sweep.records()) {
                if (r.task() == null || r.task().endedAt() == null || !ready.test(r)) {
                    return false;
                }
            }
            for (int task = 0; task < tasks; task++) {
                if (!written.test(slurmOutput(sweep.path(), job, task))) {
                    return false;
                }
            }
            return command(List.of("squeue", "--noheader", "--array", "--format", "%i")).lines()
                    .noneMatch(id -> id.startsWith(job + "_"));
        }, () -> describe(sweep, job));
        return sweep.records();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private interface Description {
        String text() throws Exception;
    }

    private static void await(Duration timeout, String what, Check check, Description state) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + timeout.toSeconds() + " s for " + what + "; " + state.text());
            }
            Thread.sleep(500);
        }
    }

    /** The runs' records, the queue and the task outputs, for a failure message. */
    private static String describe(SweepDirectory sweep, String job) throws Exception {
        StringBuilder s = new StringBuilder("records:\n");
        for (RunRecord r : sweep.records()) {
            s.append("  ").append(r.name()).append(' ').append(r.state()).append(' ')
                    .append(r.task() == null ? "-" : Json.MAPPER.writeValueAsString(r.task()).replaceAll("\\s+", " "))
                    .append('\n');
        }
        s.append("squeue:\n").append(command(List.of("squeue", "--array"))).append("outputs:\n");
        try (var files = Files.list(sweep.path().resolve("logs"))) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                s.append("--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return s.toString();
    }

    private static String slurmOutput(Path dir, String job, int task) throws IOException {
        Path file = dir.resolve("logs/slurm-" + job + "_" + task + ".out");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static String gpu(String slurmOutput) {
        Matcher m = Pattern.compile("CUDA_VISIBLE_DEVICES=(\\S*)").matcher(slurmOutput);
        return m.find() ? m.group(1) : "";
    }

    private static boolean stopFeature() {
        try {
            Class.forName("io.deform4j.train.TrainingInterruptedException");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a SLURM command; its output, or an IOException with it when it fails or hangs. */
    private static String command(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not answer in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }
}
