package io.deform4j.sweep;

import io.deform4j.data.DataSources;
import io.deform4j.model.Models;
import io.deform4j.settings.SettingsSchema;
import io.deform4j.train.TrainConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runs a {@link SweepSpec} expands to: for each cell, the cross product of the grid (the last
 * grid key varying fastest), each over the base settings, with {@code overrides} (the command
 * line's {@code --set}) over everything. Each run's directory name is made from the settings the
 * spec varies ({@link #runName}), so it is readable and the same whenever the spec is read again,
 * also after values are added to the grid.
 *
 * @param spec      the spec it expands
 * @param overrides settings given for every run on the command line, name → value
 * @param varying   the settings the spec varies, in naming order: every grid key, even one with a
 *                  single value (so that adding a value to it keeps the names of the runs made
 *                  before), and every other setting whose value differs between runs
 * @param runs      the runs, in expansion order
 */
public record SweepPlan(SweepSpec spec, Map<String, Object> overrides, List<String> varying, List<SweepRun> runs) {

    /** Settings named by their value alone in a run's name; the others are named {@code key} + value. */
    private static final List<String> BARE = List.of("model", "dataset", "vdm", "optimizer");

    /**
     * Expands {@code spec}; every run's configuration is resolved and checked here, so a bad value
     * fails before anything runs.
     *
     * @throws IllegalArgumentException naming the run and setting for a bad value, or an override
     *     of a setting that the spec varies (the run names would not say what was trained)
     */
    public static SweepPlan expand(SweepSpec spec, Map<String, Object> overrides) {
        List<Map<String, Object>> given = spec.runSettings();
        checkAvailable(spec.name(), given);
        List<String> varying = varying(spec, given);
        for (String key : overrides.keySet()) {
            if (varying.contains(key)) {
                throw new IllegalArgumentException("--set " + key + ": the spec varies " + key + " (grid or cells) "
                        + "and names the runs by it; change it in the spec");
            }
        }
        List<SweepRun> runs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Map<String, Object> settings : given) {
            String name = runName(settings, varying);
            int count = seen.merge(name, 1, Integer::sum);
            if (count > 1) {
                name = name + "-" + count;
            }
            Map<String, Object> all = new LinkedHashMap<>(settings);
            all.putAll(overrides);
            TrainConfig config;
            try {
                config = TrainConfig.resolve(List.of(overrides, settings));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("run " + name + ": " + e.getMessage(), e);
            }
            runs.add(new SweepRun(name, Map.copyOf(all), config));
        }
        return new SweepPlan(spec, Map.copyOf(overrides), varying, List.copyOf(runs));
    }

    /** Names, in one message, every model and data set the sweep needs that this build lacks. */
    private static void checkAvailable(String sweep, List<Map<String, Object>> given) {
        Set<String> models = new TreeSet<>();
        Set<String> datasets = new TreeSet<>();
        for (Map<String, Object> settings : given) {
            String model = String.valueOf(settings.getOrDefault("model", TrainConfig.SCHEMA.entry("model").defaultValue()));
            if (Models.names().stream().noneMatch(model::equalsIgnoreCase)) {
                models.add(model);
            }
            String dataset = String.valueOf(settings.getOrDefault("dataset",
                    TrainConfig.SCHEMA.entry("dataset").defaultValue()));
            if (!DataSources.NAMES.contains(dataset)) {
                datasets.add(dataset);
            }
        }
        if (!models.isEmpty() || !datasets.isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (!models.isEmpty()) {
                missing.add("models " + String.join(", ", models) + " (this build has " + String.join(", ",
                        Models.names()) + ")");
            }
            if (!datasets.isEmpty()) {
                missing.add("data sets " + String.join(", ", datasets) + " (this build has "
                        + String.join(", ", DataSources.NAMES) + ")");
            }
            throw new IllegalArgumentException("sweep " + sweep + " needs " + String.join(" and ", missing)
                    + "; a misspelt name, or one this version of deform4j does not provide yet");
        }
    }

    /** The sweep's name. */
    public String name() {
        return spec.name();
    }

    /** The run called {@code name}, if the plan has it. */
    public SweepRun run(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("sweep " + name() + " has no run " + name));
    }

    /**
     * A run's directory name: the values of the varying settings joined by {@code -}, model,
     * data set, mapping and optimizer by value alone, the others as name and value
     * ({@code resnet20-cifar100-LE(1,0.9)-seed3}), with characters a file system may refuse
     * ({@code /}, spaces, …) replaced by {@code _}; {@code run} when nothing varies.
     */
    static String runName(Map<String, Object> settings, List<String> varying) {
        List<String> parts = new ArrayList<>();
        for (String key : varying) {
            Object value = settings.get(key);
            String text = value == null ? "default" : SettingsSchema.text(value);
            if (BARE.contains(key)) {
                parts.add(text);
            } else if (value instanceof Number || value instanceof List<?>) {
                parts.add(key + text);
            } else {
                parts.add(key + "-" + text);
            }
        }
        String name = parts.isEmpty() ? "run" : String.join("-", parts);
        return name.replaceAll("[^A-Za-z0-9._()+,=-]", "_");
    }

    private static List<String> varying(SweepSpec spec, List<Map<String, Object>> given) {
        List<String> keys = new ArrayList<>();
        for (String key : orderedKeys(given)) {
            Object first = given.get(0).get(key);
            if (spec.grid().containsKey(key) || given.stream().anyMatch(s -> !Objects.equals(s.get(key), first))) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Every key given, bare ones first, then in the settings' declaration order. */
    private static List<String> orderedKeys(List<Map<String, Object>> given) {
        List<String> keys = new ArrayList<>(BARE);
        for (String name : TrainConfig.SCHEMA.names()) {
            if (!keys.contains(name)) {
                keys.add(name);
            }
        }
        keys.removeIf(k -> given.stream().noneMatch(s -> s.containsKey(k)));
        return keys;
    }
}
