package io.deform4j.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.deform4j.data.Batch;
import io.deform4j.data.BatchLoader;
import io.deform4j.data.DataOptions;
import io.deform4j.data.DataSources;
import io.deform4j.data.DataSplits;
import io.deform4j.data.LoaderConfig;
import io.deform4j.engine.Devices;
import io.deform4j.engine.EngineThreads;
import io.deform4j.model.ModelState;
import io.deform4j.model.Models;
import io.deform4j.optim.tensor.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Starts and resumes training runs: the library behind {@code deform4j train} and
 * {@code deform4j compare}. Everything that can be wrong with the input (model or data set
 * name, hyper-parameters, data folder, output directory) is checked before anything is written.
 *
 * <p>From the moment {@code start} or {@code resume} is called until it returns, {@code SIGTERM}
 * and {@code SIGUSR1} stop the run gracefully ({@code StopSignals}): the step under way ends, the
 * position is saved, and the call throws {@link TrainingInterruptedException}; {@code resume}
 * continues from there.
 */
public final class Runs {

    /** What a run left: its directory, {@code run.json} and every metrics row. */
    public record Result(Path dir, RunInfo info, List<EpochMetrics> metrics) {
    }

    private Runs() {
    }

    /** The data of {@code config}: opened by name, limited to the configured subsets. */
    public static DataSplits openData(TrainConfig config) throws IOException {
        DataOptions options = DataOptions.defaults().withProgress(false);
        if (!config.dataDir().isEmpty()) {
            Path dir = Path.of(config.dataDir());
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new IllegalArgumentException("data-dir " + dir + " is not a folder (data set " + config.dataset()
                        + ")");
            }
            options = options.withDataDir(dir).withDownload(false);
        }
        DataSplits data = DataSources.open(config.dataset(), options);
        return data.limit(config.limitTrain(), config.limitTest(), config.seed());
    }

    /** Throws an {@link IllegalArgumentException} suggesting the closest name if the model is unknown. */
    public static void checkModel(String model) {
        Models.info(model);
    }

    /**
     * Checks what can be checked of {@code config} on this machine before its data is opened: the
     * model is known and the engine's threads fit the cores ({@link EngineThreads#checkFits}).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void checkHere(TrainConfig config) {
        checkModel(config.model());
        EngineThreads.checkFits("threads", config.threads());
    }

    /**
     * Starts a new run of {@code config} in {@code out}, opening its data by name.
     *
     * @throws TrainingInterruptedException if a stop signal ended it early (resumable)
     */
    public static Result start(TrainConfig config, Path out, boolean overwrite, Progress progress) throws IOException {
        checkHere(config);
        RunDirectory.checkNew(out, overwrite);
        prepareEngine(config);
        try (StopSignals stop = StopSignals.install()) {
            return start(config, openData(config), out, overwrite, progress, stop);
        }
    }

    /**
     * Starts a new run of {@code config} on {@code data} (already limited) in {@code out}.
     *
     * @throws TrainingInterruptedException if a stop signal ended it early (resumable)
     */
    public static Result start(TrainConfig config, DataSplits data, Path out, boolean overwrite, Progress progress)
            throws IOException {
        try (StopSignals stop = StopSignals.install()) {
            return start(config, data, out, overwrite, progress, stop);
        }
    }

    /** As {@link #start(TrainConfig, DataSplits, Path, boolean, Progress)}, stopped by {@code stop}. */
    static Result start(TrainConfig config, DataSplits data, Path out, boolean overwrite, Progress progress,
            StopSignals stop) throws IOException {
        checkModel(config.model());
        RunDirectory.checkNew(out, overwrite);
        Device device = prepareEngine(config);
        if (!config.initFrom().isEmpty()) { // before the run directory exists
            Models.checkTorchWeights(config.model(), data.classes(), data.train().channels(), data.train().height(),
                    Path.of(config.initFrom()));
        }
        RunDirectory run = RunDirectory.create(out, overwrite);
        return execute(config, device, data, run, Optional.empty(), progress, stop);
    }

    /**
     * Sets the engine's threads and resolves the configured device on this machine
     * ({@link Devices#resolve}): {@code auto} becomes a GPU or the CPU.
     *
     * @throws IllegalArgumentException for a GPU the engine does not see
     */
    public static Device prepareEngine(TrainConfig config) {
        EngineThreads.configure(config.threads());
        return Devices.resolve(config.device());
    }

    /**
     * The settings that {@code train --resume} may change: how long the run goes on, where it
     * computes, and with how many threads (a run moved to a machine with fewer cores; the rest of
     * the run may then differ in the last bits). Every other setting is the one recorded in
     * {@code run.json}.
     */
    public static final Set<String> RESUME_CHANGES = Set.of("epochs", "device", "threads");

    /**
     * Continues the run in {@code out} from its newest intact checkpoint (at an epoch's end, or
     * inside an epoch where a stop signal interrupted it), with the configuration recorded in its
     * {@code run.json}; {@code epochs}, if not null, extends (or shortens) the run.
     *
     * @throws TrainingInterruptedException if a stop signal ended it early (resumable again)
     */
    public static Result resume(Path out, Integer epochs, Progress progress) throws IOException {
        return resumeWith(out, epochs == null ? Map.of() : Map.of("epochs", epochs), progress);
    }

    /**
     * As {@link #resume(Path, Integer, Progress)} with {@code changes} (setting → value, only
     * {@link #RESUME_CHANGES}) over the recorded configuration.
     *
     * <p>The device: the run resumes where its recorded setting resolves on this machine. If that
     * is not the device {@code run.json} says it trained on (a GPU run resumed where there is none,
     * with {@code auto}), the resume is refused unless {@code changes} names the device: a run that
     * changes device is no longer bit for bit the run it continues (the checkpoint itself loads on
     * any device), so that has to be asked for.
     *
     * @throws IllegalArgumentException for a change of another setting, or an unasked change of device
     * @throws TrainingInterruptedException if a stop signal ended it early (resumable again)
     */
    public static Result resumeWith(Path out, Map<String, ?> changes, Progress progress) throws IOException {
        try (StopSignals stop = StopSignals.install()) {
            return resumeWith(out, changes, null, progress, stop);
        }
    }

    /** As {@link #resume(Path, Integer, Progress)} on {@code data} (null: opened by name as recorded). */
    public static Result resume(Path out, Integer epochs, DataSplits data, Progress progress) throws IOException {
        try (StopSignals stop = StopSignals.install()) {
            return resume(out, epochs, data, progress, stop);
        }
    }

    /** As {@link #resume(Path, Integer, DataSplits, Progress)}, stopped by {@code stop}. */
    static Result resume(Path out, Integer epochs, DataSplits data, Progress progress, StopSignals stop)
            throws IOException {
        return resumeWith(out, epochs == null ? Map.of() : Map.of("epochs", epochs), data, progress, stop);
    }

    /** As {@link #resumeWith(Path, Map, Progress)} on {@code data} (null: opened by name), stopped by {@code stop}. */
    static Result resumeWith(Path out, Map<String, ?> changes, DataSplits data, Progress progress, StopSignals stop)
            throws IOException {
        if (!RESUME_CHANGES.containsAll(changes.keySet())) {
            throw new IllegalArgumentException("a resumed run keeps the configuration recorded in "
                    + out.resolve(RunDirectory.RUN_JSON) + "; only " + String.join(" and ", RESUME_CHANGES.stream()
                            .sorted().toList()) + " may change, not " + changes.keySet());
        }
        RunDirectory run = RunDirectory.existing(out);
        RunInfo recorded = run.readInfo();
        TrainConfig config = recorded.config();
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            config = config.with(change.getKey(), change.getValue());
        }
        checkModel(config.model());
        EngineThreads.checkFits(changes.containsKey("threads") ? "--threads" : "threads (recorded in "
                + out.resolve(RunDirectory.RUN_JSON) + "; 'train --resume --threads N' resumes with fewer)",
                config.threads());
        Device device = prepareEngine(config);
        String trainedOn = recorded.device() == null ? "cpu" : recorded.device(); // runs before devices were CPU runs
        if (!Devices.name(device).equals(trainedOn) && !changes.containsKey("device")) {
            throw new IllegalArgumentException(out.resolve(RunDirectory.RUN_JSON) + " says the run trained on "
                    + trainedOn + "; here its device " + config.device() + " is " + Devices.name(device)
                    + ". A run that changes device no longer continues bit for bit; resume with --device "
                    + Devices.name(device) + " to go on there all the same");
        }
        if (data == null) {
            data = openData(config);
        }
        return execute(config, device, data, run, Checkpoints.latest(out), progress, stop);
    }

    /**
     * Trains a throw-away model of {@code config} for {@code steps} steps and evaluates one batch,
     * writing nothing: the engine's one-time costs (kernel selection, JIT compilation) then fall
     * here rather than on whichever timed run goes first.
     */
    public static void warmUp(TrainConfig config, DataSplits data, int steps) {
        Device device = prepareEngine(config);
        try (NDManager manager = NDManager.newBaseManager(device);
                Optimizer optimizer = Optimizer.of(config.optimizerConfig());
                BatchLoader batches = BatchLoader.open(data.train(),
                        LoaderConfig.train(config.stepBatchSize(), data.preprocessing(), config.seed()), 0)) {
            Block block = newModel(config, data, manager);
            TrainStep step = new TrainStep(block, optimizer, new DeformedLoss(config.mapping()), manager,
                    config.format(), config.accumulate());
            double[] sums = new double[3];
            Batch last = null;
            for (int i = 0; i < steps && batches.hasNext(); i++) {
                last = batches.next();
                step.step(last, config.learningRate(0), sums);
            }
            if (last != null) {
                new Evaluator(block, manager, config.format()).evaluate(EvalSet.of("warm-up", List.of(last)));
            }
        }
    }

    /**
     * The model of {@code config} for {@code data}: created, initialised from the seed and laid out
     * in the configured memory format, before any optimizer state exists.
     */
    static Block newModel(TrainConfig config, DataSplits data, NDManager manager) {
        Block block = Models.create(config.model(), data.classes(), data.train().channels(), data.train().height());
        Models.initialize(block, manager, new Shape(1, data.train().channels(), data.train().height(),
                data.train().width()), config.seed());
        config.format().apply(block);
        return block;
    }

    /** Trains on {@code device}: the model, the optimizer's state and every batch live there. */
    private static Result execute(TrainConfig config, Device device, DataSplits data, RunDirectory run,
            Optional<Checkpoint> from, Progress progress, StopSignals stop) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(device);
                Optimizer optimizer = Optimizer.of(config.optimizerConfig())) {
            Block block = newModel(config, data, manager);
            Checkpoint start = new Checkpoint(0, config.seed(), 0, 0, 0, Checkpoint.EpochSoFar.NONE, null, null);
            List<EpochMetrics> history = List.of();
            RunInfo info = RunInfo.started(config, Devices.name(device), data.train().size(), data.test().size(),
                    Models.parameterCount(block));
            if (from.isPresent()) {
                start = from.get();
                if (start.seed() != config.seed()) {
                    throw new IllegalArgumentException("checkpoint seed " + start.seed() + " differs from run.json's "
                            + config.seed());
                }
                ModelState.load(block, start.model());
                OptimizerState.load(optimizer, start.optimizer(), block.getParameters());
                history = run.truncateMetrics(start.epoch());
                EpochMetrics last = history.isEmpty() ? null : history.get(history.size() - 1);
                info = info.progress("running", start.epoch(), last == null ? null : last.testAccuracy(),
                        start.bestAccuracy(), start.bestEpoch(), null);
            } else {
                if (!config.initFrom().isEmpty()) { // a resumed run has its checkpoint instead
                    Models.loadTorchWeights(block, Path.of(config.initFrom()));
                }
                run.truncateMetrics(0);
            }
            run.writeInfo(info);
            // a loader batch is one optimizer step: accumulate micro-batches of batch-size examples
            LoaderConfig trainLoader = LoaderConfig.train(config.stepBatchSize(), data.preprocessing(), config.seed());
            LoaderConfig testLoader = LoaderConfig.test(config.batchSize(), data.preprocessing());
            TrainingLoop loop = new TrainingLoop(config, run, block, optimizer, data.train(), trainLoader, data.test(),
                    testLoader, manager, progress, stop);
            List<EpochMetrics> rows = loop.run(start, info, history);
            if (start.epoch() >= config.epochs()) {
                run.writeInfo(info.progress("finished", start.epoch(), info.finalTestAcc(),
                        info.bestTestAcc(), info.bestEpoch(), null));
            }
            return new Result(run.path(), run.readInfo(), rows);
        } finally {
            progress.close();
        }
    }
}
