package io.deform4j.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of {@code metrics.csv} ({@link io.deform4j.io.Csv}: the columns are the components in
 * this order, {@code epoch,lr,train_loss,train_deformed_loss,train_acc,test_loss,test_acc,
 * train_seconds,eval_seconds}). Losses are the plain (undeformed) mean cross-entropy except
 * {@code trainDeformedLoss}, the mean of δ(ℓ) over the epoch's batches; accuracies are
 * fractions in [0, 1]; times are wall-clock seconds, kept to the millisecond.
 *
 * <p>Every other number is kept in full: the file reads back bit for bit, so a resumed run
 * compares exactly with an uninterrupted one.
 */
public record EpochMetrics(int epoch, double lr, double trainLoss, double trainDeformedLoss,
        @JsonProperty("train_acc") double trainAccuracy, double testLoss, @JsonProperty("test_acc") double testAccuracy,
        double trainSeconds, double evalSeconds) {

    /** Rounds the times to the millisecond: finer digits of a wall-clock time are noise. */
    public EpochMetrics {
        trainSeconds = milliseconds(trainSeconds);
        evalSeconds = milliseconds(evalSeconds);
    }

    /** The same row without the times, for comparing runs. */
    public EpochMetrics withoutTimes() {
        return new EpochMetrics(epoch, lr, trainLoss, trainDeformedLoss, trainAccuracy, testLoss, testAccuracy, 0, 0);
    }

    private static double milliseconds(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
