package io.deform4j.train;

import java.nio.file.Path;

/**
 * Training was asked to stop ({@code StopSignals}: {@code SIGTERM} or {@code SIGUSR1}) and did so
 * cleanly: the step under way was finished, a checkpoint of the position was written and
 * {@code run.json} says {@code interrupted}. Not a failure: {@code train --resume} continues the
 * run, and it ends bit for bit as if it had never stopped. The command line exits with status 75
 * ({@code EX_TEMPFAIL}).
 */
public class TrainingInterruptedException extends RuntimeException {

    /** The exit status of a process whose run was interrupted and can be resumed ({@code EX_TEMPFAIL}). */
    public static final int EXIT_STATUS = 75;

    private final Path dir;
    private final int epochsCompleted;
    private final int step;

    public TrainingInterruptedException(String message, Path dir, int epochsCompleted, int step) {
        super(message);
        this.dir = dir;
        this.epochsCompleted = epochsCompleted;
        this.step = step;
    }

    /** The run directory, which {@code --resume} continues. */
    public Path dir() {
        return dir;
    }

    /** Epochs completed when training stopped. */
    public int epochsCompleted() {
        return epochsCompleted;
    }

    /** Steps done in epoch {@link #epochsCompleted()} + 1 (0: stopped between epochs). */
    public int step() {
        return step;
    }
}
