package io.deform4j.cli;

import io.deform4j.model.Models;
import io.deform4j.settings.SettingsSchema;
import io.deform4j.train.TrainConfig;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds one option per training setting ({@link TrainConfig#SCHEMA}) to a command: {@code --lr},
 * {@code --batch-size}, … with the setting's help, label and default, so that no command declares
 * a setting of its own. Options stay unset ({@code null}) unless given; {@link #given} returns
 * those that were, parsed and typed, as the top layer for {@link TrainConfig#resolve}.
 */
class SettingOptions implements IModelTransformer {

    private final Map<String, Object> commandDefaults;

    SettingOptions() {
        this(Map.of());
    }

    /** Options whose help states {@code commandDefaults} where the command departs from the settings' defaults. */
    SettingOptions(Map<String, Object> commandDefaults) {
        this.commandDefaults = commandDefaults;
    }

    @Override
    public CommandSpec transform(CommandSpec spec) {
        Map<String, Object> modelRow = TrainConfig.SCHEMA.layerOf(Models.defaults(TrainConfig.SCHEMA.entry("model")
                .defaultValue().toString()));
        for (SettingsSchema.Entry entry : TrainConfig.SCHEMA.entries()) {
            String name = entry.name();
            String defaults;
            if (commandDefaults.containsKey(name)) {
                defaults = "default: " + SettingsSchema.text(commandDefaults.get(name));
            } else if (modelRow.containsKey(name)) {
                defaults = "default: the model's row of Table 4; " + SettingsSchema.text(modelRow.get(name))
                        + " for " + TrainConfig.SCHEMA.entry("model").defaultValue();
            } else {
                String text = entry.defaultText();
                defaults = "default: " + (text.isEmpty() ? "none" : text);
            }
            OptionSpec.Builder option = OptionSpec.builder("--" + name)
                    .paramLabel(entry.label())
                    .type(String.class)
                    .description(entry.help().replaceFirst("\\.$", "") + " (" + defaults + ").");
            if (isBoolean(entry.type())) {
                option.arity("0..1").fallbackValue("true");
            }
            spec.addOption(option.build());
        }
        return spec;
    }

    /** The settings given on the command line of {@code spec}, name → typed value. */
    static Map<String, Object> given(CommandSpec spec) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (SettingsSchema.Entry entry : TrainConfig.SCHEMA.entries()) {
            String text = spec.findOption("--" + entry.name()).getValue();
            if (text != null) {
                given.put(entry.name(), TrainConfig.SCHEMA.parse(entry.name(), text));
            }
        }
        return given;
    }

    private static boolean isBoolean(Type type) {
        return type == boolean.class || type == Boolean.class;
    }

    /** The options of {@code compare}, whose help states its own defaults. */
    static final class Compare extends SettingOptions {
        Compare() {
            super(CompareCommand.DEFAULTS);
        }
    }
}
