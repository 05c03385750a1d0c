package io.deform4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deform4j.train.TrainingStoppedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void fileSystemErrorsSayWhatWentWrongWithWhichPath() {
        // the JDK's messages of these are the bare path
        assertEquals("/x/y", new NotDirectoryException("/x/y").getMessage());
        assertEquals("/x/y: not a directory", ErrorReporter.describe(new NotDirectoryException("/x/y")));
        assertEquals("/x/y: permission denied", ErrorReporter.describe(new AccessDeniedException("/x/y")));
        assertEquals("/x/y: no such file or directory", ErrorReporter.describe(new NoSuchFileException("/x/y")));
        assertEquals("/a -> /b: no such file or directory", ErrorReporter.describe(new NoSuchFileException("/a", "/b", null)));
        assertEquals("/x: Read-only file system", ErrorReporter.describe(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("/x: file system error (FileSystemException)", ErrorReporter.describe(new FileSystemException("/x")));
        assertEquals("disk full", ErrorReporter.describe(new IOException("disk full")));
        assertEquals("EOFException", ErrorReporter.describe(new EOFException()));
    }

    @Test
    void anExistingFileWhereAFolderIsWantedIsNamedSo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "");
        assertEquals(file + ": exists and is not a directory",
                ErrorReporter.describe(new FileAlreadyExistsException(file.toString())));
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertEquals(folder + ": already exists", ErrorReporter.describe(new FileAlreadyExistsException(folder.toString())));
    }

    @Test
    void ioErrorsExit1WithTheFileAndTheReasonAndNoStackTrace() {
        Report checked = report(new AccessDeniedException("/x/y"));
        assertEquals(ExitCodes.FAILURE, checked.status());
        assertEquals("error: /x/y: permission denied", checked.err().strip());
        Report unchecked = report(new UncheckedIOException(new NotDirectoryException("/x/y")));
        assertEquals(ExitCodes.FAILURE, unchecked.status());
        assertEquals("error: /x/y: not a directory", unchecked.err().strip());
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
