package io.deform4j.cli;

import io.deform4j.train.TrainingInterruptedException;

/** The exit codes of every command, in one place. */
public final class ExitCodes {

    /** Done as asked. */
    public static final int OK = 0;
    /** Something failed that is not the user's input (an I/O error, a bug). */
    public static final int FAILURE = 1;
    /** The input was wrong: an option, a file, a value out of range. */
    public static final int BAD_INPUT = 2;
    /**
     * Training was interrupted by {@code SIGTERM} or {@code SIGUSR1} and saved where it stood:
     * {@code train --resume} continues it ({@code EX_TEMPFAIL} of BSD's sysexits.h, "try again
     * later", which batch schedulers and sweep launchers can tell from a failure).
     */
    public static final int INTERRUPTED = TrainingInterruptedException.EXIT_STATUS;

    private ExitCodes() {
    }
}
