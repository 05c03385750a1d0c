package io.deform4j.cli;

import ai.djl.engine.EngineException;
import io.deform4j.io.FileErrors;
import io.deform4j.train.TrainingInterruptedException;
import io.deform4j.train.TrainingStoppedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Maps exceptions to exit codes and one clear message: bad input (an
 * {@link IllegalArgumentException}, which every validation in the library throws, or a bad
 * option) exits with {@link ExitCodes#BAD_INPUT}; a training run stopped by a signal and saved
 * ({@link TrainingInterruptedException}) with {@link ExitCodes#INTERRUPTED}; a training that
 * stopped (its message says where and why) and an I/O error (the message says which file and what
 * went wrong) with {@link ExitCodes#FAILURE}; the engine out of memory with
 * {@link ExitCodes#FAILURE} and what to change; anything else, a bug, with {@link ExitCodes#FAILURE}
 * and its stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

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
            err.println("error: " + FileErrors.describe(io));
            return ExitCodes.FAILURE;
        }
        if (e instanceof EngineException && String.valueOf(e.getMessage()).contains("not enough memory")) {
            // libtorch's allocator: what a batch needs cannot be known before it is allocated
            err.println("error: the engine ran out of memory (" + e.getMessage().lines().findFirst().orElse("")
                    + "); try a smaller --batch-size or fewer --parallel runs");
            return ExitCodes.FAILURE;
        }
        err.println("error: " + e);
        e.printStackTrace(err);
        return ExitCodes.FAILURE;
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
