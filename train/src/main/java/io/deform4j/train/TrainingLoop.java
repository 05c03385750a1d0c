package io.deform4j.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.deform4j.data.Batch;
import io.deform4j.data.BatchLoader;
import io.deform4j.data.ImageDataset;
import io.deform4j.data.LoaderConfig;
import io.deform4j.expression.OutsideDomainException;
import io.deform4j.io.FileErrors;
import io.deform4j.model.ModelState;
import io.deform4j.optim.tensor.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The epochs of one run (Algorithm 1): each step computes the batch-mean cross-entropy ℓ,
 * checks it on the host, back-propagates δ(ℓ) ({@link DeformedLoss}) and lets the optimizer
 * step; each epoch then evaluates on the test set ({@link Evaluator}), appends a row to {@code metrics.csv}, writes
 * a checkpoint and updates {@code run.json}.
 *
 * <p>A stop signal ({@link StopSignals}) is honoured at the next step boundary: after a step the
 * loop writes a mid-epoch checkpoint (the model, the optimizer, the step reached and the epoch's
 * partial sums), between epochs it has nothing new to save; either way {@code run.json} says
 * {@code interrupted} and the run ends with a {@link TrainingInterruptedException}. A run resumed
 * from a mid-epoch checkpoint starts the epoch's batch loader at the next batch and adds to the saved
 * sums, so the epoch's parameters and metrics row equal those of an uninterrupted run.
 *
 * <p>A step is one batch of the loader, {@code accumulate × batch-size} examples, and one optimizer
 * update ({@link TrainStep}: with {@code accumulate} &gt; 1 it passes the micro-batches through the
 * network one by one); steps, checkpoints inside an epoch and the learning rate all count optimizer
 * steps, so a run stops and resumes between two updates, never between two micro-batches.
 *
 * <p>Per step the host reads three scalars (ℓ, the count of correct predictions, and the sum
 * of all gradients): on CPU this costs microseconds against a step of hundreds of milliseconds
 * (BENCHMARKS.md), and it is what guarantees that no update is applied from a loss outside
 * δ's domain or from a non-finite loss or gradient. Intermediates live in a per-step
 * sub-manager.
 */
final class TrainingLoop {

    private final TrainConfig config;
    private final RunDirectory run;
    private final Block block;
    private final Optimizer optimizer;
    private final ImageDataset train;
    private final LoaderConfig trainLoader;
    private final EvalSet test;
    private final Evaluator evaluator;
    private final Progress progress;
    private final TrainStep stepper;
    private final StopSignals stop;
    /** {@code run.json} as last written, and the epoch under way (0-based): what a failed write reports. */
    private RunInfo current;
    private int epoch;

    TrainingLoop(TrainConfig config, RunDirectory run, Block block, Optimizer optimizer, ImageDataset train,
            LoaderConfig trainLoader, ImageDataset test, LoaderConfig testLoader, NDManager manager, Progress progress,
            StopSignals stop) {
        this.config = config;
        this.run = run;
        this.block = block;
        this.optimizer = optimizer;
        this.train = train;
        this.trainLoader = trainLoader;
        this.test = EvalSet.streamed("test", test, testLoader);
        this.evaluator = new Evaluator(block, manager, config.format());
        this.progress = progress;
        this.stepper = new TrainStep(block, optimizer, new DeformedLoss(config.mapping()), manager, config.format(),
                config.accumulate());
        this.stop = stop;
    }

    /**
     * Runs epochs {@code from.epoch()} to {@code config.epochs() - 1}, the first from
     * {@code from.soFar()} on.
     *
     * @param from    where to start (epoch 0, no step and no best for a new run)
     * @param info    {@code run.json} as it stands
     * @param history the metrics rows already written
     * @throws TrainingInterruptedException if a stop was requested, after saving the position
     */
    List<EpochMetrics> run(Checkpoint from, RunInfo info, List<EpochMetrics> history) throws IOException {
        current = info;
        epoch = from.epoch();
        try {
            return epochs(from, history);
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    private List<EpochMetrics> epochs(Checkpoint from, List<EpochMetrics> history) throws IOException {
        List<EpochMetrics> rows = new ArrayList<>(history);
        long steps = from.steps();
        double best = from.bestAccuracy();
        int bestEpoch = from.bestEpoch();
        Checkpoint.EpochSoFar soFar = from.soFar();
        for (epoch = from.epoch(); epoch < config.epochs(); epoch++) {
            if (stop.requested()) {
                // the position is the checkpoint this run started from or has just written
                throw interrupt(current, soFar.step(), soFar.step() == 0
                        ? (epoch == 0 ? "before the first epoch" : "after epoch " + epoch + " of " + config.epochs())
                        : "at step " + soFar.step() + " of epoch " + (epoch + 1) + ", where it was resumed");
            }
            double lr = config.learningRate(epoch);
            long start = System.nanoTime();
            double[] sums = {soFar.loss(), soFar.deformedLoss(), soFar.correct()};
            int examples = soFar.examples();
            int step = soFar.step();
            try (BatchLoader batches = BatchLoader.open(train, trainLoader, epoch, step)) {
                progress.epochStarted(epoch, config.epochs(), batches.batches() - step);
                while (batches.hasNext()) {
                    Batch batch = batches.next();
                    step++;
                    try {
                        double l = stepper.step(batch, lr, sums);
                        progress.stepped(l);
                    } catch (ArithmeticException | OutsideDomainException e) {
                        progress.close();
                        throw stop(current, epoch, step, e);
                    }
                    examples += batch.size();
                    steps++;
                    if (stop.requested()) {
                        Path saved = Checkpoints.write(run.path(), checkpoint(epoch, steps, best, bestEpoch,
                                new Checkpoint.EpochSoFar(step, sums[0], sums[1], sums[2], examples,
                                        soFar.trainSeconds() + seconds(start))));
                        throw interrupt(current, step, "after step " + step + " of " + batches.batches()
                                + " of epoch " + (epoch + 1) + " of " + config.epochs() + "; saved " + saved);
                    }
                }
            }
            double trainSeconds = soFar.trainSeconds() + seconds(start);
            soFar = Checkpoint.EpochSoFar.NONE;
            long evalStart = System.nanoTime();
            Metrics evaluation = evaluator.evaluate(test);
            double evalSeconds = seconds(evalStart);
            EpochMetrics row = new EpochMetrics(epoch + 1, lr, sums[0] / examples, sums[1] / examples,
                    sums[2] / examples, evaluation.loss(), evaluation.accuracy(), trainSeconds, evalSeconds);
            if (!Double.isFinite(row.testLoss())) {
                run.append(row); // for the record; resuming drops it with the epoch
                throw stop(current, epoch, 0, new ArithmeticException("the test loss after the epoch is "
                        + row.testLoss() + " (train loss " + row.trainLoss() + ")"));
            }
            if (row.testAccuracy() > best || bestEpoch == 0) {
                best = row.testAccuracy();
                bestEpoch = epoch + 1;
            }
            // metrics first, then the checkpoint: a crash in between re-runs the epoch and rewrites its row
            run.append(row);
            rows.add(row);
            Checkpoints.write(run.path(), checkpoint(epoch + 1, steps, best, bestEpoch, Checkpoint.EpochSoFar.NONE));
            current = current.progress(epoch + 1 == config.epochs() ? "finished" : "running", epoch + 1,
                    row.testAccuracy(), best, bestEpoch, null);
            run.writeInfo(current);
            progress.epochEnded(row, config.epochs());
        }
        return rows;
    }

    private Checkpoint checkpoint(int epoch, long steps, double best, int bestEpoch, Checkpoint.EpochSoFar soFar) {
        return new Checkpoint(epoch, config.seed(), steps, best, bestEpoch, soFar, ModelState.save(block),
                OptimizerState.save(optimizer));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Records the interruption {@code where} in {@code run.json} and returns the exception that ends the run. */
    private TrainingInterruptedException interrupt(RunInfo info, int step, String where) throws IOException {
        progress.close();
        int epochs = info.epochsCompleted();
        String message = "training interrupted by " + stop.reason() + " " + where + "; 'train --resume --out "
                + run.path() + "' continues it exactly";
        run.writeInfo(info.interrupted(step, message));
        return new TrainingInterruptedException(message, run.path(), epochs, step);
    }

    /**
     * A file of the run that cannot be written (a full disk, a file system gone read-only) ends the
     * run as a failure, not a crash: every file is replaced atomically or appended to (metrics), so
     * what was written before is intact, and the run goes on from its last checkpoint once there
     * is room. {@code run.json} records the stop if it still can.
     */
    private TrainingStoppedException writeFailed(IOException e) {
        progress.close();
        String message = "training stopped in epoch " + (epoch + 1) + " of " + config.epochs() + ": cannot write "
                + FileErrors.describe(e) + "; the files written before are intact, last complete checkpoint: "
                + lastCheckpoint() + "; make room and continue with 'deform4j train --resume --out " + run.path() + "'";
        try {
            run.writeInfo(current.progress("stopped", current.epochsCompleted(), current.finalTestAcc(),
                    current.bestTestAcc(), current.bestEpoch(), message));
        } catch (IOException again) {
            e.addSuppressed(again);
        }
        return new TrainingStoppedException(message, epoch + 1, 0, e);
    }

    /** The newest checkpoint file of the run, in words. */
    private String lastCheckpoint() {
        try {
            return Checkpoints.list(run.path()).stream().findFirst().map(Path::toString)
                    .orElse("none (no epoch completed)");
        } catch (IOException e) {
            return "unknown (" + FileErrors.describe(e) + ")";
        }
    }

    private TrainingStoppedException stop(RunInfo info, int epoch, int step, RuntimeException cause) {
        String checkpoint = lastCheckpoint();
        String what = cause instanceof OutsideDomainException ? "the loss left the domain of " + config.vdm()
                : "the loss or gradient is not finite";
        String where = step == 0 ? "in the evaluation after epoch " + (epoch + 1)
                : "in epoch " + (epoch + 1) + ", step " + step;
        String message = "training stopped " + where + ": " + what + ": " + cause.getMessage()
                + (step == 0 ? "; this epoch's checkpoint was not written" : "; no update was applied from this step")
                + "; last good checkpoint: " + checkpoint;
        try {
            run.writeInfo(info.progress("stopped", info.epochsCompleted(), info.finalTestAcc(),
                    info.bestTestAcc(), info.bestEpoch(), message));
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        return new TrainingStoppedException(message, epoch + 1, step, cause);
    }
}
