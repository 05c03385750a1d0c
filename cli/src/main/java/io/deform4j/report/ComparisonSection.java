package io.deform4j.report;

import io.deform4j.report.SeedGroups.Group;
import io.deform4j.report.SeedGroups.Measure;
import io.deform4j.report.SeedGroups.Stat;
import io.deform4j.settings.SettingsSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparison table (each cell's median over its seeds, the range, the runs, and a deformed
 * cell's difference to the original of its experiment) and the time table of supplementary E
 * (seconds per epoch of training and evaluation, deformed over original).
 */
final class ComparisonSection {

    private ComparisonSection() {
    }

    /** The section's HTML, or empty when no cell has a finished run. */
    static String html(List<Group> groups) {
        if (groups.stream().allMatch(g -> g.done().isEmpty())) {
            return "";
        }
        List<String> keys = labelSettings(groups);
        StringBuilder s = new StringBuilder(Html.paragraph("A cell is the runs that agree in every setting except the "
                + "seed (and the thread count, which does not change what a run computes). Its value is the median over "
                + "its finished runs, with their range min–max; n is the finished runs of all the cell's runs. Δ is the "
                + "cell's median minus the median of the original model in the same experiment, in percentage points; "
                + "\"ranges overlap\" means the seeds do not separate the two."));
        s.append(accuracyTable(groups, keys).html());
        s.append(timeTable(groups, keys).html());
        return s.toString();
    }

    /** The settings that tell the cells apart, the mapping always among them and first. */
    static List<String> labelSettings(List<Group> groups) {
        List<String> keys = new ArrayList<>(List.of(SeedGroups.VDM));
        SeedGroups.varying(groups.stream().map(Group::settings).toList()).stream()
                .filter(k -> !k.equals(SeedGroups.VDM)).forEach(keys::add);
        return keys;
    }

    private static HtmlTable accuracyTable(List<Group> all, List<String> keys) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of("n", "final test acc (median)", "min – max", "Δ vs original", "best test acc (median)",
                "final train loss ℓ", "final test loss"));
        HtmlTable table = new HtmlTable("Test accuracy over seeds (medians; losses are cross-entropy in nats)", header)
                .numeric(range(keys.size(), header.size()));
        for (Group g : all) {
            Stat acc = g.stat(Measure.FINAL_TEST_ACCURACY);
            Group ref = SeedGroups.reference(g, all);
            Stat refAcc = ref == null ? null : ref.stat(Measure.FINAL_TEST_ACCURACY);
            String diff = refAcc == null || refAcc.n() == 0 || acc.n() == 0 ? "–"
                    : Html.points(acc.median() - refAcc.median()) + (acc.overlaps(refAcc) ? " (ranges overlap)" : "");
            List<String> cells = labels(g, keys);
            cells.addAll(List.of(g.done().size() + " / " + g.runs().size(), Html.percent(acc.median()),
                    acc.n() == 0 ? "–" : Html.percent(acc.min()) + " – " + Html.percent(acc.max()), diff,
                    Html.percent(g.stat(Measure.BEST_TEST_ACCURACY).median()),
                    Html.number(g.stat(Measure.FINAL_TRAIN_LOSS).median()),
                    Html.number(g.stat(Measure.FINAL_TEST_LOSS).median())));
            table.row(g.isOriginal() ? "original" : null, cells);
        }
        return table;
    }

    private static HtmlTable timeTable(List<Group> all, List<String> keys) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of("n", "train s/epoch (median)", "min – max", "eval s/epoch (median)",
                "train time vs original", "eval time vs original"));
        HtmlTable table = new HtmlTable("Time per epoch (supplementary E): each run's median over its epochs, then the "
                + "median over the cell's runs; the ratios divide by the original of the same experiment", header)
                .numeric(range(keys.size(), header.size()));
        for (Group g : all) {
            Stat train = g.stat(Measure.TRAIN_SECONDS);
            Stat eval = g.stat(Measure.EVAL_SECONDS);
            Group ref = SeedGroups.reference(g, all);
            double trainRatio = ref == null ? Double.NaN : train.median() / ref.stat(Measure.TRAIN_SECONDS).median();
            double evalRatio = ref == null ? Double.NaN : eval.median() / ref.stat(Measure.EVAL_SECONDS).median();
            List<String> cells = labels(g, keys);
            cells.addAll(List.of(String.valueOf(train.n()), Html.seconds(train.median()),
                    train.n() == 0 ? "–" : Html.seconds(train.min()) + " – " + Html.seconds(train.max()),
                    Html.seconds(eval.median()), g.isOriginal() ? "1" : Html.ratio(trainRatio),
                    g.isOriginal() ? "1" : Html.ratio(evalRatio)));
            table.row(g.isOriginal() ? "original" : null, cells);
        }
        return table;
    }

    private static List<String> labels(Group g, List<String> keys) {
        List<String> cells = new ArrayList<>();
        keys.forEach(k -> cells.add(SettingsSchema.text(g.settings().get(k))));
        return cells;
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }
}
