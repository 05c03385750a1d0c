package io.deform4j.report;

import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.SweepDirectory;
import io.deform4j.train.TrainConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups runs into {@link Cell}s: runs share a cell when they agree in every setting except the
 * seed, which is what repeats an experiment, and the execution settings
 * ({@link SweepDirectory#EXECUTION_SETTINGS}), which do not change what a run computes.
 *
 * <p>A table shows the settings it lays out (e.g. {@code model}, {@code dataset} in the rows and
 * {@code vdm} in the columns). Any other setting that differs between runs of one row (the
 * "extras", e.g. {@code lr} when the original model was trained at several learning rates) is
 * added to the cells' settings and so to the row labels: different experiments are never pooled,
 * and the cells of a row differ in their column settings only. A setting that follows from the
 * row (the weight decay of each model's row of the paper's Table 4) is no extra.
 */
final class CellGrouping {

    /**
     * @param extras the settings besides the laid-out ones that tell cells apart, in the order of
     *     {@link TrainConfig#SCHEMA}
     * @param cells  every cell, in the order of its first run
     */
    record Result(List<String> extras, List<Cell> cells) {

        /**
         * The cell of the original model in {@code cell}'s experiment (the same settings but the
         * mapping), or null for an original cell or when there is none: what a deformed cell is
         * compared with.
         */
        Cell reference(Cell cell) {
            if (cell.isOriginal()) {
                return null;
            }
            Map<String, Object> experiment = cell.withoutMapping();
            return cells.stream().filter(c -> c.isOriginal() && c.withoutMapping().equals(experiment)).findFirst()
                    .orElse(null);
        }
    }

    private CellGrouping() {
    }

    /** Whether runs that differ in {@code setting} are runs of one experiment. */
    static boolean pooled(String setting) {
        return setting.equals("seed") || SweepDirectory.EXECUTION_SETTINGS.contains(setting);
    }

    /**
     * The cells of {@code runs} by mapping, as the report compares them: each cell's settings are
     * the mapping, then every other setting that differs between the runs ({@link Result#extras}).
     */
    static Result byMapping(List<RunRecord> runs) {
        return group(runs, List.of(), List.of(ResultsTable.VDM));
    }

    /** The cells of {@code runs} (each with a configuration) in a table with these row and column settings. */
    static Result group(List<RunRecord> runs, List<String> rowSettings, List<String> columnSettings) {
        List<String> laidOut = new ArrayList<>(rowSettings);
        laidOut.addAll(columnSettings);
        List<String> extras = new ArrayList<>();
        for (String setting : TrainConfig.SCHEMA.names()) {
            if (!laidOut.contains(setting) && !pooled(setting) && variesWithinARow(runs, rowSettings, setting)) {
                extras.add(setting);
            }
        }
        List<String> defining = new ArrayList<>(laidOut);
        defining.addAll(extras);
        Map<Map<String, Object>, List<RunRecord>> cells = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            cells.computeIfAbsent(select(run, defining), k -> new ArrayList<>()).add(run);
        }
        List<Cell> result = new ArrayList<>();
        cells.forEach((settings, members) -> result.add(new Cell(settings, experiment(members.get(0)), members)));
        return new Result(List.copyOf(extras), List.copyOf(result));
    }

    /** The settings that make a run's experiment: all but the pooled ones. */
    private static Map<String, Object> experiment(RunRecord run) {
        Map<String, Object> settings = new LinkedHashMap<>(run.config().values());
        settings.keySet().removeIf(CellGrouping::pooled);
        return settings;
    }

    private static boolean variesWithinARow(List<RunRecord> runs, List<String> rowSettings, String setting) {
        Map<Map<String, Object>, Set<Object>> values = new HashMap<>();
        for (RunRecord run : runs) {
            Set<Object> seen = values.computeIfAbsent(select(run, rowSettings), k -> new HashSet<>());
            seen.add(run.config().values().get(setting));
            if (seen.size() > 1) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> select(RunRecord run, List<String> settings) {
        Map<String, Object> values = run.config().values();
        Map<String, Object> selected = new LinkedHashMap<>();
        settings.forEach(s -> selected.put(s, values.get(s)));
        return selected;
    }
}
