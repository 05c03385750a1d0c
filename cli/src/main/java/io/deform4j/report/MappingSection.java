package io.deform4j.report;

import io.deform4j.expression.OutsideDomainException;
import io.deform4j.mapping.Vdm;
import io.deform4j.stats.Statistics;
import io.deform4j.sweep.RunRecord;
import io.deform4j.train.EpochMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * δ(ℓ) and δ'(ℓ) of every mapping the runs used ({@link Vdm}, sampled by {@link MappingCurves}),
 * over the losses the runs visited: from the lowest to the highest mean training loss of an
 * epoch, widened by a tenth on each side because batch losses spread around the epoch's mean.
 * δ' is the factor the deformation puts on the gradient (∇δ(ℓ) = δ'(ℓ)·∇ℓ).
 */
final class MappingSection {

    /** Points per curve. */
    static final int SAMPLES = 201;

    private MappingSection() {
    }

    /** The section's HTML, or empty when no run has a completed epoch. */
    static String html(List<RunRecord> runs, Map<String, String> colours) {
        List<RunRecord> measured = runs.stream().filter(r -> !r.metrics().isEmpty()).toList();
        double[] losses = measured.stream().flatMap(r -> r.metrics().stream()).mapToDouble(EpochMetrics::trainLoss)
                .filter(Double::isFinite).toArray();
        if (losses.length == 0) {
            return "";
        }
        Range visited = visited(losses);
        Map<String, Vdm> mappings = new LinkedHashMap<>();
        colours.keySet().forEach(v -> mappings.put(v, Vdm.parse(v)));
        MappingCurves curves = MappingCurves.sample(new ArrayList<>(mappings.values()), visited, SAMPLES);

        SvgPlot values = new SvgPlot("Mappings δ(ℓ)", "loss ℓ (nats)", "δ(ℓ)", false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (MappingCurves.Curve c : curves.curves()) {
            values.line(c.vdm().toString(), colours.get(c.vdm().toString()), c.losses(), c.values(), false);
            for (double d : c.derivatives()) {
                if (d > 0 && Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        SvgPlot slopes = new SvgPlot("Gradient factor δ'(ℓ)", "loss ℓ (nats)", "δ'(ℓ)", hi / lo >= 20);
        curves.curves().forEach(c -> slopes.line(c.vdm().toString(), colours.get(c.vdm().toString()), c.losses(),
                c.derivatives(), false));

        StringBuilder s = new StringBuilder(Html.paragraph(String.format(java.util.Locale.ROOT,
                "Over ℓ from %s to %s: the mean training losses of the runs' epochs (%s to %s), widened by a tenth "
                        + "each side. δ'(ℓ) multiplies the gradient: above 1 the surface is steeper, below 1 flatter.",
                Html.number(visited.lo()), Html.number(visited.hi()), Html.number(min(losses)), Html.number(max(losses)))));
        s.append("<div class=\"charts\">").append(Html.figure(values.svg(), "δ(ℓ) of each mapping used."))
                .append(Html.figure(slopes.svg(), "δ'(ℓ) of each mapping used.")).append("</div>");
        curves.curves().stream().filter(c -> c.losses().length < SAMPLES).forEach(c -> s.append(Html.paragraph(
                c.vdm() + " is defined only where " + c.vdm().domain() + ": its curves leave out the rest of the range.")));
        s.append(table(measured, mappings).html());
        return s.toString();
    }

    /** The visited range widened by a tenth of its width each side, not below 0 (a cross-entropy is never negative). */
    static Range visited(double[] losses) {
        double lo = min(losses);
        double hi = max(losses);
        double margin = hi > lo ? 0.1 * (hi - lo) : Math.max(0.1 * Math.abs(hi), 0.1);
        return new Range(Math.max(0, lo - margin), hi + margin);
    }

    private static HtmlTable table(List<RunRecord> runs, Map<String, Vdm> mappings) {
        HtmlTable table = new HtmlTable("Each mapping at the losses its runs had: ℓ is the mean training loss of an "
                + "epoch, the median over the runs", List.of("mapping", "domain", "runs", "ℓ visited (min – max)",
                "ℓ after epoch 1", "δ'(ℓ) there", "ℓ at the end", "δ'(ℓ) there")).numeric(2, 3, 4, 5, 6, 7);
        for (Map.Entry<String, Vdm> m : mappings.entrySet()) {
            List<RunRecord> mine = runs.stream().filter(r -> r.config().vdm().equals(m.getKey())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            double[] all = mine.stream().flatMap(r -> r.metrics().stream()).mapToDouble(EpochMetrics::trainLoss)
                    .filter(Double::isFinite).toArray();
            double first = Statistics.median(mine.stream().mapToDouble(r -> r.metrics().get(0).trainLoss()).toArray());
            double last = Statistics.median(mine.stream()
                    .mapToDouble(r -> r.metrics().get(r.metrics().size() - 1).trainLoss()).toArray());
            table.row(List.of(m.getKey(), m.getValue().domain().toString(), String.valueOf(mine.size()),
                    Html.number(min(all)) + " – " + Html.number(max(all)), Html.number(first),
                    derivative(m.getValue(), first), Html.number(last), derivative(m.getValue(), last)));
        }
        return table;
    }

    private static String derivative(Vdm vdm, double loss) {
        try {
            return Html.number(vdm.derivative(loss));
        } catch (OutsideDomainException e) {
            return "undefined";
        }
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(Double.NaN);
    }
}
