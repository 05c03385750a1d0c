package io.deform4j.train;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Reports training progress: a progress bar with the running loss and ETA on a terminal
 * (me.tongfei:progressbar), one plain line per epoch otherwise (logs, pipes, tests).
 */
public interface Progress extends AutoCloseable {

    /** An epoch begins (nothing by default). */
    default void epochStarted(int epoch, int epochs, int steps) {
    }

    /** A step ended with plain batch loss {@code loss} (nothing by default). */
    default void stepped(double loss) {
    }

    /** An epoch ended (nothing by default). */
    default void epochEnded(EpochMetrics metrics, int epochs) {
    }

    @Override
    default void close() {
    }

    /** A bar when the JVM has a console, plain lines to {@code log} otherwise. */
    static Progress auto(PrintWriter log, String label) {
        return System.console() != null ? new Bar(log, label) : new Lines(log, label);
    }

    /** No output. */
    static Progress silent() {
        return new Progress() {
        };
    }

    /** The one-line summary of an epoch. */
    static String summary(String label, EpochMetrics m, int epochs) {
        return String.format(Locale.ROOT,
                "%sepoch %d/%d  lr %.4g  train loss %.4f (deformed %.4f) acc %.2f%%  test loss %.4f acc %.2f%%  "
                        + "%.1fs + %.1fs eval",
                label.isEmpty() ? "" : "[" + label + "] ", m.epoch(), epochs, m.lr(), m.trainLoss(),
                m.trainDeformedLoss(), 100 * m.trainAccuracy(), m.testLoss(), 100 * m.testAccuracy(),
                m.trainSeconds(), m.evalSeconds());
    }

    /** Plain log lines, one per epoch, prefixed with {@code [label]} unless the label is empty. */
    record Lines(PrintWriter log, String label) implements Progress {

        @Override
        public void epochEnded(EpochMetrics metrics, int epochs) {
            log.println(summary(label, metrics, epochs));
            log.flush();
        }
    }

    /** A terminal progress bar per epoch. */
    final class Bar implements Progress {
        private final PrintWriter log;
        private final String label;
        private ProgressBar bar;
        private double sum;
        private int count;
        private long runStart;
        private long runSteps;
        private long remainingSteps;

        Bar(PrintWriter log, String label) {
            this.log = log;
            this.label = label;
        }

        @Override
        public void epochStarted(int epoch, int epochs, int steps) {
            sum = 0;
            count = 0;
            if (runStart == 0) {
                runStart = System.nanoTime();
            }
            remainingSteps = (long) steps * (epochs - epoch);
            bar = new ProgressBarBuilder().setTaskName((label.isEmpty() ? "" : label + " ") + "epoch " + (epoch + 1)
                    + "/" + epochs).setInitialMax(steps).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .clearDisplayOnFinish().build();
        }

        @Override
        public void stepped(double loss) {
            sum += loss;
            count++;
            runSteps++;
            remainingSteps--;
            bar.step();
            // the whole run's ETA, from the mean step time so far (evaluation not included)
            double perStep = (System.nanoTime() - runStart) / 1e9 / runSteps;
            long eta = Math.round(perStep * remainingSteps);
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f, run ETA %d:%02d:%02d", sum / count, eta / 3600,
                    eta / 60 % 60, eta % 60));
        }

        @Override
        public void epochEnded(EpochMetrics metrics, int epochs) {
            close();
            log.println(summary(label, metrics, epochs));
            log.flush();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
