package io.deform4j.sweep;

import io.deform4j.train.EpochMetrics;
import io.deform4j.train.RunDirectory;
import io.deform4j.train.RunInfo;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One run as its files describe it, read without the training engine: its configuration
 * ({@code run.json}, or the sweep's record for a run not started), its metrics and its state. A
 * run whose files cannot be read is {@link RunState#BROKEN} with the reason; reading never throws
 * for a damaged run, so one broken run never hides the others.
 *
 * @param name    the run's name (its directory's name)
 * @param dir     its directory
 * @param config  its configuration, or null when none can be read
 * @param state   where it stands
 * @param metrics the rows of {@code metrics.csv}, one per completed epoch
 * @param info    its {@code run.json}, or null before it started
 * @param task    the record of the process that trains it in a sweep, or null
 * @param problem why it failed, stopped or is broken, or null
 */
public record RunRecord(String name, Path dir, TrainConfig config, RunState state, List<EpochMetrics> metrics,
        RunInfo info, TaskRecord task, String problem) {

    /** Epochs completed. */
    public int epochsDone() {
        return metrics.size();
    }

    /** Test accuracy after the last completed epoch, or null before the first. */
    public Double lastTestAcc() {
        return metrics.isEmpty() ? null : metrics.get(metrics.size() - 1).testAccuracy();
    }

    /** Seconds of training and evaluation over the completed epochs. */
    public double elapsedSeconds() {
        return metrics.stream().mapToDouble(m -> m.trainSeconds() + m.evalSeconds()).sum();
    }

    /**
     * Reads the run in {@code dir}.
     *
     * @param planned  its configuration as a sweep records it, used before {@code run.json} exists (may be null)
     * @param taskFile the sweep's record of its process, or null outside a sweep
     */
    public static RunRecord read(String name, Path dir, TrainConfig planned, Path taskFile) {
        TaskRecord task = null;
        RunInfo info = null;
        TrainConfig config = planned;
        List<EpochMetrics> metrics = List.of();
        try {
            if (taskFile != null) {
                task = TaskRecord.read(taskFile).orElse(null);
            }
            if (Files.exists(dir.resolve(RunDirectory.RUN_JSON))) {
                RunDirectory.Reader reader = new RunDirectory.Reader(dir);
                info = reader.info();
                config = info.config();
                metrics = reader.metrics();
            }
        } catch (IOException | RuntimeException e) {
            return new RunRecord(name, dir, config, RunState.BROKEN, metrics, info, task,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        RunState state;
        String problem = null;
        if (task != null) {
            switch (task.state()) {
                case "done" -> state = RunState.DONE;
                case "failed" -> {
                    state = RunState.FAILED;
                    problem = task.message();
                }
                case "interrupted" -> {
                    state = RunState.INTERRUPTED;
                    problem = task.message();
                }
                default -> {
                    boolean gone = task.host().equals(Hosts.name()) && ProcessHandle.of(task.pid())
                            .map(p -> !p.isAlive()).orElse(true);
                    state = gone ? RunState.INTERRUPTED : RunState.RUNNING;
                    problem = gone ? "its process " + task.pid() + " ended without a word (killed?)" : null;
                }
            }
        } else if (info == null) {
            state = RunState.PENDING;
        } else {
            state = switch (info.status()) {
                case "finished" -> RunState.DONE;
                case "stopped" -> RunState.FAILED;
                case "running" -> RunState.RUNNING;
                default -> RunState.INTERRUPTED;
            };
            problem = info.stopReason();
        }
        if (state == RunState.DONE && info == null) {
            state = RunState.BROKEN;
            problem = "recorded as done in " + taskFile + " but " + dir.resolve(RunDirectory.RUN_JSON) + " is missing";
        } else if (state == RunState.DONE && (config == null || metrics.size() < config.epochs())) {
            state = RunState.BROKEN;
            problem = "recorded as done but metrics.csv has " + metrics.size() + " of "
                    + (config == null ? "?" : config.epochs()) + " epochs";
        }
        return new RunRecord(name, dir, config, state, metrics, info, task, problem);
    }

    /** The last line of a log file that is not blank, if any. */
    public static Optional<String> lastLine(Path log) {
        try {
            if (!Files.exists(log)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return Optional.of(lines.get(i).strip());
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
