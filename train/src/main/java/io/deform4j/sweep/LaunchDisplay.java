package io.deform4j.sweep;

import io.deform4j.train.EpochMetrics;
import io.deform4j.train.RunDirectory;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What a launch shows while its runs train: one line per event (a run started, ended, failed),
 * and the epochs of the running runs, read from their {@code metrics.csv} at every {@link #poll}
 * (the runs are other processes; their files are the only thing they share). On a terminal the
 * epochs drive one progress bar over every epoch the launch has to train (me.tongfei:progressbar,
 * with the run counts and an ETA); otherwise each new epoch is a line, for logs and pipes.
 *
 * <p>On a terminal the bar and the event lines go through the same writer: an event line clears
 * the bar's line first, and the bar is drawn again below it at its next refresh.
 */
final class LaunchDisplay implements AutoCloseable {

    /** Erases the terminal line from the cursor (ANSI EL). */
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final SweepDirectory sweep;
    private final PrintWriter out;
    private final ProgressBar bar;
    private final Map<String, Integer> epochs = new LinkedHashMap<>();
    private final Map<String, Integer> seen = new LinkedHashMap<>();
    private final int runs;
    private int running;
    private int ended;

    private LaunchDisplay(SweepDirectory sweep, PrintWriter out, Map<String, TrainConfig> configs, List<String> runs,
            boolean terminal) {
        this.sweep = sweep;
        this.out = out;
        this.runs = runs.size();
        long left = 0;
        for (String run : runs) {
            int total = configs.get(run).epochs();
            int done = Math.min(total, rows(run).size());
            epochs.put(run, total);
            seen.put(run, done);
            left += total - done;
        }
        bar = terminal && left > 0 ? new ProgressBarBuilder().setTaskName("sweep " + sweep.path().getFileName())
                .setInitialMax(left).setUnit(" epochs", 1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000).setConsumer(new DelegatingProgressBarConsumer(this::draw)).build()
                : null;
        if (bar != null) {
            bar.setExtraMessage(counts());
        }
    }

    /**
     * The display of a launch of {@code runs}: a bar when this JVM has a console (its standard
     * input and output are a terminal), lines otherwise.
     */
    static LaunchDisplay open(SweepDirectory sweep, List<String> runs, PrintWriter out) throws IOException {
        return new LaunchDisplay(sweep, out, sweep.runs(), runs, System.console() != null);
    }

    /** {@code run} started (on {@code device}, or null). */
    void started(String run, String device) {
        running++;
        event(String.format("started  %s%s (log %s)", run, device == null ? "" : " on GPU " + device, sweep.log(run)));
    }

    /** {@code run} ended; {@code line} says how. Its last epochs are shown first. */
    void ended(String run, String line) {
        poll(List.of(run));
        running--;
        ended++;
        event(line);
    }

    /** A line about the launch, e.g. why it stops. */
    void event(String line) {
        synchronized (this) { // never while the bar draws
            out.print(bar == null ? line + System.lineSeparator() : CLEAR_LINE + line + System.lineSeparator());
            out.flush();
        }
        if (bar != null) {
            bar.setExtraMessage(counts());
        }
    }

    /** Reads the epochs of {@code active} runs and shows the new ones. */
    void poll(Collection<String> active) {
        for (String run : active) {
            List<EpochMetrics> rows = rows(run);
            int before = seen.get(run);
            if (rows.size() <= before) {
                continue; // no new epoch (or a resumed run dropped rows its checkpoint does not cover)
            }
            seen.put(run, rows.size());
            if (bar != null) {
                bar.stepBy(rows.size() - before);
                continue;
            }
            for (EpochMetrics m : rows.subList(before, rows.size())) {
                event(String.format(Locale.ROOT, "epoch    %s %d/%d  train loss %.4f  test acc %.2f%%", run,
                        m.epoch(), epochs.get(run), m.trainLoss(), 100 * m.testAccuracy()));
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            synchronized (this) {
                out.println();
                out.flush();
            }
        }
    }

    /** The rows of a run's {@code metrics.csv} so far; none while it cannot be read (it is being written). */
    private List<EpochMetrics> rows(String run) {
        try {
            return new RunDirectory.Reader(sweep.runDir(run)).metrics();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private String counts() {
        return String.format("runs: %d running, %d of %d ended", running, ended, runs);
    }

    private synchronized void draw(String rendered) {
        out.print("\r" + rendered);
        out.flush();
    }
}
