package io.deform4j.cli;

import io.deform4j.train.TrainingInterruptedException;
import io.deform4j.train.TrainingStoppedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Maps exceptions to exit codes and one clear message: bad input (an
 * {@link IllegalArgumentException}, which every validation in the library throws, or a bad
 * option) exits with {@link ExitCodes#BAD_INPUT}; a training run stopped by a signal and saved
 * ({@link TrainingInterruptedException}) with {@link ExitCodes#INTERRUPTED}; a training that
 * stopped (its message says where and why) and an I/O error (the message says which file and what
 * went wrong) with {@link ExitCodes#FAILURE}; anything else, a bug, with {@link ExitCodes#FAILURE}
 * and its stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    /** What each file-system error means, for those the JDK reports with the bare path. */
    private static final Map<Class<? extends FileSystemException>, String> REASONS = Map.of(
            NoSuchFileException.class, "no such file or directory",
            NotDirectoryException.class, "not a directory",
            AccessDeniedException.class, "permission denied",
            FileAlreadyExistsException.class, "already exists",
            DirectoryNotEmptyException.class, "directory not empty",
            NotLinkException.class, "not a symbolic link",
            FileSystemLoopException.class, "file system loop (a link cycle)");

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof TrainingInterruptedException) {
            err.println(e.getMessage());
            return ExitCodes.INTERRUPTED;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof TrainingStoppedException) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            IOException io = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            err.println("error: " + describe(io));
            return ExitCodes.FAILURE;
        }
        err.println("error: " + e);
        e.printStackTrace(err);
        return ExitCodes.FAILURE;
    }

    /**
     * {@code PATH: what went wrong} for a file-system error (the JDK's message of most of them is
     * the bare path, e.g. {@code /x/y} for "not a directory"); the message of any other I/O error.
     */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String paths = f.getOtherFile() == null ? f.getFile() : f.getFile() + " -> " + f.getOtherFile();
            return paths + ": " + reason(f);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The JDK's reason where it gives one (the system's error text), else what the exception's type says. */
    private static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        // Files.createDirectories throws FileAlreadyExistsException where a file stands in a folder's place
        if (e instanceof FileAlreadyExistsException && Files.isRegularFile(Path.of(e.getFile()))) {
            return "exists and is not a directory";
        }
        return REASONS.getOrDefault(e.getClass(), "file system error (" + e.getClass().getSimpleName() + ")");
    }

    static int parameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("error: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr())) {
            cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ExitCodes.BAD_INPUT;
    }
}
