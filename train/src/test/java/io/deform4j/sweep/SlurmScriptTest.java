package io.deform4j.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job script's directives, and its shell logic run by bash without SLURM: the training
 * process is replaced by a stand-in that exits as told or when signalled, {@code scontrol} by one
 * that records its arguments, and the SLURM variables are set as a job array task sees them.
 */
class SlurmScriptTest {

    private static final SlurmExecutor.Options OPTIONS =
            new SlurmExecutor.Options(null, 0, 0, null, List.of(), false, 3, 120);

    @TempDir
    Path tmp;

    private SweepDirectory sweep;
    private Path runsFile;
    private Path bin;

    @BeforeEach
    void sweep() throws IOException {
        SweepSpec spec = new SweepSpec("unit", Map.of("dataset", "sample", "epochs", 1),
                Map.of("seed", List.of(1, 2)), List.of());
        // a quote in the path: every path is one shell word however it is spelled
        sweep = SweepDirectory.prepare(tmp.resolve("it's a sweep"), SweepPlan.expand(spec, Map.of()));
        runsFile = tmp.resolve("unit-1.runs");
        Files.writeString(runsFile, "seed1\nseed2 (x)\n");
        bin = Files.createDirectory(tmp.resolve("bin"));
        // the training process: records its arguments, exits with $FAKE_STATUS, or 75 on USR1 after
        // having said it started, or waits for a signal when FAKE_STATUS is "wait"
        executable(bin.resolve("java"), """
                #!/bin/bash
                echo "args: $*"
                trap 'echo "got USR1"; exit 75' USR1
                touch "$FAKE_DIR/started"
                if [ "$FAKE_STATUS" != wait ]; then exit "$FAKE_STATUS"; fi
                while :; do sleep 0.05; done
                """);
        executable(bin.resolve("scontrol"), "#!/bin/bash\necho \"$*\" >>\"$FAKE_DIR/scontrol\"\n");
    }

    @Test
    void directivesFollowTheOptions() {
        SlurmExecutor.Options all = new SlurmExecutor.Options("gpu", 2, 4, "1-02:00:00", List.of(), false, 8, 300);
        assertThat(new SlurmScript("deform4j-unit", sweep, runsFile, 10, all).directives()).containsExactly(
                "--job-name=deform4j-unit",
                "--array=0-9%4",
                "--output=" + sweep.path().resolve("logs/slurm-%A_%a.out"),
                "--error=" + sweep.path().resolve("logs/slurm-%A_%a.out"),
                "--open-mode=append",
                "--cpus-per-task=8",
                "--partition=gpu",
                "--time=1-02:00:00",
                "--gres=gpu:2",
                "--signal=B:USR1@300",
                "--requeue");
        // the cluster's defaults: no partition, time limit, GPUs or throttle
        assertThat(new SlurmScript("j", sweep, runsFile, 1, OPTIONS).directives())
                .contains("--array=0-0", "--cpus-per-task=3", "--signal=B:USR1@120", "--requeue")
                .noneMatch(d -> d.startsWith("--partition") || d.startsWith("--time") || d.startsWith("--gres"));
    }

    @Test
    void aRunThatEndsIsNotRequeuedAndItsStatusIsTheTasks() throws Exception {
        Task done = start("0");
        assertThat(done.waitFor()).isEqualTo(0);
        assertThat(done.output()).contains("job 42_1 on ", "run seed2 (x), restart 0", "exited with status 0");
        assertThat(Files.readString(sweep.log("seed2 (x)"))).isEqualTo("args: sweep-task " + sweep.path()
                + " seed2 (x) --threads 3\n");
        assertThat(tmp.resolve("scontrol")).doesNotExist();

        Task failed = start("2");
        assertThat(failed.waitFor()).isEqualTo(2);
        assertThat(tmp.resolve("scontrol")).doesNotExist();
        // the log is appended to, never truncated: both attempts are in it
        assertThat(Files.readString(sweep.log("seed2 (x)")).lines()).hasSize(2);
    }

    @Test
    void theTimeLimitWarningIsPassedOnAndTheResumableTaskRequeuesItselfAlone() throws Exception {
        Task task = start("wait");
        task.signal("USR1");
        assertThat(task.waitFor()).isEqualTo(SlurmScript.RESUMABLE);
        assertThat(Files.readString(sweep.log("seed2 (x)"))).contains("got USR1");
        // the task's own id, not the array's: "42" would requeue every task of the array
        assertThat(Files.readString(tmp.resolve("scontrol"))).isEqualTo("requeue 42_1\n");
        assertThat(task.output()).contains("requeueing 42_1");
    }

    @Test
    void termStopsTheRunResumablyWithoutARequeue() throws Exception {
        Task task = start("wait");
        task.signal("TERM");
        assertThat(task.waitFor()).isEqualTo(SlurmScript.RESUMABLE);
        assertThat(Files.readString(sweep.log("seed2 (x)"))).contains("got USR1");
        assertThat(tmp.resolve("scontrol")).doesNotExist();
    }

    @Test
    void aResumableExitWithoutASignalRequeuesToo() throws Exception {
        Task task = start(String.valueOf(SlurmScript.RESUMABLE));
        assertThat(task.waitFor()).isEqualTo(SlurmScript.RESUMABLE);
        assertThat(Files.readString(tmp.resolve("scontrol"))).isEqualTo("requeue 42_1\n");
    }

    @Test
    void aTaskBeyondTheRunsFileFailsAsBadInput() throws Exception {
        Task task = start("0", "7");
        assertThat(task.waitFor()).isEqualTo(2);
        assertThat(task.output()).contains("no run for array task 7 in " + runsFile);
        assertThat(tmp.resolve("started")).doesNotExist();
    }

    private Task start(String fakeStatus) throws IOException {
        return start(fakeStatus, "1");
    }

    /** Runs the script as array task {@code taskId} of job 42, with the stand-ins. */
    private Task start(String fakeStatus, String taskId) throws IOException {
        Files.deleteIfExists(tmp.resolve("started"));
        String text = new SlurmScript("j", sweep, runsFile, 2, OPTIONS).text();
        String java = TaskCommand.java().stream().map(SlurmScript::quote).collect(Collectors.joining(" "));
        assertThat(text).contains(java);
        Path script = tmp.resolve("job.sbatch");
        Files.writeString(script, text.replace(java, SlurmScript.quote(bin.resolve("java").toString())));
        Path output = tmp.resolve("slurm-" + taskId + ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(Map.of("SLURM_ARRAY_JOB_ID", "42", "SLURM_ARRAY_TASK_ID", taskId,
                "SLURM_JOB_ID", "44", "FAKE_DIR", tmp.toString(), "FAKE_STATUS", fakeStatus,
                "PATH", bin + ":" + System.getenv("PATH")));
        return new Task(builder.start(), output, tmp.resolve("started"));
    }

    private record Task(Process process, Path log, Path started) {

        /** Sends {@code signal} to the batch shell once the training process has started. */
        void signal(String signal) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(started)) {
                assertThat(System.nanoTime()).as("the stand-in did not start").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor())
                    .isZero();
        }

        int waitFor() throws InterruptedException {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the script did not end").isTrue();
            return process.exitValue();
        }

        /** What the script printed (SLURM's {@code slurm-%A_%a.out}). */
        String output() throws IOException {
            return Files.readString(log);
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
