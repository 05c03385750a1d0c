package io.deform4j.cli;

import io.deform4j.train.TrainingInterruptedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Maps exceptions to exit codes and one clear message: bad input (an
 * {@link IllegalArgumentException}, which every validation in the library throws, or a bad
 * option) exits with {@link ExitCodes#BAD_INPUT}; a training run stopped by a signal and saved
 * ({@link TrainingInterruptedException}) with {@link ExitCodes#INTERRUPTED}; anything else with
 * {@link ExitCodes#FAILURE}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof TrainingInterruptedException) {
            cli.getErr().println(e.getMessage());
            return ExitCodes.INTERRUPTED;
        }
        if (e instanceof IllegalArgumentException) {
            cli.getErr().println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            cli.getErr().println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        cli.getErr().println("error: " + e);
        e.printStackTrace(cli.getErr());
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
