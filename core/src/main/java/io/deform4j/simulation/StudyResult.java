package io.deform4j.simulation;

import io.deform4j.mapping.Vdm;
import io.deform4j.stats.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link Study} found: every run (the original surface first, then each mapping, each
 * from every start in order) and the time it took.
 *
 * @param study the study that was run
 * @param runs one run per mapping and start
 * @param elapsedNanos wall-clock time of all runs
 */
public record StudyResult(Study study, List<Run> runs, long elapsedNanos) {

    public StudyResult {
        runs = List.copyOf(runs);
    }

    /** The runs on the surface deformed by {@code vdm}, in the order of the starts. */
    public List<Run> runs(Vdm vdm) {
        return runs.stream().filter(r -> r.vdm().equals(vdm)).toList();
    }

    /** One summary per mapping, the original first. */
    public List<Summary> summaries() {
        List<Run> original = runs(Vdm.original());
        List<Summary> out = new ArrayList<>();
        for (Vdm vdm : study.allMappings()) {
            out.add(Summary.of(vdm, runs(vdm), vdm.equals(Vdm.original()) ? null : original));
        }
        return out;
    }

    /** The short text summary: one line per mapping. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %s, %s, %d steps, %d start(s) on %s%n", study.name(),
                study.optimizer().describe(), study.schedule(), study.steps(), study.starts().size(),
                study.surface().name()));
        if (!study.note().isEmpty()) {
            text.append("note: ").append(study.note()).append(System.lineSeparator());
        }
        for (Summary s : summaries()) {
            text.append(s.describe()).append(System.lineSeparator());
        }
        text.append(String.format(Locale.ROOT, "%d runs in %.3f s%n", runs.size(), elapsedNanos / 1e9));
        return text.toString();
    }

    /**
     * The runs of one mapping in numbers. λ_max is that of the original Hessian at the end.
     *
     * @param vdm the mapping
     * @param runs how many runs
     * @param diverged how many of them diverged (left out of the statistics)
     * @param medianMaxEigenvalue median λ_max over the completed runs
     * @param meanMaxEigenvalue mean λ_max over the completed runs
     * @param medianLoss median final loss (original surface) over the completed runs
     * @param flatter for a mapping: from how many starts it ended with a smaller λ_max than the
     *     original did from the same start; −1 for the original
     * @param compared how many starts could be compared (both runs completed); −1 for the original
     */
    public record Summary(Vdm vdm, int runs, int diverged, double medianMaxEigenvalue, double meanMaxEigenvalue,
            double medianLoss, int flatter, int compared) {

        /** Relative margin below which two λ_max count as equal (same minimum reached). */
        public static final double SAME = 1e-9;

        static Summary of(Vdm vdm, List<Run> runs, List<Run> original) {
            List<Run> done = runs.stream().filter(r -> !r.diverged()).toList();
            double[] eig = done.stream().mapToDouble(Run::maxEigenvalue).toArray();
            double[] loss = done.stream().mapToDouble(Run::loss).toArray();
            int flatter = -1;
            int compared = -1;
            if (original != null) {
                flatter = 0;
                compared = 0;
                for (int i = 0; i < runs.size(); i++) {
                    Run d = runs.get(i);
                    Run o = original.get(i);
                    if (!d.diverged() && !o.diverged()) {
                        compared++;
                        double lo = o.maxEigenvalue();
                        if (d.maxEigenvalue() < lo - SAME * Math.max(1, Math.abs(lo))) {
                            flatter++;
                        }
                    }
                }
            }
            return new Summary(vdm, runs.size(), runs.size() - done.size(), Statistics.median(eig),
                    eig.length == 0 ? Double.NaN : Arrays.stream(eig).average().orElseThrow(), Statistics.median(loss),
                    flatter, compared);
        }

        /** One line, e.g. {@code LE(1,0.99): λ_max median 0.12 mean 0.3, loss median 0.01, flatter 70/100}. */
        public String describe() {
            String line = String.format(Locale.ROOT, "%-16s λ_max median %.6g, mean %.6g; final loss median %.6g",
                    vdm, medianMaxEigenvalue, meanMaxEigenvalue, medianLoss);
            if (compared >= 0) {
                line += String.format(Locale.ROOT, "; flatter than original from %d of %d starts", flatter, compared);
            }
            if (diverged > 0) {
                line += String.format(Locale.ROOT, "; %d of %d runs DIVERGED", diverged, runs);
            }
            return line;
        }
    }
}
