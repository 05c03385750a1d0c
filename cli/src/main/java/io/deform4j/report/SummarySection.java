package io.deform4j.report;

import io.deform4j.landscape.HessianReport;
import io.deform4j.report.ReportData.HessianOutput;
import io.deform4j.report.ReportData.Problem;
import io.deform4j.report.SimulationSummary.MappingSummary;
import io.deform4j.stats.Statistics;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the numbers show, in plain words, and where the evidence is weak: too few seeds, ranges
 * that overlap, runs that failed or cannot be read, short or small runs.
 */
final class SummarySection {

    /** The paper's seeds per cell (its tables give the median of 5 runs). */
    static final int PAPER_SEEDS = 5;
    /** Deformed cells described one by one; beyond, counted. */
    static final int MAX_CELLS_DESCRIBED = 12;
    /** Runs shorter than this many epochs are called short (the paper trains 160–300). */
    static final int SHORT_RUN_EPOCHS = 100;

    private SummarySection() {
    }

    static String html(ReportData data, CellGrouping.Result grouped, List<Problem> unreadable) {
        StringBuilder s = new StringBuilder("<ul class=\"findings\">");
        sentences(data, grouped, unreadable).forEach(t -> s.append("<li>").append(Html.escape(t)).append("</li>"));
        return s.append("</ul>").toString();
    }

    /** The findings, one sentence each. */
    static List<String> sentences(ReportData data, CellGrouping.Result grouped, List<Problem> unreadable) {
        List<String> out = new ArrayList<>();
        out.add(RunsSection.found(data));
        health(data, unreadable, out);
        if (grouped.cells().stream().anyMatch(c -> !c.done().isEmpty())) {
            seeds(grouped.cells(), out);
            scale(data.configured(), out);
            comparisons(grouped, out);
            times(grouped, out);
        }
        hessians(data.hessians(), out);
        for (ReportData.SimulationOutput sim : data.simulations()) {
            simulation(sim, out);
        }
        return out;
    }

    private static void health(ReportData data, List<Problem> unreadable, List<String> out) {
        long failed = data.runs().stream().filter(r -> r.record().state() == RunState.FAILED).count();
        long unfinished = data.runs().stream().filter(r -> switch (r.record().state()) {
            case PENDING, RUNNING, INTERRUPTED -> true;
            default -> false;
        }).count();
        if (failed > 0) {
            out.add(failed + " run(s) failed (the loss left the mapping's domain or was not finite, or the process "
                    + "ended in an error); they are left out of every statistic, which can favour a mapping whose "
                    + "hard runs failed. See \"Problems\".");
        }
        if (unfinished > 0) {
            out.add(unfinished + " run(s) have not finished (pending, running or interrupted): the statistics use the "
                    + "finished runs only, and the training curves show the epochs reached.");
        }
        if (!unreadable.isEmpty()) {
            out.add(unreadable.size() + " file(s) or run(s) cannot be read and are listed under \"Problems\"; nothing "
                    + "of them is in the numbers.");
        }
    }

    private static void seeds(List<Cell> cells, List<String> out) {
        int least = cells.stream().mapToInt(c -> c.done().size()).min().orElse(0);
        int most = cells.stream().mapToInt(c -> c.done().size()).max().orElse(0);
        String range = least == most ? String.valueOf(least) : least + " to " + most;
        if (most <= 1) {
            out.add("Each cell has at most one finished run: there is no spread over seeds to judge a difference by, "
                    + "so no difference below is evidence for or against the paper.");
        } else if (least < PAPER_SEEDS) {
            out.add("Cells have " + range + " finished runs, fewer than the paper's " + PAPER_SEEDS + " seeds: "
                    + "medians and ranges are rough, and a difference of a few points can be chance.");
        } else {
            out.add("Cells have " + range + " finished runs (the paper uses " + PAPER_SEEDS + " seeds).");
        }
    }

    private static void scale(List<RunRecord> runs, List<String> out) {
        int longest = runs.stream().mapToInt(r -> r.config().epochs()).max().orElse(0);
        boolean sample = runs.stream().anyMatch(r -> r.config().dataset().equals("sample"));
        boolean limited = runs.stream().anyMatch(r -> r.config().limitTrain() > 0);
        List<String> why = new ArrayList<>();
        if (longest < SHORT_RUN_EPOCHS) {
            why.add("at most " + longest + " epochs (the paper trains 160–300)");
        }
        if (sample) {
            why.add("the 2000-image Fashion-MNIST sample shipped with deform4j");
        } else if (limited) {
            why.add("subsets of the training data (limit-train)");
        }
        if (!why.isEmpty()) {
            out.add("The runs use " + String.join(" and ", why) + ": they show the machinery, not the paper's results.");
        }
    }

    private static void comparisons(CellGrouping.Result grouped, List<String> out) {
        List<String> described = new ArrayList<>();
        int higher = 0;
        int separated = 0;
        int compared = 0;
        List<String> context = grouped.extras();
        for (Cell c : grouped.cells()) {
            Cell ref = grouped.reference(c);
            if (ref == null) {
                continue;
            }
            CellSummary a = CellSummary.of(c, Metric.FINAL);
            CellSummary o = CellSummary.of(ref, Metric.FINAL);
            if (!a.hasValues() || !o.hasValues()) {
                continue;
            }
            compared++;
            higher += a.median() > o.median() ? 1 : 0;
            boolean apart = !a.overlaps(o) && a.runs() > 1 && o.runs() > 1;
            separated += apart ? 1 : 0;
            String where = context.isEmpty() ? "" : " (" + c.describe(context) + ")";
            String verdict = a.runs() == 1 || o.runs() == 1 ? "one run on a side, so no spread to compare"
                    : apart ? "the ranges do not overlap: every " + c.vdm() + " run ended "
                            + (a.median() > o.median() ? "above" : "below") + " every original run"
                    : "the ranges overlap, so the seeds do not separate them";
            described.add(String.format(Locale.ROOT, "%s%s: final test accuracy %s against %s for the original (%s; "
                    + "n = %d and %d); %s.", c.vdm(), where, Html.percent(a.median()), Html.percent(o.median()),
                    Html.points(a.median() - o.median()), a.runs(), o.runs(), verdict));
        }
        if (compared == 0) {
            out.add("No mapping has an original run of the same settings to be compared with.");
            return;
        }
        if (described.size() <= MAX_CELLS_DESCRIBED) {
            out.addAll(described);
        }
        out.add(String.format(Locale.ROOT, "Over the %d deformed cell(s) with an original to compare with, %d have the "
                + "higher median test accuracy and %d are separated from the original by their ranges.", compared,
                higher, separated));
    }

    private static void times(CellGrouping.Result grouped, List<String> out) {
        List<Double> ratios = new ArrayList<>();
        for (Cell c : grouped.cells()) {
            Cell ref = grouped.reference(c);
            if (ref != null) {
                double r = CellSummary.of(c, Metric.FINAL).trainSeconds() / CellSummary.of(ref, Metric.FINAL).trainSeconds();
                if (Double.isFinite(r)) {
                    ratios.add(r);
                }
            }
        }
        if (ratios.isEmpty()) {
            return;
        }
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        String values = r.length == 1 ? Html.ratio(r[0]) : String.format(Locale.ROOT, "%s to %s (median %s)",
                Html.ratio(Statistics.quantile(r, 0)), Html.ratio(Statistics.quantile(r, 1)),
                Html.ratio(Statistics.median(r)));
        out.add("Training time per epoch, deformed over original: " + values + ". Differences of a few per cent are "
                + "within a shared machine's run-to-run noise.");
    }

    private static void hessians(List<HessianOutput> hessians, List<String> out) {
        if (hessians.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (HessianOutput h : hessians) {
            HessianReport r = h.report();
            parts.add(r.model() + " λ_max " + (r.eigenvalues().length == 0 ? "–" : Html.number(r.eigenvalues()[0]))
                    + (r.trace() == null ? "" : ", trace " + Html.number(r.trace().mean()) + " ± "
                    + Html.number(r.trace().stderr())));
        }
        out.add("Hessian at the end of training: " + String.join("; ", parts) + ". Each is one run and one subset "
                + "of images: a lower spectrum means a flatter minimum for that run, not for its mapping in general.");
    }

    private static void simulation(ReportData.SimulationOutput sim, List<String> out) {
        SimulationSummary s = sim.summary();
        MappingSummary original = s.summary().stream().filter(m -> m.vdm().equals(ResultsTable.ORIGINAL)).findFirst()
                .orElse(null);
        for (MappingSummary m : s.summary()) {
            if (m.compared() == null || original == null) {
                continue;
            }
            out.add(String.format(Locale.ROOT, "Simulation %s: %s ended flatter than the original from %d of %d "
                    + "start(s); median λ_max %s against %s%s.", s.study(), m.vdm(), m.flatterThanOriginal(),
                    m.compared(), number(m.medianMaxEigenvalue()), number(original.medianMaxEigenvalue()),
                    m.diverged() > 0 ? "; " + m.diverged() + " run(s) diverged" : ""));
        }
    }

    private static String number(Double value) {
        return value == null ? "–" : Html.number(value);
    }
}
