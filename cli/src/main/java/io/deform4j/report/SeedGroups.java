package io.deform4j.report;

import io.deform4j.settings.SettingsSchema;
import io.deform4j.stats.Statistics;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.sweep.SweepDirectory;
import io.deform4j.train.EpochMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The report's grouping of runs into cells, each the repeats of one experiment over seeds, with
 * median, min, max and n of a measure over a cell's finished runs.
 *
 * <p>Interim: {@code deform4j table} ({@code ResultsTable}, being written alongside) is the one
 * home of this grouping and of the paper's layouts; when it is merged, {@link ComparisonSection}
 * and {@link TrainingCurvesSection} take their cells from it and this class goes. Everything
 * they need from here is in its API: {@link #of}, {@link Group}, {@link Stat}, {@link Measure}.
 */
final class SeedGroups {

    /** The mapping setting; the original model's value. */
    static final String VDM = "vdm";
    static final String ORIGINAL = "original";

    /**
     * A cell: runs that agree in every setting except the seed and how they were executed.
     *
     * @param settings the settings that define it, name → value
     * @param runs     its runs in every state, in the order found
     */
    record Group(Map<String, Object> settings, List<RunRecord> runs) {

        /** The runs that finished every epoch: the n of the statistics. */
        List<RunRecord> done() {
            return runs.stream().filter(r -> r.state() == RunState.DONE).toList();
        }

        String vdm() {
            return String.valueOf(settings.get(VDM));
        }

        boolean isOriginal() {
            return ORIGINAL.equals(vdm());
        }

        /** The settings except the mapping: the experiment a mapping is compared within. */
        Map<String, Object> experiment() {
            Map<String, Object> rest = new LinkedHashMap<>(settings);
            rest.remove(VDM);
            return rest;
        }

        /** {@code measure} over the done runs. */
        Stat stat(Measure measure) {
            return Stat.of(done().stream().mapToDouble(measure.of()).toArray());
        }
    }

    /**
     * Order statistics of one measure over a cell's runs ({@link Statistics}); NaN for no runs.
     *
     * @param n the number of runs
     */
    record Stat(double median, double min, double max, int n) {

        static Stat of(double[] values) {
            double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
            return new Stat(Statistics.median(finite), Statistics.quantile(finite, 0), Statistics.quantile(finite, 1),
                    finite.length);
        }

        /** Whether the ranges [min, max] of the two share a value: the seeds do not separate them. */
        boolean overlaps(Stat other) {
            return n > 0 && other.n > 0 && min <= other.max && other.min <= max;
        }
    }

    /** What is measured of a finished run. */
    enum Measure {
        /** Test accuracy after the last epoch, a fraction. */
        FINAL_TEST_ACCURACY(r -> last(r).testAccuracy()),
        /** The best test accuracy of any epoch. */
        BEST_TEST_ACCURACY(r -> r.metrics().stream().mapToDouble(EpochMetrics::testAccuracy).max().orElse(Double.NaN)),
        /** The plain training loss ℓ of the last epoch. */
        FINAL_TRAIN_LOSS(r -> last(r).trainLoss()),
        FINAL_TEST_LOSS(r -> last(r).testLoss()),
        /** Seconds per epoch, the median over epochs, so the first epoch's engine warm-up counts no more than another. */
        TRAIN_SECONDS(r -> medianOverEpochs(r, EpochMetrics::trainSeconds)),
        EVAL_SECONDS(r -> medianOverEpochs(r, EpochMetrics::evalSeconds));

        private final ToDoubleFunction<RunRecord> of;

        Measure(ToDoubleFunction<RunRecord> of) {
            this.of = of;
        }

        /** The measure of a run, NaN for a run without a completed epoch. */
        ToDoubleFunction<RunRecord> of() {
            return r -> r.metrics().isEmpty() ? Double.NaN : of.applyAsDouble(r);
        }

        private static EpochMetrics last(RunRecord r) {
            return r.metrics().get(r.metrics().size() - 1);
        }

        private static double medianOverEpochs(RunRecord r, ToDoubleFunction<EpochMetrics> seconds) {
            return Statistics.median(r.metrics().stream().mapToDouble(seconds).toArray());
        }
    }

    private SeedGroups() {
    }

    /** Whether runs that differ in {@code setting} repeat one experiment: the seed, and how a run was executed. */
    static boolean pooled(String setting) {
        return setting.equals("seed") || SweepDirectory.EXECUTION_SETTINGS.contains(setting);
    }

    /** The cells of {@code runs} (each with a configuration), in the order of their first run. */
    static List<Group> of(List<RunRecord> runs) {
        Map<Map<String, Object>, List<RunRecord>> cells = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            Map<String, Object> settings = new LinkedHashMap<>(run.config().values());
            settings.keySet().removeIf(SeedGroups::pooled);
            cells.computeIfAbsent(settings, k -> new ArrayList<>()).add(run);
        }
        List<Group> groups = new ArrayList<>();
        cells.forEach((settings, members) -> groups.add(new Group(java.util.Collections.unmodifiableMap(settings), List.copyOf(members))));
        return groups;
    }

    /** The cell of the original model in {@code group}'s experiment, or null: what a deformed cell is compared with. */
    static Group reference(Group group, List<Group> groups) {
        if (group.isOriginal()) {
            return null;
        }
        return groups.stream().filter(g -> g.isOriginal() && g.experiment().equals(group.experiment())).findFirst()
                .orElse(null);
    }

    /** {@code name value} of each of {@code names} in {@code settings}, as typed on the command line ({@code lr 0.1, seed 2}). */
    static String describe(Map<String, Object> settings, List<String> names) {
        return String.join(", ", names.stream().map(n -> n + " " + SettingsSchema.text(settings.get(n))).toList());
    }

    /** The settings whose values differ between {@code settings}, in their order: what tells cells apart. */
    static List<String> varying(List<Map<String, Object>> settings) {
        Set<String> names = new LinkedHashSet<>();
        settings.forEach(s -> names.addAll(s.keySet()));
        List<String> varying = new ArrayList<>();
        for (String name : names) {
            if (settings.stream().map(s -> s.get(name)).filter(Objects::nonNull).distinct().count() > 1) {
                varying.add(name);
            }
        }
        return varying;
    }
}
