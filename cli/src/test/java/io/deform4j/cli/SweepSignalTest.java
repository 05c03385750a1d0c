package io.deform4j.cli;

import static io.deform4j.cli.SweepProcesses.killAll;
import static io.deform4j.cli.SweepProcesses.read;
import static io.deform4j.cli.SweepProcesses.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.sweep.SweepDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGUSR1 to a launcher is passed on to every run it trains; it then starts no run and ends resumable. */
class SweepSignalTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sigusr1ToTheLauncherReachesEveryRunAndStopsTheLaunchResumably() throws Exception {
        // long enough never to end by itself within the test
        Path spec = Files.writeString(tmp.resolve("usr1.yaml"), """
                base: {dataset: sample, epochs: 500, limit-train: 32, limit-test: 16, batch-size: 16}
                grid: {seed: [1, 2, 3]}
                """);
        Path dir = tmp.resolve("sweep");
        Path log = tmp.resolve("launcher.log");
        Process launcher = SweepProcesses.launch(log, spec.toString(), "--out", dir.toString(), "--parallel", "2",
                "--threads-per-run", "1");
        try {
            assertTrue(waitFor(launcher, () -> SweepProcesses.running(dir).size() == 2), () -> read(log));
            Map<String, Long> children = SweepProcesses.running(dir);
            assertEquals(0, new ProcessBuilder("kill", "-USR1", Long.toString(launcher.pid())).start().waitFor());
            assertTrue(launcher.waitFor(2, TimeUnit.MINUTES), () -> read(log));
            String out = read(log);
            assertEquals(75, launcher.exitValue(), out);
            assertTrue(out.contains("SIGUSR1: passed on to 2 running run(s); no new run starts"), out);
            for (String run : children.keySet()) {
                assertTrue(out.contains("stopped  " + run + ", resumable"), out);
            }
            assertTrue(out.contains("0 done, 0 failed, 2 stopped resumable, 1 not started"), out);
            children.values().forEach(pid -> assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false), "run process " + pid + " ended"));
            List<RunState> states = SweepDirectory.existing(dir).records().stream().map(RunRecord::state).toList();
            assertEquals(List.of(RunState.INTERRUPTED, RunState.INTERRUPTED, RunState.PENDING), states);
        } finally {
            killAll(dir);
        }
    }
}
