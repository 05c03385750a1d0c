package io.deform4j.report;

import io.deform4j.landscape.HessianReport;
import io.deform4j.report.ReportData.HessianOutput;
import io.deform4j.stats.Statistics;
import io.deform4j.sweep.RunRecord;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The closing summary of {@code deform4j reproduce}: for each mapping, the median (min–max) final
 * test accuracy over its seeds, the median top Hessian eigenvalue and trace of its trained
 * networks and the median training seconds per epoch; then, in plain sentences, what the numbers
 * show: whether the mapping is more accurate and flatter than the original, and whether the
 * seeds separate the two. It reads what the report reads ({@link ReportSources}), groups the runs
 * as the report and {@code deform4j table} do ({@link CellGrouping}, {@link CellSummary}), and
 * finds each run's Hessian by the run's name, which {@code deform4j hessian} records.
 *
 * @param columns  one per cell (mapping), the original first when there is one
 * @param findings the sentences
 */
public record ReproductionSummary(List<Column> columns, List<String> findings) {

    /**
     * One cell's numbers.
     *
     * @param label     its mapping, and the other settings that tell it apart if any
     * @param accuracy  its final test accuracy over the done runs
     * @param lambdaMax the top Hessian eigenvalue of each done run that has one
     * @param trace     the Hessian trace (Hutchinson's mean) of each done run that has one
     */
    public record Column(String label, CellSummary accuracy, Values lambdaMax, Values trace) {
    }

    /**
     * Order statistics of one measure over a cell's runs ({@link Statistics}); NaN for none.
     *
     * @param values the measure of each run, in the order of the runs
     */
    public record Values(List<Double> values) {

        public Values {
            values = List.copyOf(values);
        }

        public double median() {
            return Statistics.median(array());
        }

        public double min() {
            return Statistics.quantile(array(), 0);
        }

        public double max() {
            return Statistics.quantile(array(), 1);
        }

        /** Whether the two ranges [min, max] share a value: the seeds do not separate them. */
        boolean overlaps(Values other) {
            return !values.isEmpty() && !other.values.isEmpty() && min() <= other.max() && other.min() <= max();
        }

        private double[] array() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * The summary of what deform4j wrote under {@code dir}: the runs found there and the Hessians
     * of those runs.
     *
     * @throws IllegalArgumentException if {@code dir} holds nothing deform4j wrote
     */
    public static ReproductionSummary of(Path dir) throws IOException {
        ReportData data = ReportSources.find(List.of(dir));
        Map<String, HessianReport> hessians = new HashMap<>();
        for (HessianOutput h : data.hessians()) {
            hessians.put(h.report().model(), h.report());
        }
        return of(data.configured(), hessians);
    }

    /** The summary of {@code runs}, with the Hessian of each run by its name (runs without one are left out of those medians). */
    static ReproductionSummary of(List<RunRecord> runs, Map<String, HessianReport> hessians) {
        CellGrouping.Result grouped = CellGrouping.byMapping(runs);
        List<Cell> cells = new ArrayList<>(grouped.cells());
        cells.sort((a, b) -> Boolean.compare(b.isOriginal(), a.isOriginal())); // stable: the original first
        Map<Cell, Column> columns = new IdentityHashMap<>();
        for (Cell c : cells) {
            String label = grouped.extras().isEmpty() ? c.vdm() : c.vdm() + " (" + c.describe(grouped.extras()) + ")";
            columns.put(c, new Column(label, CellSummary.of(c, Metric.FINAL),
                    hessian(c, hessians, r -> r.eigenvalues().length == 0 ? Double.NaN : r.eigenvalues()[0]),
                    hessian(c, hessians, r -> r.trace() == null ? Double.NaN : r.trace().mean())));
        }
        List<String> findings = new ArrayList<>();
        for (Cell c : cells) {
            Cell original = grouped.reference(c);
            if (original != null) {
                compare(columns.get(c), columns.get(original), findings);
            }
        }
        if (findings.isEmpty()) {
            findings.add("No mapping has finished runs beside finished runs of the original model with the same "
                    + "settings: there is nothing to compare.");
        }
        scale(runs, findings);
        return new ReproductionSummary(cells.stream().map(columns::get).toList(), findings);
    }

    /** The table and the sentences, as printed. */
    public String text() {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("", c -> c.label()));
        rows.add(row("final test accuracy, median (min–max)", c -> c.accuracy().hasValues()
                ? String.format(Locale.ROOT, "%.2f %% (%.2f–%.2f)", 100 * c.accuracy().median(),
                        100 * c.accuracy().min(), 100 * c.accuracy().max()) : "–"));
        rows.add(row("runs done", c -> c.accuracy().runs() + " of " + c.accuracy().planned()));
        rows.add(row("Hessian λ_max, median (min–max)", c -> values(c.lambdaMax())));
        rows.add(row("Hessian trace, median (min–max)", c -> values(c.trace())));
        rows.add(row("train s/epoch, median", c -> c.accuracy().hasValues()
                ? String.format(Locale.ROOT, "%.2f", c.accuracy().trainSeconds()) : "–"));
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + widths[0] + "s", r[0]));
            for (int i = 1; i < r.length; i++) {
                line.append("   ").append(String.format(Locale.ROOT, "%" + widths[i] + "s", r[i]));
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        s.append('\n');
        findings.forEach(f -> s.append(f).append('\n'));
        return s.toString();
    }

    private String[] row(String heading, Function<Column, String> cell) {
        String[] row = new String[columns.size() + 1];
        row[0] = heading;
        for (int i = 0; i < columns.size(); i++) {
            row[i + 1] = cell.apply(columns.get(i));
        }
        return row;
    }

    private static String values(Values v) {
        return v.values().isEmpty() ? "–" : Html.number(v.median()) + " (" + Html.number(v.min()) + "–"
                + Html.number(v.max()) + ")";
    }

    private static Values hessian(Cell cell, Map<String, HessianReport> hessians, ToDoubleFunction<HessianReport> of) {
        return new Values(cell.done().stream().map(r -> hessians.get(r.name())).filter(Objects::nonNull)
                .mapToDouble(of).filter(Double::isFinite).boxed().toList());
    }

    /** What a mapping's numbers show against the original's, honestly: better or not, and within the seed spread or not. */
    private static void compare(Column d, Column o, List<String> out) {
        CellSummary a = d.accuracy();
        CellSummary b = o.accuracy();
        if (!a.hasValues() || !b.hasValues()) {
            return;
        }
        double diff = a.median() - b.median();
        String head = String.format(Locale.ROOT, "Accuracy: %s ends at %s against %s for the original (%s; n = %d "
                + "and %d)", d.label(), Html.percent(a.median()), Html.percent(b.median()), Html.points(diff), a.runs(),
                b.runs());
        if (a.runs() < 2 || b.runs() < 2) {
            out.add(head + ": one run on a side, so there is no spread over seeds to judge the difference by.");
        } else if (a.overlaps(b)) {
            out.add(head + (diff > 0 ? ": higher, but within the seed spread (the ranges overlap), so at this scale "
                    + "it is not shown to be more accurate."
                    : ": not more accurate at this scale, and the difference is within the seed spread (the ranges "
                    + "overlap)."));
        } else {
            out.add(head + ": every " + d.label() + " run ended " + (diff > 0 ? "above" : "below")
                    + " every original run, so at this scale it is " + (diff > 0 ? "more" : "less") + " accurate.");
        }
        if (d.lambdaMax().values().isEmpty() || o.lambdaMax().values().isEmpty()) {
            return;
        }
        boolean lower = d.lambdaMax().median() < o.lambdaMax().median();
        boolean hasTrace = !d.trace().values().isEmpty() && !o.trace().values().isEmpty();
        boolean lowerTrace = hasTrace && d.trace().median() < o.trace().median();
        String verdict = !hasTrace ? (lower ? "flatter by λ_max" : "not flatter by λ_max")
                : lower && lowerTrace ? "flatter by both measures"
                : !lower && !lowerTrace ? "not flatter by either measure"
                : lower ? "flatter by λ_max but not by the trace" : "flatter by the trace but not by λ_max";
        List<String> overlapping = new ArrayList<>();
        List<String> apart = new ArrayList<>();
        (d.lambdaMax().overlaps(o.lambdaMax()) ? overlapping : apart).add("λ_max");
        if (hasTrace) {
            (d.trace().overlaps(o.trace()) ? overlapping : apart).add("trace");
        }
        String spread = apart.isEmpty() ? "the differences are within the seed spread (the ranges overlap)"
                : overlapping.isEmpty() ? "the ranges do not overlap"
                : "the " + overlapping.get(0) + " ranges overlap, the " + apart.get(0) + " ranges do not";
        out.add(String.format(Locale.ROOT, "Flatness: median λ_max %s against %s%s for the original: %s at this "
                + "scale; %s.", Html.number(d.lambdaMax().median()), Html.number(o.lambdaMax().median()),
                hasTrace ? ", median trace " + Html.number(d.trace().median()) + " against "
                        + Html.number(o.trace().median()) : "", verdict, spread));
    }

    /** What the runs are, so that nobody takes them for the paper's experiment. */
    private static void scale(List<RunRecord> runs, List<String> out) {
        List<TrainConfig> configs = runs.stream().map(RunRecord::config).toList();
        if (configs.isEmpty()) {
            return;
        }
        TrainConfig c = configs.get(0);
        long seeds = configs.stream().mapToLong(TrainConfig::seed).distinct().count();
        String data = c.dataset().equals("sample") ? "the Fashion-MNIST sample shipped with deform4j" : c.dataset();
        String images = c.limitTrain() > 0 ? c.limitTrain() + " training images of " : "";
        out.add(String.format(Locale.ROOT, "These are %d seed(s) of %s, %d epochs on %s%s: they show the method and "
                + "the instruments at work, not the paper's claim, which rests on full-length training on CIFAR and "
                + "ImageNet with %d seeds a cell.", seeds, c.model(), c.epochs(), images, data,
                SummarySection.PAPER_SEEDS));
    }
}
