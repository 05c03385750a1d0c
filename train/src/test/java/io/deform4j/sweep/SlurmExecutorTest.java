package io.deform4j.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLURM executor without a cluster: its options, and submission through stand-ins for
 * {@code sbatch} and {@code squeue} that record their arguments and answer as SLURM does. The
 * cli module's {@code SlurmSweepTest} submits to a real cluster.
 */
class SlurmExecutorTest {

    @TempDir
    Path tmp;

    private SweepDirectory sweep;
    private Path bin;
    private final StringWriter printed = new StringWriter();

    @BeforeEach
    void sweep() throws IOException {
        SweepSpec spec = new SweepSpec("unit test", Map.of("dataset", "sample", "epochs", 1),
                Map.of("seed", List.of(1, 2, 3)), List.of());
        sweep = SweepDirectory.prepare(tmp.resolve("sweep"), SweepPlan.expand(spec, Map.of()));
        bin = Files.createDirectory(tmp.resolve("bin"));
    }

    private static SlurmExecutor.Options options(boolean dryRun, String... sbatchArgs) {
        return new SlurmExecutor.Options("debug", 1, 2, "00:10:00", List.of(sbatchArgs), dryRun, 2, 120);
    }

    @Test
    void timeLimitsInSlurmsFormats() {
        assertThat(SlurmExecutor.Options.seconds("00:10:00")).isEqualTo(600);
        assertThat(SlurmExecutor.Options.seconds("48:00:01")).isEqualTo(48 * 3600 + 1);
        assertThat(SlurmExecutor.Options.seconds("1-02:03:04")).isEqualTo(86400 + 2 * 3600 + 3 * 60 + 4);
        for (String bad : List.of("10:00", "1:2:3", "00:60:00", "00:00:60", "1-24:00:00", "2h", "", "-1:00:00")) {
            assertThatThrownBy(() -> SlurmExecutor.Options.seconds(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--time must be HH:MM:SS or D-HH:MM:SS (e.g. 04:00:00, 2-12:00:00), got '" + bad + "'");
        }
    }

    @Test
    void optionsOutOfRangeAreRefusedWithTheValue() {
        assertThatThrownBy(() -> new SlurmExecutor.Options(null, -1, 0, null, List.of(), false, 1, 60))
                .hasMessage("--gpus-per-run must be >= 0, got -1");
        assertThatThrownBy(() -> new SlurmExecutor.Options(null, 0, -2, null, List.of(), false, 1, 60))
                .hasMessage("--max-running must be >= 1 (or 0 for no limit), got -2");
        assertThatThrownBy(() -> new SlurmExecutor.Options(null, 0, 0, null, List.of(), false, 0, 60))
                .hasMessage("--threads-per-run must be >= 1, got 0");
        assertThatThrownBy(() -> new SlurmExecutor.Options(null, 0, 0, "00:02:00", List.of(), false, 1, 120))
                .hasMessageStartingWith("--signal-margin 120 s must be less than --time 00:02:00 (120 s)");
        assertThatThrownBy(() -> new SlurmExecutor.Options(null, 0, 0, null, List.of(), false, 1, 0))
                .hasMessage("--signal-margin must be 1 to 65535 seconds, got 0");
        assertThatThrownBy(() -> new SlurmExecutor.Options(null, 0, 0, "1:00", List.of(), false, 1, 10))
                .hasMessageStartingWith("--time must be HH:MM:SS");
        assertThatThrownBy(() -> new SlurmExecutor.Options("a b", 0, 0, null, List.of(), false, 1, 10))
                .hasMessage("--partition must be a partition's name, got 'a b'");
        assertThatThrownBy(() -> new SlurmExecutor.Options(null, 0, 0, null, List.of("--array=0-3"), false, 1, 10))
                .hasMessageStartingWith("--sbatch-arg --array=0-3: the executor sets --array itself");
    }

    @Test
    void withoutSbatchTheMessageSaysWhatToDo() {
        SlurmExecutor executor = new SlurmExecutor(options(false), bin.toString());
        assertThatThrownBy(() -> executor.execute(sweep, List.of("seed1"), out()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sbatch is not on PATH: is this a SLURM login node? --dry-run writes the script only");
        assertThat(sweep.path().resolve("slurm")).doesNotExist();
    }

    @Test
    void aRefusalOfSbatchIsBadInputWithItsMessage() throws IOException {
        executable("sbatch", "echo 'sbatch: error: invalid partition specified: debug' >&2; exit 1");
        SlurmExecutor executor = new SlurmExecutor(options(false), bin.toString());
        assertThatThrownBy(() -> executor.execute(sweep, List.of("seed1"), out()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sbatch failed (exit 1): sbatch: error: invalid partition specified: debug");
        assertThat(sweep.path().resolve("slurm/jobs.json")).doesNotExist();
    }

    @Test
    void submitsOneArrayRecordsItsJobAndNeverSubmitsAQueuedRunTwice() throws Exception {
        // sbatch: job ids 4242, 4243, …; squeue: task 0 of 4242 runs, task 1 waits, task 2 is gone
        executable("sbatch", """
                echo "$*" >>"%1$s/sbatch.args"
                n=$(cat "%1$s/count" 2>/dev/null || echo 4241); n=$((n + 1)); echo $n >"%1$s/count"
                echo "sbatch: warning: a warning on stderr" >&2
                echo "$n;local"
                """.formatted(tmp));
        executable("squeue", """
                echo "$*" >"%s/squeue.args"
                printf '4242_0 RUNNING\\n4242_1 PENDING\\n17_1 RUNNING\\n'
                """.formatted(tmp));
        SlurmExecutor executor = new SlurmExecutor(options(false, "--mem=1G"), bin.toString());
        assertThat(executor.execute(sweep, List.of("seed1", "seed2", "seed3"), out())).isZero();

        Path slurm = sweep.path().resolve("slurm");
        Path script = slurm.resolve("unit_test-1.sbatch");
        assertThat(Files.readAllLines(slurm.resolve("unit_test-1.runs"))).containsExactly("seed1", "seed2", "seed3");
        assertThat(Files.readString(script)).contains("#SBATCH --array=0-2%2\n", "#SBATCH --job-name=deform4j-unit_test\n");
        assertThat(Files.readString(tmp.resolve("sbatch.args"))).isEqualTo("--parsable --mem=1G " + script + "\n");
        SlurmJobs jobs = SlurmJobs.read(slurm.resolve("jobs.json"));
        assertThat(jobs.jobs()).hasSize(1);
        assertThat(jobs.jobs().get(0).jobId()).isEqualTo("4242");
        assertThat(jobs.jobs().get(0).script()).isEqualTo(script.toString());
        assertThat(jobs.jobs().get(0).runs()).containsExactly("seed1", "seed2", "seed3");
        assertThat(printed.toString()).contains("submitted job 4242: 3 runs as array tasks 4242_0 to 4242_2, "
                + "at most 2 at a time");

        executor.execute(sweep, List.of("seed1", "seed2", "seed3"), out());
        assertThat(Files.readString(tmp.resolve("squeue.args")))
                .isEqualTo("--noheader --array --user " + System.getProperty("user.name") + " --format %i %T\n");
        assertThat(printed.toString()).contains(
                "skipping run seed1: already submitted, SLURM job 4242_0 (RUNNING)",
                "skipping run seed2: already submitted, SLURM job 4242_1 (PENDING)",
                "submitted job 4243: 1 run as array task 4243_0, at most 2 at a time");
        assertThat(Files.readAllLines(slurm.resolve("unit_test-2.runs"))).containsExactly("seed3");
        assertThat(SlurmJobs.read(slurm.resolve("jobs.json")).jobs()).extracting(SlurmJobs.Submission::jobId)
                .containsExactly("4242", "4243");
    }

    @Test
    void aDryRunWritesTheScriptAndPrintsTheCommandWithoutSlurm() throws Exception {
        SlurmExecutor executor = new SlurmExecutor(options(true, "--account=my lab"), bin.toString());
        assertThat(executor.execute(sweep, List.of("seed2"), out())).isZero();
        Path script = sweep.path().resolve("slurm/unit_test-1.sbatch");
        assertThat(script).exists();
        assertThat(sweep.path().resolve("slurm/jobs.json")).doesNotExist();
        assertThat(printed.toString()).contains("submit it with: 'sbatch' '--parsable' '--account=my lab' '"
                + script + "'");
    }

    @Test
    void aSweepPathSlurmCannotNameIsRefused() throws IOException {
        SweepSpec spec = new SweepSpec("s", Map.of("dataset", "sample"), Map.of(), List.of());
        SweepDirectory spaced = SweepDirectory.prepare(tmp.resolve("my sweep"), SweepPlan.expand(spec, Map.of()));
        SlurmExecutor executor = new SlurmExecutor(options(true), bin.toString());
        assertThatThrownBy(() -> executor.execute(spaced, List.of("x"), out()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot name a path with a space or '%'");
    }

    @Test
    void nothingToLaunchSubmitsNothing() throws Exception {
        SlurmExecutor executor = new SlurmExecutor(options(false), bin.toString());
        executable("sbatch", "exit 1");
        assertThat(executor.execute(sweep, List.of(), out())).isZero();
        assertThat(printed.toString()).contains("nothing to submit");
        assertThat(sweep.path().resolve("slurm")).doesNotExist();
    }

    private PrintWriter out() {
        return new PrintWriter(printed, true);
    }

    private void executable(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
