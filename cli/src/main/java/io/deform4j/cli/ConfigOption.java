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
 * {@code --config FILE} of the commands that train ({@code train}, {@code compare}), and the rule
 * they share: the settings given on the command line ({@link SettingOptions}) override the file's.
 */
final class ConfigOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON file of settings, keys as the long "
            + "options (e.g. 'batch-size: 64'), or a run's run.json; options given here override it.")
    private Path file;

    /** Whether {@code --config} was given. */
    boolean given() {
        return file != null;
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
