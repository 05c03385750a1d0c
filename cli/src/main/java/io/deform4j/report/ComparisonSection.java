package io.deform4j.report;

import io.deform4j.settings.SettingsSchema;
import io.deform4j.stats.Statistics;
import io.deform4j.train.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The comparison table (each cell's median over its seeds, the range, the runs, and a deformed
 * cell's difference to the original of its experiment) and the time table of supplementary E
 * (seconds per epoch of training and evaluation, deformed over original). The cells and their
 * statistics are those of {@code deform4j table} ({@link CellGrouping}, {@link CellSummary}).
 */
final class ComparisonSection {

    private ComparisonSection() {
    }

    /** The section's HTML, or empty when no cell has a finished run. */
    static String html(CellGrouping.Result grouped) {
        if (grouped.cells().stream().allMatch(c -> c.done().isEmpty())) {
            return "";
        }
        List<String> keys = labelSettings(grouped);
        StringBuilder s = new StringBuilder(Html.paragraph("A cell is the runs that agree in every setting except the "
                + "seed (and the thread count, which does not change what a run computes). Its value is the median over "
                + "its finished runs, with their range min–max; n is the finished runs of all the cell's runs. Δ is the "
                + "cell's median minus the median of the original model in the same experiment, in percentage points; "
                + "\"ranges overlap\" means the seeds do not separate the two."));
        s.append(accuracyTable(grouped, keys).html());
        s.append(timeTable(grouped, keys).html());
        return s.toString();
    }

    /** The settings that tell the cells apart, the mapping first. */
    static List<String> labelSettings(CellGrouping.Result grouped) {
        List<String> keys = new ArrayList<>(List.of(ResultsTable.VDM));
        keys.addAll(grouped.extras());
        return keys;
    }

    private static HtmlTable accuracyTable(CellGrouping.Result grouped, List<String> keys) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of("n", "final test acc (median)", "min – max", "Δ vs original", "best test acc (median)",
                "final train loss ℓ", "final test loss"));
        HtmlTable table = new HtmlTable("Test accuracy over seeds (medians; losses are cross-entropy in nats)", header)
                .numeric(range(keys.size(), header.size()));
        for (Cell c : grouped.cells()) {
            CellSummary acc = CellSummary.of(c, Metric.FINAL);
            Cell ref = grouped.reference(c);
            CellSummary refAcc = ref == null ? null : CellSummary.of(ref, Metric.FINAL);
            String diff = refAcc == null || !refAcc.hasValues() || !acc.hasValues() ? "–"
                    : Html.points(acc.median() - refAcc.median()) + (acc.overlaps(refAcc) ? " (ranges overlap)" : "");
            List<String> cells = labels(c, keys);
            cells.addAll(List.of(c.done().size() + " / " + c.runs().size(), Html.percent(acc.median()),
                    acc.hasValues() ? Html.percent(acc.min()) + " – " + Html.percent(acc.max()) : "–", diff,
                    Html.percent(CellSummary.of(c, Metric.BEST).median()),
                    Html.number(medianOfLastEpoch(c, EpochMetrics::trainLoss)),
                    Html.number(medianOfLastEpoch(c, EpochMetrics::testLoss))));
            table.row(c.isOriginal() ? "original" : null, cells);
        }
        return table;
    }

    private static HtmlTable timeTable(CellGrouping.Result grouped, List<String> keys) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of("n", "train s/epoch (median)", "min – max", "eval s/epoch (median)",
                "train time vs original", "eval time vs original"));
        HtmlTable table = new HtmlTable("Time per epoch (supplementary E): each run's median over its epochs, then the "
                + "median over the cell's runs; the ratios divide by the original of the same experiment", header)
                .numeric(range(keys.size(), header.size()));
        for (Cell c : grouped.cells()) {
            CellSummary s = CellSummary.of(c, Metric.FINAL);
            Cell ref = grouped.reference(c);
            CellSummary r = ref == null ? null : CellSummary.of(ref, Metric.FINAL);
            double[] train = c.done().stream().mapToDouble(run -> CellSummary.secondsPerEpoch(run,
                    EpochMetrics::trainSeconds)).toArray();
            List<String> cells = labels(c, keys);
            cells.addAll(List.of(String.valueOf(s.runs()), Html.seconds(s.trainSeconds()),
                    s.hasValues() ? Html.seconds(Statistics.quantile(train, 0)) + " – "
                            + Html.seconds(Statistics.quantile(train, 1)) : "–",
                    Html.seconds(s.evalSeconds()),
                    c.isOriginal() ? "1" : Html.ratio(r == null ? Double.NaN : s.trainSeconds() / r.trainSeconds()),
                    c.isOriginal() ? "1" : Html.ratio(r == null ? Double.NaN : s.evalSeconds() / r.evalSeconds())));
            table.row(c.isOriginal() ? "original" : null, cells);
        }
        return table;
    }

    /** The median over the cell's done runs of a quantity of their last epoch. */
    private static double medianOfLastEpoch(Cell c, ToDoubleFunction<EpochMetrics> value) {
        return Statistics.median(c.done().stream()
                .mapToDouble(r -> value.applyAsDouble(r.metrics().get(r.metrics().size() - 1))).toArray());
    }

    private static List<String> labels(Cell c, List<String> keys) {
        List<String> cells = new ArrayList<>();
        keys.forEach(k -> cells.add(SettingsSchema.text(c.settings().get(k))));
        return cells;
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }
}
