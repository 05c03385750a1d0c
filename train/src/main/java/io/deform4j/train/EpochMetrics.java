package io.deform4j.train;

import java.util.Locale;

/**
 * One row of {@code metrics.csv}. Losses are the plain (undeformed) mean cross-entropy except
 * {@code trainDeformedLoss}, the mean of δ(ℓ) over the epoch's batches; accuracies are
 * fractions in [0, 1]; times are wall-clock seconds.
 */
public record EpochMetrics(int epoch, double lr, double trainLoss, double trainDeformedLoss, double trainAccuracy,
        double testLoss, double testAccuracy, double trainSeconds, double evalSeconds) {

    /** The header line of {@code metrics.csv}. */
    public static final String HEADER =
            "epoch,lr,train_loss,train_deformed_loss,train_acc,test_loss,test_acc,train_seconds,eval_seconds";

    /** The CSV line: numbers in full precision (so that a resumed run compares bit for bit), times to 3 decimals. */
    public String toCsv() {
        return epoch + "," + lr + "," + trainLoss + "," + trainDeformedLoss + "," + trainAccuracy + "," + testLoss
                + "," + testAccuracy + "," + String.format(Locale.ROOT, "%.3f,%.3f", trainSeconds, evalSeconds);
    }

    /** Parses a line written by {@link #toCsv()}. */
    public static EpochMetrics parse(String line) {
        String[] f = line.split(",");
        if (f.length != 9) {
            throw new IllegalArgumentException("metrics line needs 9 fields: " + line);
        }
        return new EpochMetrics(Integer.parseInt(f[0]), d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]),
                d(f[8]));
    }

    /** The same row without the times, for comparing runs. */
    public EpochMetrics withoutTimes() {
        return new EpochMetrics(epoch, lr, trainLoss, trainDeformedLoss, trainAccuracy, testLoss, testAccuracy, 0, 0);
    }

    private static double d(String s) {
        return Double.parseDouble(s.trim());
    }
}
