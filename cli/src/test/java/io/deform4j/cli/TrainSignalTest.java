package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.train.Checkpoints;
import io.deform4j.train.EpochMetrics;
import io.deform4j.train.RunDirectory;
import io.deform4j.train.RunInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deform4j train} as a separate process, stopped by real signals: the one thing
 * {@link CliRunner} cannot show, since a signal goes to a whole JVM. The child runs on this test's
 * class path with this JVM's {@code java}.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class TrainSignalTest {

    private static final List<String> SETTINGS = List.of("--dataset", "sample", "--limit-train", "32",
            "--limit-test", "16", "--batch-size", "16", "--epochs", "8", "--lr", "0.05", "--vdm", "LE(1,0.99)",
            "--threads", "1");

    @TempDir
    Path tmp;

    /**
     * SIGUSR1 and, a moment later, SIGTERM (a second signal while the run stops) after the first
     * epoch: exit status 75, run.json {@code interrupted}, and {@code --resume} ends with the metrics
     * and parameters of the uninterrupted run.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void signalsStopTrainWithStatus75AndResumeFinishesAsTheUninterruptedRun() throws Exception {
        Path run = tmp.resolve("run");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Deform4j.class.getName(), "train"));
        command.addAll(SETTINGS);
        command.addAll(List.of("--out", run.toString()));
        Path err = tmp.resolve("stderr.txt");
        Process child = new ProcessBuilder(command).redirectError(err.toFile()).start();
        List<String> out = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("epoch 1/8")) {
                out.add(line);
            }
            assertNotNull(line, "no epoch line from the child: " + out + Files.readString(err));
            // both signals from one shell, microseconds apart: the second comes while the first is honoured
            Process kill = new ProcessBuilder("sh", "-c", "kill -USR1 $0 && kill -TERM $0", Long.toString(child.pid()))
                    .inheritIO().start();
            assertEquals(0, kill.waitFor());
            lines.lines().forEach(out::add);
        }
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child did not stop");
        String stderr = Files.readString(err);
        assertEquals(ExitCodes.INTERRUPTED, child.exitValue(), out + stderr);
        assertThat(stderr).contains("training interrupted by SIG").contains("'train --resume --out " + run + "'");

        RunInfo info = new RunDirectory.Reader(run).info();
        assertEquals("interrupted", info.status());
        assertThat(info.epochsCompleted()).isBetween(1, 7);
        assertNotNull(info.epochStep());
        assertEquals(info.epochsCompleted(), new RunDirectory.Reader(run).metrics().size());
        assertEquals(info.epochsCompleted() * 2 + info.epochStep(), Checkpoints.latest(run).orElseThrow().steps(),
                "the checkpoint is at the position run.json names");

        CliRunner resumed = CliRunner.run("train", "--resume", "--out", run.toString());
        assertEquals(ExitCodes.OK, resumed.status(), resumed.err());
        Path whole = tmp.resolve("whole");
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(SETTINGS);
        args.addAll(List.of("--out", whole.toString()));
        CliRunner uninterrupted = CliRunner.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, uninterrupted.status(), uninterrupted.err());

        assertEquals(rows(whole), rows(run));
        assertArrayEquals(Checkpoints.latest(whole).orElseThrow().model(), Checkpoints.latest(run).orElseThrow().model(),
                "final parameters, bit for bit");
        assertEquals("finished", new RunDirectory.Reader(run).info().status());
    }

    private static List<EpochMetrics> rows(Path run) throws IOException {
        return new RunDirectory.Reader(run).metrics().stream().map(EpochMetrics::withoutTimes).toList();
    }
}
