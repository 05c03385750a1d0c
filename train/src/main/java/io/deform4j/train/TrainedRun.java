package io.deform4j.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.deform4j.data.DataSplits;
import io.deform4j.model.ModelState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A finished (or interrupted) run read back for analysis: its {@code run.json} says which model
 * and data set, its newest intact checkpoint holds the weights (batch norm running statistics
 * included). Used by the landscape and Hessian instruments, which need nothing but the run
 * directory.
 *
 * @param dir        the run directory
 * @param config     the configuration recorded in {@code run.json}
 * @param checkpoint the checkpoint read: the newest intact one, or the file named
 */
public record TrainedRun(Path dir, TrainConfig config, Checkpoint checkpoint) {

    /**
     * Opens a run directory, or one checkpoint file inside a run directory.
     *
     * @throws IllegalArgumentException if the path is missing, holds no run, or no intact checkpoint
     */
    public static TrainedRun open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("checkpoint " + path + " does not exist (expected a run directory "
                    + "written by 'deform4j train')");
        }
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        if (!Files.isRegularFile(dir.resolve(RunDirectory.RUN_JSON))) {
            throw new IllegalArgumentException(path + " is not a run directory: " + RunDirectory.RUN_JSON
                    + " is missing (expected a directory written by 'deform4j train')");
        }
        TrainConfig config = new RunDirectory.Reader(dir).info().config();
        Optional<Checkpoint> checkpoint = Files.isDirectory(path) ? Checkpoints.latest(dir) : Checkpoints.read(path);
        if (checkpoint.isEmpty()) {
            throw new IllegalArgumentException(Files.isDirectory(path)
                    ? "run " + dir + " holds no intact checkpoint (checkpoint-NNNN.bin); has it finished an epoch?"
                    : path + " is not an intact checkpoint");
        }
        return new TrainedRun(dir, config, checkpoint.get());
    }

    /** The run's name: its directory's name. */
    public String name() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    /** The data the run was trained and tested on, opened by name and limited as recorded. */
    public DataSplits openData() throws IOException {
        return Runs.openData(config);
    }

    /**
     * The trained model: created from the registry, initialised and laid out as the run was
     * trained, then given the checkpoint's parameters (running statistics included) in place.
     *
     * @throws IllegalArgumentException if the checkpoint does not fit the model named in {@code run.json}
     */
    public Block loadModel(NDManager manager, DataSplits data) {
        Runs.checkModel(config.model());
        Block block = Runs.newModel(config, data, manager);
        try {
            ModelState.load(block, checkpoint.model());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint of " + dir + " does not match the model " + config.model()
                    + " that its run.json names (a checkpoint of another architecture?): " + e.getMessage(), e);
        }
        return block;
    }
}
