package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deform4j.sweep.SweepDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --executor slurm} without a cluster: the job script of {@code --dry-run}, and bad
 * input. {@link SlurmSweepTest} submits to a real one.
 */
class SweepSlurmOptionsTest {

    @TempDir
    Path tmp;

    private Path spec;

    @BeforeEach
    void spec() throws IOException {
        spec = tmp.resolve("four.yaml");
        Files.writeString(spec, """
                name: four
                base: {dataset: sample, epochs: 1, limit-train: 64, limit-test: 32, batch-size: 32}
                grid:
                  seed: [1, 2, 3, 4]
                """);
    }

    private CliRunner sweep(String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", spec.toString(), "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aDryRunWritesTheJobArrayScriptWithEveryDirective() throws IOException {
        CliRunner dry = sweep("--executor", "slurm", "--dry-run", "--partition", "debug", "--gpus-per-run", "1",
                "--max-running", "2", "--time", "00:30:00", "--threads-per-run", "2", "--signal-margin", "300",
                "--sbatch-arg=--mem=1G");
        assertThat(dry.status()).as(dry.err()).isZero();
        Path dir = tmp.resolve("out").toAbsolutePath();
        Path script = dir.resolve("slurm/four-1.sbatch");
        assertThat(dry.out()).contains("sweep four: 4 runs, 4 to launch, 2 CPUs and 1 GPUs each",
                "wrote " + script, "submit it with: 'sbatch' '--parsable' '--mem=1G' '" + script + "'");
        List<String> directives = Files.readAllLines(script).stream().filter(l -> l.startsWith("#SBATCH "))
                .map(l -> l.substring("#SBATCH ".length())).toList();
        assertThat(directives).containsExactly(
                "--job-name=deform4j-four",
                "--array=0-3%2",
                "--output=" + dir.resolve("logs/slurm-%A_%a.out"),
                "--error=" + dir.resolve("logs/slurm-%A_%a.out"),
                "--open-mode=append",
                "--cpus-per-task=2",
                "--partition=debug",
                "--time=00:30:00",
                "--gres=gpu:1",
                "--signal=B:USR1@300",
                "--requeue");
        assertThat(Files.readString(script)).contains("'sweep-task' '" + dir + "' \"$run\" '--threads' '2'",
                "scontrol requeue \"$task_id\"");
        // one task per run, in the sweep's order
        assertThat(Files.readAllLines(dir.resolve("slurm/four-1.runs")))
                .containsExactlyElementsOf(SweepDirectory.existing(dir).runs().keySet());
        assertThat(dir.resolve("slurm/jobs.json")).doesNotExist();
        CliRunner status = CliRunner.run("status", dir.toString());
        assertThat(status.out()).contains("4 runs: 4 pending");
    }

    @Test
    void slurmDefaultsToOneCpuNoGpuAndNoThrottle() throws IOException {
        CliRunner dry = sweep("--executor", "slurm", "--dry-run");
        assertThat(dry.status()).as(dry.err()).isZero();
        String script = Files.readString(tmp.resolve("out/slurm/four-1.sbatch"));
        assertThat(script).contains("#SBATCH --array=0-3\n", "#SBATCH --cpus-per-task=1\n",
                "#SBATCH --signal=B:USR1@180\n").doesNotContain("--gres", "--partition", "--time");
    }

    @Test
    void badInputExitsWithTwoAndNamesTheOption() {
        expectBadInput(sweep("--executor", "slurm", "--time", "30:00"),
                "--time must be HH:MM:SS or D-HH:MM:SS (e.g. 04:00:00, 2-12:00:00), got '30:00'");
        expectBadInput(sweep("--executor", "slurm", "--gpus-per-run", "-1"), "--gpus-per-run must be >= 0, got -1");
        expectBadInput(sweep("--executor", "slurm", "--time", "00:01:00", "--signal-margin", "90"),
                "--signal-margin 90 s must be less than --time 00:01:00 (60 s)");
        expectBadInput(sweep("--executor", "slurm", "--parallel", "2", "--fail-fast"),
                "--parallel, --fail-fast: options of --executor local, not of --executor slurm");
        expectBadInput(sweep("--partition", "debug", "--dry-run"),
                "--partition, --dry-run: options of --executor slurm, not of --executor local");
        expectBadInput(sweep("--executor", "pbs"), "--executor");
    }

    private void expectBadInput(CliRunner result, String message) {
        assertThat(result.status()).as(result.out() + result.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains(message);
    }
}
