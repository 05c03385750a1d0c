package io.deform4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long computation counted in steps (landscape points, Hessian-vector products):
 * a progress bar with ETA on a terminal (me.tongfei:progressbar), a line at every tenth
 * otherwise (logs, pipes, tests).
 */
final class StepProgress implements AutoCloseable {

    private final ProgressBar bar;
    private final PrintWriter log;
    private final String task;
    private final long total;
    private long done;
    private int lastTenth;

    private StepProgress(ProgressBar bar, PrintWriter log, String task, long total) {
        this.bar = bar;
        this.log = log;
        this.task = task;
        this.total = total;
    }

    /** A bar when the JVM has a console, plain lines to {@code log} otherwise. */
    static StepProgress start(PrintWriter log, String task, long total) {
        ProgressBar bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName(task)
                .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
        return new StepProgress(bar, log, task, total);
    }

    /** One more step done, with a short status (e.g. the last loss). */
    void step(String message) {
        done++;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(message);
            return;
        }
        int tenth = total == 0 ? 10 : (int) (10 * done / total);
        if (tenth > lastTenth || done == total) {
            lastTenth = tenth;
            log.println(String.format(Locale.ROOT, "%s %d/%d %s", task, done, total, message));
            log.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
