package io.deform4j.sweep;

import io.deform4j.io.AtomicFiles;
import io.deform4j.train.Progress;
import io.deform4j.train.RunDirectory;
import io.deform4j.train.Runs;
import io.deform4j.train.TrainConfig;
import io.deform4j.train.TrainingInterruptedException;
import io.deform4j.train.TrainingStoppedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Trains one run of a sweep in this process, whichever executor started the process: starts it,
 * resumes it from its last checkpoint, or does nothing when it is done, and records in
 * {@code DIR/state/NAME.json} ({@link TaskRecord}) that it runs and how it ended.
 */
public final class SweepTask {

    /** The exit statuses a run's process ends with, as {@code deform4j train}'s for the same end. */
    private static final int FAILURE = 1;
    private static final int BAD_INPUT = 2;

    private SweepTask() {
    }

    /**
     * Trains run {@code name} of the sweep in {@code sweepDir}, and returns when it is done (now or
     * before). A run that does not end is recorded with how and why, and the exception is thrown
     * on, so that the process says why in its log and exits as {@code deform4j train} would.
     *
     * @param threads the engine's threads for a run that starts now (the executor's budget), or null
     *     for the configured number; a resumed run keeps the number it started with, so that it
     *     resumes bit for bit
     * @throws IllegalArgumentException if {@code sweepDir} holds no sweep or no run {@code name}, or
     *     the run's input is wrong (its data folder is missing, …): it fails the same way every time
     * @throws TrainingStoppedException if training stopped with an error (a loss outside δ's
     *     domain, NaN)
     * @throws TrainingInterruptedException if a signal stopped it after a checkpoint (a time limit,
     *     preemption, the launcher stopping): resumable
     */
    public static void run(Path sweepDir, String name, Integer threads, Progress progress) throws IOException {
        SweepDirectory sweep = SweepDirectory.existing(sweepDir);
        Map<String, TrainConfig> runs = sweep.runs();
        TrainConfig config = runs.get(name);
        if (config == null) {
            throw new IllegalArgumentException("sweep " + sweepDir + " has no run '" + name + "'; its runs: "
                    + String.join(", ", runs.keySet()));
        }
        if (threads != null) {
            config = config.with("threads", threads);
        }
        Path taskFile = sweep.taskFile(name);
        Path runDir = sweep.runDir(name);
        TaskRecord record = TaskRecord.starting(TaskRecord.read(taskFile));
        if (RunRecord.read(name, runDir, config, null).state() == RunState.DONE) {
            record.ended("done", 0, null).write(taskFile);
            return;
        }
        record.write(taskFile);
        try {
            if (Files.exists(runDir.resolve(RunDirectory.RUN_JSON))) {
                Runs.resume(runDir, null, progress);
            } else {
                clearUnstarted(runDir);
                Runs.start(config, runDir, false, progress);
            }
            record.ended("done", 0, null).write(taskFile);
        } catch (TrainingInterruptedException e) {
            record.ended("interrupted", TrainingInterruptedException.EXIT_STATUS, e.getMessage()).write(taskFile);
            throw e;
        } catch (TrainingStoppedException e) {
            record.ended("failed", FAILURE, e.getMessage()).write(taskFile);
            throw e;
        } catch (IllegalArgumentException e) {
            record.ended("failed", BAD_INPUT, e.getMessage()).write(taskFile);
            throw e;
        } catch (IOException | RuntimeException e) {
            record.ended("failed", FAILURE, String.valueOf(e)).write(taskFile);
            throw e;
        }
    }

    /**
     * Removes what a process killed before writing {@code run.json} can leave (the header of
     * {@code metrics.csv}, temporary files), so the run can start; anything else is refused.
     */
    private static void clearUnstarted(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(runDir)) {
            for (Path p : entries.toList()) {
                if (p.getFileName().toString().equals(RunDirectory.METRICS_CSV) || AtomicFiles.isTemporary(p)) {
                    Files.delete(p);
                } else {
                    throw new IllegalArgumentException(runDir + " holds " + p.getFileName() + " but no "
                            + RunDirectory.RUN_JSON + "; it is not a run this sweep started");
                }
            }
        }
    }
}
