package io.deform4j.report;

import io.deform4j.settings.SettingsSchema;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one experiment: they agree in every setting except the seed and the settings that
 * only say how a run executes ({@link io.deform4j.sweep.SweepDirectory#EXECUTION_SETTINGS}).
 *
 * @param settings   the settings that tell this cell from the others of its table, name → value
 *     (kebab-case names, in the table's order)
 * @param experiment every setting its runs share: all but the seed and the execution settings
 * @param runs       its runs in every state: done ones give its values, the others are counted
 */
public record Cell(Map<String, Object> settings, Map<String, Object> experiment, List<RunRecord> runs) {

    public Cell {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        experiment = Collections.unmodifiableMap(new LinkedHashMap<>(experiment));
        runs = List.copyOf(runs);
    }

    /** The runs that completed every epoch. */
    public List<RunRecord> done() {
        return runs.stream().filter(r -> r.state() == RunState.DONE).toList();
    }

    /** The mapping of its runs, as they record it ({@value ResultsTable#ORIGINAL} for the original model). */
    public String vdm() {
        return String.valueOf(experiment.get(ResultsTable.VDM));
    }

    /** Whether its runs train the original model. */
    public boolean isOriginal() {
        return ResultsTable.isOriginal(experiment);
    }

    /** Its experiment without the mapping: what the mapping is compared within, the original's cell having the same. */
    public Map<String, Object> withoutMapping() {
        Map<String, Object> rest = new LinkedHashMap<>(experiment);
        rest.remove(ResultsTable.VDM);
        return rest;
    }

    /** {@code name value} of each of {@code names}, as typed on the command line ({@code model resnet32, lr 0.1}). */
    public String describe(List<String> names) {
        return String.join(", ", names.stream().map(n -> n + " " + SettingsSchema.text(experiment.get(n))).toList());
    }

    /** How many runs are in each state other than done, in the order of {@link RunState}; absent states are left out. */
    public Map<RunState, Integer> unfinished() {
        Map<RunState, Integer> counts = new EnumMap<>(RunState.class);
        runs.stream().filter(r -> r.state() != RunState.DONE).forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        return counts;
    }
}
