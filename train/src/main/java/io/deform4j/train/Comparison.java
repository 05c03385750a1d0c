package io.deform4j.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The original model against a deformed one: the same configuration and seed, run one after
 * the other in this JVM (one gradient collector at a time), each in its own directory under
 * {@code out} ({@code original/} and {@code deformed/}).
 */
public final class Comparison {

    /** Default mapping of {@code compare}: LE(1,0.99), the paper's CIFAR mapping (δ' &gt; 1, steeper near ℓ = 0). */
    public static final String DEFAULT_VDM = "LE(1,0.99)";
    /** Default epochs of {@code compare}: a short schedule that shows it working in minutes. */
    public static final int DEFAULT_EPOCHS = 3;

    /** Untimed training steps before the two runs, so that neither pays the engine's start-up. */
    static final int WARM_UP_STEPS = 5;

    /** Both runs. */
    public record Result(Runs.Result original, Runs.Result deformed) {
    }

    private Comparison() {
    }

    /**
     * Runs {@code config} with the original loss and with {@code config.vdm()}; checks both output
     * directories before training either.
     *
     * @param progress the progress display of each run, by its label ({@code original} or the mapping)
     */
    public static Result run(TrainConfig config, Path out, boolean overwrite, Function<String, Progress> progress)
            throws IOException {
        TrainConfig original = config.with("vdm", "original");
        Path originalDir = out.resolve("original");
        Path deformedDir = out.resolve("deformed");
        Runs.checkHere(config);
        RunDirectory.checkNew(originalDir, overwrite);
        RunDirectory.checkNew(deformedDir, overwrite);
        Runs.prepareEngine(config); // an unavailable device is refused before the data is opened
        var data = Runs.openData(config);
        Runs.warmUp(config, data, WARM_UP_STEPS);
        Runs.Result a = Runs.start(original, data, originalDir, overwrite, progress.apply("original"));
        Runs.Result b = Runs.start(config, data, deformedDir, overwrite, progress.apply(config.vdm()));
        return new Result(a, b);
    }
}
