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

    /** How the run ended, with the exit status of the process that ran it. */
    public enum Outcome {
        /** Every epoch done (now or before). */
        DONE(0),
        /** Training stopped with an error (a loss outside δ's domain, NaN, an I/O error). */
        FAILED(1),
        /** The run's input is wrong (its data folder is missing, …): it fails the same way every time. */
        BAD_INPUT(2),
        /** Stopped by a signal after a checkpoint (a time limit, preemption, Ctrl-C of the launcher): resumable. */
        INTERRUPTED(75);

        private final int exitStatus;

        Outcome(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        /** The exit status of the process. */
        public int exitStatus() {
            return exitStatus;
        }
    }

    private SweepTask() {
    }

    /**
     * Trains run {@code name} of the sweep in {@code sweepDir}.
     *
     * @param threads the engine's threads for a run that starts now (the executor's budget), or null
     *     for the configured number; a resumed run keeps the number it started with, so that it
     *     resumes bit for bit
     * @throws IllegalArgumentException if {@code sweepDir} holds no sweep or no run {@code name}
     */
    public static Outcome run(Path sweepDir, String name, Integer threads, Progress progress) throws IOException {
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
            record.ended("done", Outcome.DONE.exitStatus(), null).write(taskFile);
            return Outcome.DONE;
        }
        record.write(taskFile);
        try {
            if (Files.exists(runDir.resolve(RunDirectory.RUN_JSON))) {
                Runs.resume(runDir, null, progress);
            } else {
                clearUnstarted(runDir);
                Runs.start(config, runDir, false, progress);
            }
            record.ended("done", Outcome.DONE.exitStatus(), null).write(taskFile);
            return Outcome.DONE;
        } catch (TrainingInterruptedException e) {
            record.ended("interrupted", Outcome.INTERRUPTED.exitStatus(), e.getMessage()).write(taskFile);
            return Outcome.INTERRUPTED;
        } catch (TrainingStoppedException e) {
            record.ended("failed", Outcome.FAILED.exitStatus(), e.getMessage()).write(taskFile);
            return Outcome.FAILED;
        } catch (IllegalArgumentException e) {
            record.ended("failed", Outcome.BAD_INPUT.exitStatus(), e.getMessage()).write(taskFile);
            return Outcome.BAD_INPUT;
        } catch (IOException | RuntimeException e) {
            record.ended("failed", Outcome.FAILED.exitStatus(), String.valueOf(e)).write(taskFile);
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
