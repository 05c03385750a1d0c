package io.deform4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which runs a launch starts, and what it says about the others. */
class LaunchTest {

    private static RunRecord record(String name, RunState state, String problem) {
        TaskRecord task = new TaskRecord("running", 1, "2026-01-01T00:00:00Z", null, null, null, "node7", 4242, null);
        return new RunRecord(name, Path.of(name), null, state, List.of(), null, task, problem);
    }

    private static final List<RunRecord> RECORDS = List.of(
            record("a", RunState.DONE, null),
            record("b", RunState.PENDING, null),
            record("c", RunState.FAILED, "loss left the domain"),
            record("d", RunState.INTERRUPTED, "its process 17 ended without a word (killed?)"),
            record("e", RunState.RUNNING, null),
            record("f", RunState.BROKEN, "cannot read run.json"));

    @Test
    void pendingAndInterruptedRunsStartFailedOnesOnlyWhenAsked() {
        StringWriter said = new StringWriter();
        assertEquals(List.of("b", "d"), Launch.select(RECORDS, false, new PrintWriter(said, true)));
        assertEquals(List.of("b", "c", "d"), Launch.select(RECORDS, true, new PrintWriter(new StringWriter(), true)));
        String text = said.toString();
        assertTrue(text.contains("skipping failed run c (--retry-failed runs it again): loss left the domain"), text);
        assertTrue(text.contains("skipping run e: a process trains it now (node7, pid 4242)"), text);
        assertTrue(text.contains("skipping broken run f: cannot read run.json"), text);
        assertEquals(3, text.lines().count(), "nothing said about the runs done or started: " + text);
    }
}
