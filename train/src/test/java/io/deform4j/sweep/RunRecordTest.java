package io.deform4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.io.Json;
import io.deform4j.train.RunInfo;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's state read from hand-written files, as a killed, finished, failed or damaged run leaves
 * them; reading never throws.
 */
class RunRecordTest {

    private static final TrainConfig CONFIG = TrainConfig.of(Map.of("dataset", "sample", "epochs", 2));
    private static final String HEADER =
            "epoch,lr,train_loss,train_deformed_loss,train_acc,test_loss,test_acc,train_seconds,eval_seconds\n";
    private static final String ROW1 = "1,0.1,2.3,2.3,0.1875,2.25,0.25,1.5,0.25\n";
    private static final String ROW2 = "2,0.1,2.1,2.1,0.25,2.0,0.375,1.25,0.125\n";

    @TempDir
    Path tmp;

    private Path run;
    private Path task;

    @BeforeEach
    void paths() {
        run = tmp.resolve("runs/r");
        task = tmp.resolve("state/r.json");
    }

    private RunRecord read() {
        return RunRecord.read("r", run, CONFIG, task);
    }

    private void runJson(String status, int epochs, String reason) throws IOException {
        Files.createDirectories(run);
        Json.write(run.resolve("run.json"), new RunInfo(CONFIG, status, epochs, null, epochs == 0 ? null : 0.375, null,
                null, reason, 256, 128, 272_474, "cpu"));
    }

    private void metrics(String text) throws IOException {
        Files.createDirectories(run);
        Files.writeString(run.resolve("metrics.csv"), text);
    }

    private void task(String state, long pid, String host, String more) throws IOException {
        Files.createDirectories(task.getParent());
        Files.writeString(task, "{\"format_version\": 1, \"state\": \"" + state + "\", \"attempts\": 1, "
                + "\"started_at\": \"2026-01-01T00:00:00Z\", \"host\": \"" + host + "\", \"pid\": " + pid + more + "}");
    }

    /** The pid of a process that has ended. */
    private static long dead;

    @BeforeAll
    static void endAProcess() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        dead = p.pid();
    }

    @Test
    void aRunWithNoFilesIsPendingWithItsPlannedConfiguration() {
        RunRecord r = read();
        assertEquals(RunState.PENDING, r.state());
        assertEquals(CONFIG, r.config());
        assertEquals(0, r.epochsDone());
        assertNull(r.lastTestAcc());
        assertEquals(0.0, r.elapsedSeconds());
        assertNull(r.problem());
    }

    @Test
    void aRunWhoseProcessLivesIsRunning() throws IOException {
        task("running", ProcessHandle.current().pid(), Hosts.name(), "");
        runJson("running", 1, null);
        metrics(HEADER + ROW1);
        RunRecord r = read();
        assertEquals(RunState.RUNNING, r.state());
        assertEquals(1, r.epochsDone());
        assertEquals(0.25, r.lastTestAcc());
        assertEquals(1.75, r.elapsedSeconds(), 1e-12);
        assertEquals(1, r.task().attempts());
    }

    @Test
    void aRunningRecordFromAnotherMachineIsTakenAtItsWord() throws IOException {
        task("running", dead, "elsewhere", "");
        assertEquals(RunState.RUNNING, read().state());
    }

    @Test
    void aRunningRecordWhoseProcessIsDeadIsInterrupted() throws IOException {
        long pid = dead;
        task("running", pid, Hosts.name(), "");
        runJson("running", 1, null);
        metrics(HEADER + ROW1);
        RunRecord r = read();
        assertEquals(RunState.INTERRUPTED, r.state());
        assertEquals("its process " + pid + " ended without a word (killed?)", r.problem());
        assertEquals(1, r.epochsDone());
    }

    @Test
    void aFinishedRunWithEveryEpochIsDone() throws IOException {
        task("done", dead, Hosts.name(), ", \"exit_code\": 0, \"ended_at\": \"2026-01-01T00:01:00Z\"");
        runJson("finished", 2, null);
        metrics(HEADER + ROW1 + ROW2);
        RunRecord r = read();
        assertEquals(RunState.DONE, r.state());
        assertEquals(0.375, r.lastTestAcc());
        assertEquals(3.125, r.elapsedSeconds(), 1e-12);
        assertEquals(0, r.task().exitCode());
    }

    @Test
    void aFailedRunKeepsItsReason() throws IOException {
        task("failed", dead, Hosts.name(), ", \"exit_code\": 1, \"message\": \"loss left the domain\"");
        runJson("stopped", 1, "loss left the domain");
        metrics(HEADER + ROW1);
        RunRecord r = read();
        assertEquals(RunState.FAILED, r.state());
        assertEquals("loss left the domain", r.problem());
    }

    @Test
    void anInterruptedRecordIsInterrupted() throws IOException {
        task("interrupted", dead, Hosts.name(), ", \"exit_code\": 75, \"message\": \"SIGTERM\"");
        RunRecord r = read();
        assertEquals(RunState.INTERRUPTED, r.state());
        assertEquals("SIGTERM", r.problem());
    }

    @Test
    void outsideASweepRunJsonAloneSaysWhereTheRunStands() throws IOException {
        runJson("finished", 2, null);
        metrics(HEADER + ROW1 + ROW2);
        assertEquals(RunState.DONE, RunRecord.read("r", run, null, null).state());
        runJson("stopped", 1, "NaN loss");
        assertEquals(RunState.FAILED, RunRecord.read("r", run, null, null).state());
        assertEquals("NaN loss", RunRecord.read("r", run, null, null).problem());
        runJson("interrupted", 1, "SIGTERM");
        assertEquals(RunState.INTERRUPTED, RunRecord.read("r", run, null, null).state());
    }

    @Test
    void aBrokenRunJsonIsBrokenWithTheReason() throws IOException {
        task("running", dead, Hosts.name(), "");
        Files.createDirectories(run);
        Files.writeString(run.resolve("run.json"), "{\"format_version\": 1, \"config\": {\"epochs\": ");
        RunRecord r = read();
        assertEquals(RunState.BROKEN, r.state());
        assertTrue(r.problem().contains("run.json"), r.problem());
        assertEquals(CONFIG, r.config(), "the planned configuration is still known");
    }

    @Test
    void aBrokenTaskRecordIsBroken() throws IOException {
        Files.createDirectories(task.getParent());
        Files.writeString(task, "{\"state\": ");
        assertEquals(RunState.BROKEN, read().state());
    }

    @Test
    void aLastMetricsRowCutShortIsDroppedAndADoneRunMissingRowsIsBroken() throws IOException {
        task("running", dead, Hosts.name(), "");
        runJson("running", 1, null);
        metrics(HEADER + ROW1 + "2,0.1,2.1,2.");
        RunRecord cut = read();
        assertEquals(RunState.INTERRUPTED, cut.state());
        assertEquals(1, cut.epochsDone());

        task("done", dead, Hosts.name(), ", \"exit_code\": 0");
        runJson("finished", 2, null);
        RunRecord done = read();
        assertEquals(RunState.BROKEN, done.state());
        assertEquals("recorded as done but metrics.csv has 1 of 2 epochs", done.problem());
    }

    @Test
    void metricsThatAreNotCsvMakeTheRunBrokenNotAnException() throws IOException {
        runJson("running", 1, null);
        metrics(HEADER + "one,two,three\n" + ROW2);
        RunRecord r = read();
        assertEquals(RunState.BROKEN, r.state());
        assertTrue(r.problem().contains("metrics.csv"), r.problem());
    }

    @Test
    void theLastLineOfALogIsItsLastNonBlankLine() throws IOException {
        Path log = Files.writeString(tmp.resolve("r.log"), "epoch 1\nerror: data-dir x is not a folder\n\n  \n");
        assertEquals("error: data-dir x is not a folder", RunRecord.lastLine(log).orElseThrow());
        assertTrue(RunRecord.lastLine(tmp.resolve("none.log")).isEmpty());
    }
}
