package io.deform4j.landscape;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.deform4j.data.DataSplits;
import io.deform4j.train.EvalSet;
import io.deform4j.train.TrainedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens the run directories written by {@code deform4j train} for the instruments: each run's
 * {@code run.json} names the model and the data set, its newest checkpoint gives θ; the data are
 * opened once per distinct data configuration, the training set and the test set, both with the
 * test-time preprocessing (no random augmentation), each cut to a fixed class-balanced subset of {@code limit} examples (0 = all).
 */
public final class Instruments {

    /** Seed of the {@code --limit} subsets: fixed, so every checkpoint and command sees the same examples. */
    public static final long SUBSET_SEED = 0;

    private Instruments() {
    }

    /**
     * Loads every checkpoint into {@code manager}.
     *
     * @param sameArchitecture require that all have the same parameter layout (curves laid over each
     *                         other with one seed, interpolation)
     * @throws IllegalArgumentException for a missing run, a damaged checkpoint, another architecture
     */
    public static List<TrainedModel> open(List<Path> checkpoints, int limit, int batchSize, boolean sameArchitecture,
            NDManager manager) throws IOException {
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("no --checkpoint given");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0 (0 = all examples), got " + limit);
        }
        List<TrainedRun> runs = new ArrayList<>();
        for (Path p : checkpoints) {
            runs.add(TrainedRun.open(p)); // every path checked before any data are read
        }
        Map<String, DataSplits> splits = new HashMap<>();
        Map<String, EvalSet[]> sets = new HashMap<>();
        List<TrainedModel> models = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (TrainedRun run : runs) {
            var c = run.config();
            String key = c.dataset() + "|" + c.dataDir() + "|" + c.limitTrain() + "|" + c.limitTest() + "|" + c.seed();
            DataSplits data = splits.get(key);
            if (data == null) {
                data = run.openData();
                splits.put(key, data);
            }
            DataSplits d = data;
            EvalSet[] eval = sets.computeIfAbsent(key, k -> new EvalSet[] {
                EvalSet.of("train", d.train(), d.preprocessing(), limit, SUBSET_SEED, batchSize),
                EvalSet.of("test", d.test(), d.preprocessing(), limit, SUBSET_SEED, batchSize)});
            Block block = run.loadModel(manager, data);
            String name = unique(run.name(), names);
            names.add(name);
            TrainedModel model = TrainedModel.of(name, block, manager, c.format(), eval[0], eval[1]);
            if (sameArchitecture && !models.isEmpty()) {
                models.get(0).layout().requireSame(model.layout(), "checkpoint " + run.dir() + " (" + c.model()
                        + ") does not match " + models.get(0).name() + " (" + runs.get(0).config().model() + ")");
            }
            models.add(model);
        }
        return models;
    }

    private static String unique(String name, List<String> taken) {
        String candidate = name;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }
}
