package io.deform4j.cli;

import static io.deform4j.cli.SweepProcesses.killAll;
import static io.deform4j.cli.SweepProcesses.killTree;
import static io.deform4j.cli.SweepProcesses.read;
import static io.deform4j.cli.SweepProcesses.sleepWhile;
import static io.deform4j.cli.SweepProcesses.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.sweep.SweepDirectory;
import io.deform4j.train.Checkpoint;
import io.deform4j.train.Checkpoints;
import io.deform4j.train.EpochMetrics;
import io.deform4j.train.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, point 5: a sweep whose launcher is killed with {@code SIGKILL}, together with every
 * process it started, at random moments, and launched again each time, ends with every run
 * bitwise equal to an uninterrupted sweep: the same metrics (timings aside) and the same final
 * model. {@code SIGKILL} gives no process a chance to write anything, so each run resumes from
 * what its files say: a record {@code running} whose process is dead reads as interrupted, and
 * the next launch starts it again.
 *
 * <p>The kill moments come from a seeded {@link Random}, in three kinds, so that the kills fall
 * everywhere in a run's life, whatever the speed of the machine: after a random time (often
 * while the processes start), just after a run starts ({@code state/NAME.json} names a new
 * process: the engine loading, the first steps), and just after an epoch ends (its checkpoint
 * being written, the next epoch starting). Nothing is asserted about timing; every wait is
 * bounded, and the first kill is certain to leave a running run's record behind.
 */
class SweepKillTest {

    /** 3 runs of 3 epochs of 2 steps each (32 images, batch 16), one engine thread each. */
    private static final String SPEC = """
            base: {dataset: sample, epochs: 3, limit-train: 32, limit-test: 16, batch-size: 16}
            grid:
              vdm: [original, 'LE(1,0.99)', '0.5*l^2']
            """;
    private static final List<String> RUNS = List.of("original", "LE(1,0.99)", "0.5_l_2");
    private static final int KILLS = 10;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aSweepKilledAtRandomMomentsEndsBitwiseAsAnUninterruptedOne() throws Exception {
        Path spec = Files.writeString(tmp.resolve("kill.yaml"), SPEC);
        Path reference = tmp.resolve("reference");
        long start = System.nanoTime();
        Process ref = launch(spec, reference, tmp.resolve("reference.log"));
        assertEquals(0, ref.waitFor(), () -> read(tmp.resolve("reference.log")));
        long referenceMillis = (System.nanoTime() - start) / 1_000_000;

        Path dir = tmp.resolve("killed");
        Random random = new Random(20261202);
        Map<String, Integer> attemptsAtKill = new HashMap<>();
        StringBuilder timeline = new StringBuilder("reference: " + referenceMillis + " ms\n");
        int killed = 0;
        try {
            for (int i = 0; i < KILLS; i++) {
                Path log = tmp.resolve("launch-" + i + ".log");
                long launched = System.nanoTime();
                Process launcher = launch(spec, dir, log);
                int kind = i == 0 ? 2 : random.nextInt(3);
                boolean alive = switch (kind) {
                    case 0 -> sleepWhile(launcher, random.nextInt((int) Math.max(1, referenceMillis / 2)));
                    case 1 -> waitFor(launcher, newProcessIn(dir)) && sleepWhile(launcher, random.nextInt(1500));
                    default -> waitFor(launcher, newEpochIn(dir)) && sleepWhile(launcher, i == 0 ? 0 : random.nextInt(500));
                };
                if (!alive) {
                    assertEquals(0, launcher.exitValue(), () -> read(log));
                    continue; // the sweep ended before this kill
                }
                killTree(launcher, dir);
                killed++;
                timeline.append(String.format("kill %d (%s) after %d ms: epochs %d%n", i,
                        List.of("random time", "process start", "epoch end").get(kind),
                        (System.nanoTime() - launched) / 1_000_000, epochs(dir)));
                for (RunRecord r : SweepDirectory.existing(dir).records()) {
                    assertNotEquals(RunState.RUNNING, r.state(), "every process is dead: " + r);
                    if (r.state() == RunState.INTERRUPTED && r.task() != null && r.task().state().equals("running")) {
                        attemptsAtKill.put(r.name(), r.task().attempts());
                    }
                }
            }
            Process last = launch(spec, dir, tmp.resolve("launch-last.log"));
            assertTrue(last.waitFor(10, TimeUnit.MINUTES));
            assertEquals(0, last.exitValue(), () -> timeline + read(tmp.resolve("launch-last.log")));
        } finally {
            killAll(dir);
        }

        assertTrue(killed >= 1, "the sweep was never killed");
        assertTrue(!attemptsAtKill.isEmpty(), () -> "no kill left a record 'running' with a dead process\n" + timeline);
        SweepDirectory sweep = SweepDirectory.existing(dir);
        for (RunRecord r : sweep.records()) {
            assertEquals(RunState.DONE, r.state(), () -> r + "\n" + timeline);
            if (attemptsAtKill.containsKey(r.name())) {
                assertTrue(r.task().attempts() > attemptsAtKill.get(r.name()), "interrupted run " + r.name()
                        + " was started again");
            }
        }
        for (String run : RUNS) {
            Path expected = reference.resolve("runs").resolve(run);
            Path actual = sweep.runDir(run);
            assertEquals(withoutTimes(expected), withoutTimes(actual), run + ": metrics.csv");
            Checkpoint want = Checkpoints.latest(expected).orElseThrow();
            Checkpoint got = Checkpoints.latest(actual).orElseThrow();
            assertEquals(3, got.epoch(), run);
            assertArrayEquals(want.model(), got.model(), run + ": final model");
        }
    }

    /** {@code deform4j sweep SPEC --out DIR --parallel 3 --threads-per-run 1} as a child process. */
    private static Process launch(Path spec, Path dir, Path log) throws IOException {
        return SweepProcesses.launch(log, spec.toString(), "--out", dir.toString(), "--parallel", "3",
                "--threads-per-run", "1");
    }

    /** Holds once a run's record names a process that was not there when this was called. */
    private static BooleanSupplier newProcessIn(Path dir) {
        Map<String, Long> before = SweepProcesses.running(dir);
        return () -> SweepProcesses.running(dir).entrySet().stream()
                .anyMatch(e -> !e.getValue().equals(before.get(e.getKey())));
    }

    /** Holds once the runs have more metrics rows in all than when this was called. */
    private static BooleanSupplier newEpochIn(Path dir) {
        int before = epochs(dir);
        return () -> epochs(dir) > before;
    }

    private static int epochs(Path dir) {
        int rows = 0;
        for (String run : RUNS) {
            try {
                rows += new RunDirectory.Reader(dir.resolve("runs").resolve(run)).metrics().size();
            } catch (IOException | RuntimeException absentOrBeingWritten) {
                // not started yet
            }
        }
        return rows;
    }

    private static List<EpochMetrics> withoutTimes(Path run) throws IOException {
        return new RunDirectory.Reader(run).metrics().stream().map(EpochMetrics::withoutTimes).toList();
    }
}
