package io.deform4j.report;

import io.deform4j.stats.Statistics;
import io.deform4j.train.Comparison;
import io.deform4j.train.EpochMetrics;
import io.deform4j.train.Runs;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The side-by-side table of a {@link Comparison}: final and best test accuracy, final losses, and
 * the median seconds per epoch of training and evaluation (the median, so that the first epoch's
 * engine warm-up does not count against whichever run goes first), with the deformed run's
 * training time relative to the original's: the overhead of the mapping (supplementary E).
 */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    /** The table as aligned text, one line per quantity. */
    public static String format(Comparison.Result result) {
        Runs.Result a = result.original();
        Runs.Result b = result.deformed();
        String nameB = b.info().config().vdm();
        int width = Math.max(12, nameB.length() + 2);
        String f = "%-24s%" + width + "s%" + width + "s%n";
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, f, "", "original", nameB));
        s.append(String.format(Locale.ROOT, f, "test accuracy (final)", pct(a.info().finalTestAcc()),
                pct(b.info().finalTestAcc())));
        s.append(String.format(Locale.ROOT, f, "test accuracy (best)", pct(a.info().bestTestAcc()),
                pct(b.info().bestTestAcc())));
        s.append(String.format(Locale.ROOT, f, "final train loss", num(last(a).trainLoss()), num(last(b).trainLoss())));
        s.append(String.format(Locale.ROOT, f, "final test loss", num(last(a).testLoss()), num(last(b).testLoss())));
        double trainA = median(a.metrics(), EpochMetrics::trainSeconds);
        double trainB = median(b.metrics(), EpochMetrics::trainSeconds);
        s.append(String.format(Locale.ROOT, f, "train s/epoch (median)", sec(trainA), sec(trainB)));
        s.append(String.format(Locale.ROOT, f, "eval s/epoch (median)", sec(median(a.metrics(), EpochMetrics::evalSeconds)),
                sec(median(b.metrics(), EpochMetrics::evalSeconds))));
        s.append(String.format(Locale.ROOT, f, "train time vs original", "1.00",
                String.format(Locale.ROOT, "%.2f", trainB / trainA)));
        s.append(String.format(Locale.ROOT, f, "run directory", a.dir().getFileName(), b.dir().getFileName()));
        return s.toString();
    }

    private static EpochMetrics last(Runs.Result r) {
        return r.metrics().get(r.metrics().size() - 1);
    }

    private static double median(List<EpochMetrics> rows, ToDoubleFunction<EpochMetrics> seconds) {
        return Statistics.median(rows.stream().mapToDouble(seconds).toArray());
    }

    private static String pct(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * d);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    private static String sec(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}
