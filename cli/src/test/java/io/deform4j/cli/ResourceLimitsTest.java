package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deform4j.engine.EngineThreads;
import io.deform4j.io.Json;
import io.deform4j.train.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings beyond this machine: more engine threads than the cores the JVM sees is refused with
 * the value and the core count (exit 2) wherever a thread count is given, before anything is
 * written; more parallel runs than cores, each on one thread, is allowed with a warning.
 */
class ResourceLimitsTest {

    private static final int CORES = EngineThreads.cores();
    private static final String TOO_MANY = String.valueOf(CORES + 1);

    @TempDir
    Path tmp;

    private static void assertRefused(CliRunner r, String setting) {
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("error: " + setting + " " + TOO_MANY + ": more engine threads than the "
                + CORES + " core").contains("use at most " + CORES).doesNotContain("\tat ");
    }

    private List<String> tiny(String... more) {
        List<String> args = new ArrayList<>(List.of("--dataset", "sample", "--limit-train", "32", "--limit-test", "16",
                "--epochs", "1", "--batch-size", "16"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void moreThreadsThanCoresIsRefusedByEveryCommandBeforeAnythingIsWritten() throws IOException {
        Path out = tmp.resolve("out");
        assertRefused(CliRunner.command("train", tiny("--threads", TOO_MANY, "--out", out.toString())
                .toArray(String[]::new)), "threads");
        assertRefused(CliRunner.command("compare", tiny("--threads", TOO_MANY, "--out", out.toString())
                .toArray(String[]::new)), "threads");
        Path config = Files.writeString(tmp.resolve("c.yaml"), "threads: " + TOO_MANY + "\n");
        assertRefused(CliRunner.command("train", tiny("--config", config.toString(), "--out", out.toString())
                .toArray(String[]::new)), "threads");
        assertRefused(CliRunner.command("landscape", "--checkpoint", tmp.toString(), "--threads", TOO_MANY, "--out",
                out.toString()), "--threads");
        assertRefused(CliRunner.command("hessian", "--checkpoint", tmp.toString(), "--threads", TOO_MANY, "--out",
                out.toString()), "--threads");
        Path spec = Files.writeString(tmp.resolve("s.yaml"), "base: " + SweepCommandTest.TINY + "\n");
        assertRefused(CliRunner.command("sweep", spec.toString(), "--out", out.toString(), "--threads-per-run",
                TOO_MANY), "--threads-per-run");
        assertRefused(CliRunner.command("reproduce", "--out", out.toString(), "--threads-per-run", TOO_MANY),
                "--threads-per-run");
        assertThat(out).doesNotExist();
    }

    @Test
    void parallelRunsTimesThreadsBeyondTheCoresIsRefusedOneThreadEachIsAWarning() throws IOException {
        Path spec = Files.writeString(tmp.resolve("s.yaml"), "base: " + SweepCommandTest.TINY + "\n");
        Path out = tmp.resolve("out");
        CliRunner many = CliRunner.command("sweep", spec.toString(), "--out", out.toString(), "--parallel", "2",
                "--threads-per-run", String.valueOf(CORES));
        if (CORES > 1) {
            assertThat(many.status()).as(many.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(many.err()).startsWith("error: --parallel 2 × --threads-per-run " + CORES + " = " + 2 * CORES
                    + " engine threads at a time, more than the " + CORES + " cores");
            assertThat(out).doesNotExist();
        }
        // one run, one thread, more parallel slots than cores: runs, with a warning
        CliRunner slots = CliRunner.command("sweep", spec.toString(), "--out", out.toString(), "--parallel",
                TOO_MANY, "--threads-per-run", "1");
        assertThat(slots.status()).as(slots.out() + slots.err()).isZero();
        assertThat(slots.err()).startsWith("warning: --parallel " + TOO_MANY + " runs at a time on " + CORES + " core");
    }

    @Test
    void aRunRecordedWithMoreThreadsThanCoresResumesOnlyWithFewer() throws IOException {
        Path run = tmp.resolve("run");
        CliRunner first = CliRunner.command("train", tiny("--threads", "1", "--out", run.toString())
                .toArray(String[]::new));
        assertThat(first.status()).as(first.err()).isZero();
        // as if started on a bigger machine
        Path runJson = run.resolve(RunDirectory.RUN_JSON);
        Files.writeString(runJson, Files.readString(runJson).replace("\"threads\" : 1", "\"threads\" : " + TOO_MANY));
        String recorded = Files.readString(runJson);

        CliRunner refused = CliRunner.command("train", "--resume", "--epochs", "2", "--out", run.toString());
        assertThat(refused.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).startsWith("error: threads (recorded in " + runJson + "; 'train --resume --threads N' "
                + "resumes with fewer) " + TOO_MANY + ": more engine threads than the " + CORES + " core");
        assertThat(Files.readString(runJson)).isEqualTo(recorded);

        CliRunner fewer = CliRunner.command("train", "--resume", "--epochs", "2", "--threads", "1", "--out",
                run.toString());
        assertThat(fewer.status()).as(fewer.err()).isZero();
        assertThat(Json.MAPPER.readTree(runJson.toFile()).at("/config/threads").asInt()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(runJson.toFile()).at("/epochs_completed").asInt()).isEqualTo(2);
    }
}
