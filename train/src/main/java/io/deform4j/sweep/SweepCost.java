package io.deform4j.sweep;

import io.deform4j.model.Models;
import io.deform4j.train.TrainConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How much a sweep trains, counted from its spec alone, so also for a spec whose models this
 * build lacks (the paper's Tables 2 and 3): its runs, and their epochs where they are known. A
 * run's epochs are its {@code epochs} setting, else its model's Table 4 row (what the run would
 * train), else unknown: a model this build does not have brings its row with it.
 *
 * @param runs          every run of the spec
 * @param runsByEpochs  epochs → the runs of that length, for the runs whose length is known
 * @param unknownModels the models of the runs whose length is unknown, sorted
 */
public record SweepCost(int runs, SortedMap<Integer, Integer> runsByEpochs, Set<String> unknownModels) {

    public SweepCost {
        runsByEpochs = new TreeMap<>(runsByEpochs);
        unknownModels = new TreeSet<>(unknownModels);
    }

    /** The cost of {@code spec} with {@code overrides} (the command line's {@code --set}) over every run. */
    public static SweepCost of(SweepSpec spec, Map<String, Object> overrides) {
        List<Map<String, Object>> settings = spec.runSettings();
        SortedMap<Integer, Integer> byEpochs = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        for (Map<String, Object> given : settings) {
            Map<String, Object> run = new LinkedHashMap<>(given);
            run.putAll(overrides);
            String model = String.valueOf(run.getOrDefault("model", TrainConfig.SCHEMA.entry("model").defaultValue()));
            Integer epochs = run.containsKey("epochs") ? (Integer) run.get("epochs")
                    : Models.names().stream().anyMatch(model::equalsIgnoreCase) ? Models.defaults(model).epochs() : null;
            if (epochs == null) {
                unknown.add(model);
            } else {
                byEpochs.merge(epochs, 1, Integer::sum);
            }
        }
        return new SweepCost(settings.size(), byEpochs, unknown);
    }

    /** The runs whose length is known. */
    public int knownRuns() {
        return runsByEpochs.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Epochs summed over the runs whose length is known: the work, in units of one epoch of one run. */
    public long runEpochs() {
        return runsByEpochs.entrySet().stream().mapToLong(e -> (long) e.getKey() * e.getValue()).sum();
    }

    /** Whether every run's length is known, so that {@link #runEpochs} is the whole sweep's. */
    public boolean complete() {
        return knownRuns() == runs;
    }
}
