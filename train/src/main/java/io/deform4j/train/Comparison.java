package io.deform4j.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The original model against a deformed one: the same configuration and seed, run one after
 * the other in this JVM (one gradient collector at a time), each in its own directory under
 * {@code out} ({@code original/} and {@code deformed/}).
 */
public final class Comparison {

    /** Default mapping of {@code compare}: LE(1,0.99), the paper's CIFAR mapping (δ' &gt; 1, steeper near ℓ = 0). */
    public static final String DEFAULT_VDM = "LE(1,0.99)";
    /** Default epochs of {@code compare}: a short schedule that shows it working in minutes. */
    public static final int DEFAULT_EPOCHS = 3;

    /** Untimed training steps before the two runs, so that neither pays the engine's start-up. */
    static final int WARM_UP_STEPS = 5;

    /** Both runs. */
    public record Result(Runs.Result original, Runs.Result deformed) {
    }

    private Comparison() {
    }

    /**
     * Runs {@code config} with the original loss and with {@code config.vdm()}; checks both output
     * directories before training either.
     */
    public static Result run(TrainConfig config, Path out, boolean overwrite, java.util.function.Function<String,
            Progress> progress) throws IOException {
        TrainConfig original = config.withVdm("original");
        Path originalDir = out.resolve("original");
        Path deformedDir = out.resolve("deformed");
        Runs.checkModel(config.model());
        RunDirectory.checkNew(originalDir, overwrite);
        RunDirectory.checkNew(deformedDir, overwrite);
        var data = Runs.openData(config);
        Runs.warmUp(config, data, WARM_UP_STEPS);
        Runs.Result a = Runs.start(original, data, originalDir, overwrite, progress.apply("original"));
        Runs.Result b = Runs.start(config, data, deformedDir, overwrite, progress.apply(config.vdm()));
        return new Result(a, b);
    }

    /**
     * The side-by-side table: final and best test accuracy, final losses, and the median seconds
     * per epoch of training and evaluation (the median, so that the first epoch's engine warm-up
     * does not count against whichever run goes first), with the deformed run's training time
     * relative to the original's: the overhead of the mapping (supplementary E).
     */
    public static String table(Result result) {
        Runs.Result a = result.original();
        Runs.Result b = result.deformed();
        String nameB = b.info().mapping();
        int width = Math.max(12, nameB.length() + 2);
        String f = "%-24s%" + width + "s%" + width + "s%n";
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, f, "", "original", nameB));
        s.append(String.format(Locale.ROOT, f, "test accuracy (final)", pct(a.info().finalTestAccuracy()),
                pct(b.info().finalTestAccuracy())));
        s.append(String.format(Locale.ROOT, f, "test accuracy (best)", pct(a.info().bestTestAccuracy()),
                pct(b.info().bestTestAccuracy())));
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

    private static String pct(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * d);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    private static double median(List<EpochMetrics> rows, ToDoubleFunction<EpochMetrics> seconds) {
        double[] sorted = rows.stream().mapToDouble(seconds).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String sec(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}
