package io.deform4j.report;

import io.deform4j.stats.Statistics;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.train.EpochMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Per-epoch training curves of each experiment, the original and every mapping overlaid: a
 * line for the median over the seeds at each epoch, a band from their min to their max. Runs
 * that stopped early count for the epochs they reached; broken runs are left out.
 */
final class TrainingCurvesSection {

    /**
     * A quantity of {@code metrics.csv} drawn against the epoch.
     *
     * @param logRatio a logarithmic axis when the largest value is this many times the smallest
     *                 (all positive), or more; infinite: never
     */
    private record Quantity(String title, String axis, ToDoubleFunction<EpochMetrics> value, double logRatio) {
    }

    /** Losses are drawn on a logarithmic axis when they span this factor or more. */
    private static final double LOSS_LOG_RATIO = 20;

    private static final List<Quantity> QUANTITIES = List.of(
            new Quantity("Training loss ℓ", "mean cross-entropy ℓ (nats)", EpochMetrics::trainLoss, LOSS_LOG_RATIO),
            new Quantity("Deformed training loss δ(ℓ)", "mean δ(ℓ) over the batches", EpochMetrics::trainDeformedLoss,
                    LOSS_LOG_RATIO),
            new Quantity("Test loss", "cross-entropy (nats)", EpochMetrics::testLoss, LOSS_LOG_RATIO),
            new Quantity("Test accuracy", "accuracy (%)", m -> 100 * m.testAccuracy(),
                    Double.POSITIVE_INFINITY),
            new Quantity("Learning rate η", "η", EpochMetrics::lr, 2)); // step decay is multiplicative


    private TrainingCurvesSection() {
    }

    /** The section's HTML, or empty when no run has a completed epoch. */
    static String html(CellGrouping.Result grouped, Map<String, String> colours) {
        Map<Map<String, Object>, List<Cell>> experiments = new LinkedHashMap<>();
        for (Cell c : grouped.cells()) {
            if (c.runs().stream().anyMatch(TrainingCurvesSection::drawn)) {
                experiments.computeIfAbsent(c.withoutMapping(), k -> new ArrayList<>()).add(c);
            }
        }
        if (experiments.isEmpty()) {
            return "";
        }
        List<String> varying = grouped.extras();
        StringBuilder s = new StringBuilder(Html.paragraph("Each line is the median over the seeds of a cell at each "
                + "epoch, the band around it their minimum to maximum; losses are the plain cross-entropy except δ(ℓ), "
                + "the loss the deformed runs minimised (for the original δ(ℓ) = ℓ). A run that stopped early counts "
                + "for the epochs it completed."));
        for (List<Cell> cells : experiments.values()) {
            if (!varying.isEmpty()) {
                s.append("<h3>").append(Html.escape(cells.get(0).describe(varying))).append("</h3>");
            }
            s.append("<div class=\"charts\">");
            for (Quantity q : QUANTITIES) {
                s.append(chart(q, cells, colours));
            }
            s.append("</div>");
        }
        return s.toString();
    }

    private static boolean drawn(RunRecord r) {
        return r.state() != RunState.BROKEN && !r.metrics().isEmpty();
    }

    private static String chart(Quantity q, List<Cell> cells, Map<String, String> colours) {
        List<double[][]> curves = new ArrayList<>(); // per cell: epochs, median, min, max
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Cell cell : cells) {
            double[][] c = perEpoch(cell.runs().stream().filter(TrainingCurvesSection::drawn).toList(), q.value());
            curves.add(c);
            for (int i = 0; i < c[0].length; i++) {
                if (Double.isFinite(c[2][i]) && Double.isFinite(c[3][i])) {
                    lo = Math.min(lo, c[2][i]);
                    hi = Math.max(hi, c[3][i]);
                }
            }
        }
        boolean log = lo > 0 && hi / lo >= q.logRatio();
        SvgPlot plot = new SvgPlot(q.title(), "epoch", q.axis(), log).integerX();
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            double[][] c = curves.get(i);
            String colour = colours.get(cell.vdm());
            if (cell.runs().stream().filter(TrainingCurvesSection::drawn).count() > 1) {
                plot.band(colour, c[0], c[2], c[3]);
            }
            plot.line(cell.vdm(), colour, c[0], c[1], false);
            runs.append(runs.length() == 0 ? "" : ", ").append(cell.vdm()).append(": ")
                    .append(cell.runs().stream().filter(TrainingCurvesSection::drawn).count()).append(" run(s)");
        }
        return Html.figure(plot.svg(), q.title() + " per epoch; " + runs + ".");
    }

    /** Epochs, and the median, min and max of {@code value} over the runs at each epoch one of them reached. */
    static double[][] perEpoch(List<RunRecord> runs, ToDoubleFunction<EpochMetrics> value) {
        TreeMap<Integer, List<Double>> byEpoch = new TreeMap<>();
        for (RunRecord r : runs) {
            for (EpochMetrics m : r.metrics()) {
                byEpoch.computeIfAbsent(m.epoch(), k -> new ArrayList<>()).add(value.applyAsDouble(m));
            }
        }
        double[][] c = new double[4][byEpoch.size()];
        int i = 0;
        for (Map.Entry<Integer, List<Double>> e : byEpoch.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
            c[0][i] = e.getKey();
            c[1][i] = Statistics.median(v);
            c[2][i] = Statistics.quantile(v, 0);
            c[3][i] = Statistics.quantile(v, 1);
            i++;
        }
        return c;
    }
}
