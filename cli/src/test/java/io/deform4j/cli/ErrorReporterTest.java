package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deform4j.train.TrainingStoppedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The message and exit status {@link ErrorReporter} gives each kind of failure. */
class ErrorReporterTest {

    private record Report(int status, String err) {
    }

    private static Report report(Exception e) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Deform4j());
        cli.setErr(new PrintWriter(err, true));
        int status = new ErrorReporter().handleExecutionException(e, cli, null);
        return new Report(status, err.toString());
    }

    @Test
    void ioErrorsExit1WithTheFileAndTheReasonAndNoStackTrace() {
        Report checked = report(new AccessDeniedException("/x/y"));
        assertEquals(ExitCodes.FAILURE, checked.status());
        assertEquals("error: /x/y: permission denied", checked.err().strip());
        Report unchecked = report(new UncheckedIOException(new NotDirectoryException("/x/y")));
        assertEquals(ExitCodes.FAILURE, unchecked.status());
        assertEquals("error: /x/y: not a directory", unchecked.err().strip());
        Report full = report(new FileSystemException("/d/checkpoint-0002.bin", null, "No space left on device"));
        assertEquals(ExitCodes.FAILURE, full.status());
        assertEquals("error: /d/checkpoint-0002.bin: no space left on device", full.err().strip());
    }

    @Test
    void theEngineOutOfMemoryExits1SayingWhatToChangeAndNoStackTrace() {
        Report r = report(new ai.djl.engine.EngineException("[enforce fail at alloc_cpu.cpp:117] data. "
                + "DefaultCPUAllocator: not enough memory: you tried to allocate 8589934592 bytes.\nException raised"));
        assertEquals(ExitCodes.FAILURE, r.status());
        assertEquals("error: the engine ran out of memory ([enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: "
                + "not enough memory: you tried to allocate 8589934592 bytes.); try a smaller --batch-size or fewer "
                + "--parallel runs", r.err().strip());
    }

    @Test
    void aStoppedTrainingExits1WithItsMessageAndNoStackTrace() {
        Report r = report(new TrainingStoppedException("epoch 2, step 7: loss NaN; last good checkpoint: c", 2, 7,
                new ArithmeticException("NaN")));
        assertEquals(ExitCodes.FAILURE, r.status());
        assertEquals("error: epoch 2, step 7: loss NaN; last good checkpoint: c", r.err().strip());
    }

    @Test
    void badInputExits2AndABugExits1WithItsStackTrace() {
        Report bad = report(new IllegalArgumentException("--lr must be > 0, got -1"));
        assertEquals(ExitCodes.BAD_INPUT, bad.status());
        assertEquals("error: --lr must be > 0, got -1", bad.err().strip());
        Report bug = report(new IllegalStateException("unreachable"));
        assertEquals(ExitCodes.FAILURE, bug.status());
        assertThat(bug.err()).startsWith("error: java.lang.IllegalStateException: unreachable")
                .contains("at io.deform4j.cli.ErrorReporterTest");
    }
}
