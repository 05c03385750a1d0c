package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.deform4j.io.AtomicFiles;
import io.deform4j.io.SmallFileSystem;
import io.deform4j.train.Checkpoints;
import io.deform4j.train.RunDirectory;
import io.deform4j.train.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory on a disk that fills, on a real file system: a small tmpfs mounted by the test
 * ({@link SmallFileSystem}: root; in CI it must run, elsewhere it is skipped without root). A
 * full disk found before the run starts is bad input (exit 2, nothing written); a disk that
 * fills while the run writes a checkpoint ends it with exit 1, the file and "no space left on
 * device" named, the previous checkpoint and {@code run.json} intact, and {@code --resume}
 * finishes the run once there is room.
 */
class DiskFullTest {

    private static final long ROOMY = 64L << 20;

    @TempDir
    Path tmp;

    private static List<String> tiny(Path out, String epochs) {
        return List.of("--dataset", "sample", "--limit-train", "32", "--limit-test", "16", "--batch-size", "16",
                "--threads", "1", "--epochs", epochs, "--out", out.toString());
    }

    @Test
    void aDiskThatFillsDuringACheckpointEndsTheRunWithThePreviousOneIntactAndResumeFinishesIt() throws Exception {
        try (SmallFileSystem disk = SmallFileSystem.mount(tmp.resolve("disk"), ROOMY)) {
            Path run = disk.root().resolve("run");
            CliRunner first = CliRunner.command("train", tiny(run, "1").toArray(String[]::new));
            assertThat(first.status()).as(first.err()).isZero();
            Path checkpoint = Checkpoints.file(run, 1);
            byte[] checkpointBytes = Files.readAllBytes(checkpoint);

            // room for everything but half a checkpoint more: epoch 2 trains, its checkpoint cannot be written
            disk.resize(disk.used() + checkpointBytes.length / 2);
            CliRunner full = CliRunner.command("train", "--resume", "--epochs", "2", "--out", run.toString());

            assertThat(full.status()).as(full.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(full.err()).startsWith("error: training stopped in epoch 2 of 2: cannot write "
                    + Checkpoints.file(run, 2).toAbsolutePath() + ": no space left on device")
                    .contains("last complete checkpoint: " + checkpoint)
                    .contains("'deform4j train --resume --out " + run + "'")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(Files.readAllBytes(checkpoint)).as("the previous checkpoint").isEqualTo(checkpointBytes);
            assertThat(Checkpoints.latest(run)).hasValueSatisfying(c -> assertThat(c.epoch()).isEqualTo(1));
            RunInfo info = new RunDirectory.Reader(run).info();
            assertThat(info.epochsCompleted()).isEqualTo(1);
            try (Stream<Path> files = Files.list(run)) {
                assertThat(files.filter(AtomicFiles::isTemporary)).as("no half-written file is left").isEmpty();
            }

            disk.resize(ROOMY);
            CliRunner resumed = CliRunner.command("train", "--resume", "--out", run.toString());
            assertThat(resumed.status()).as(resumed.err()).isZero();
            RunInfo done = new RunDirectory.Reader(run).info();
            assertThat(done.epochsCompleted()).isEqualTo(2);
            assertThat(done.status()).isEqualTo("finished");
            assertThat(new RunDirectory.Reader(run).metrics()).extracting(m -> m.epoch()).containsExactly(1, 2);
        }
    }

    @Test
    void aDiskFullBeforeTheRunIsBadInputAndNothingIsWritten() throws Exception {
        try (SmallFileSystem disk = SmallFileSystem.mount(tmp.resolve("disk"), 64 * 1024)) {
            Path filler = disk.fill();
            Path run = disk.root().resolve("run");
            CliRunner r = CliRunner.command("train", tiny(run, "1").toArray(String[]::new));
            assertThat(r.status()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).isEqualTo("error: --out " + run + " cannot be created in " + disk.root()
                    + ": no space left on device\n");
            try (Stream<Path> files = Files.list(disk.root())) {
                assertThat(files).containsExactly(filler);
            }
        }
    }
}
