package io.deform4j.cli;

import io.deform4j.train.TrainConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that start training runs ({@code train}, {@code compare}) besides
 * the settings themselves: a file of settings, under those given on the command line
 * ({@link SettingOptions}), and whether runs already in {@code --out} are replaced.
 */
final class RunOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON file of settings, keys as the long "
            + "options (e.g. 'batch-size: 64'), or a run's run.json; options given here override it.")
    private Path file;

    @Option(names = "--overwrite", description = "Start over in an --out that holds runs (their files are replaced).")
    private boolean overwrite;

    /** Whether {@code --config} was given. */
    boolean hasConfig() {
        return file != null;
    }

    /** Whether {@code --overwrite} was given. */
    boolean overwrite() {
        return overwrite;
    }

    /**
     * The settings of the command line over those of the file, highest priority first: the top
     * layers for {@link TrainConfig#resolve}, in a list the caller may extend with lower ones.
     *
     * @throws IllegalArgumentException if the file is missing, does not parse or has a bad setting
     */
    List<Map<String, ?>> layers() {
        List<Map<String, ?>> layers = new ArrayList<>(List.of(SettingOptions.given(command)));
        if (file != null) {
            layers.add(TrainConfig.SCHEMA.readFile(file));
        }
        return layers;
    }
}
