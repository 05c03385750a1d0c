package io.deform4j.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which runs of a sweep a launch starts: pending and interrupted runs; failed runs only when
 * asked ({@code --retry-failed}); done runs never; runs that another process trains now, and
 * broken ones, are reported and left alone.
 */
public final class Launch {

    private Launch() {
    }

    /**
     * Launches {@code plan} on this machine into the sweep directory {@code out} ({@code deform4j
     * sweep --executor local}): records the plan there, starts the runs that are not done and
     * waits for them.
     *
     * @return 0 when every run is done, 1 when one failed, {@link LocalExecutor#INTERRUPTED} when
     *     runs were stopped resumably or not started
     * @throws IllegalArgumentException if {@code out} holds something else, or a sweep whose runs the plan changes
     */
    public static int local(SweepPlan plan, Path out, LocalExecutor.Options options, boolean retryFailed,
            PrintWriter w) throws IOException, InterruptedException {
        SweepDirectory sweep = SweepDirectory.prepare(out, plan);
        List<String> runs = select(sweep.records(), retryFailed, w);
        w.printf("sweep %s: %d runs, %d to run now, %d at a time, %d threads each; directory %s%n", plan.name(),
                plan.runs().size(), runs.size(), options.parallel(), options.threadsPerRun(), out);
        w.flush();
        return new LocalExecutor(options).execute(sweep, runs, w);
    }

    /** The names of the runs to start, in the sweep's order; says on {@code out} what is left alone and why. */
    public static List<String> select(List<RunRecord> records, boolean retryFailed, PrintWriter out) {
        List<String> names = new ArrayList<>();
        for (RunRecord r : records) {
            switch (r.state()) {
                case PENDING, INTERRUPTED -> names.add(r.name());
                case FAILED -> {
                    if (retryFailed) {
                        names.add(r.name());
                    } else {
                        out.println("skipping failed run " + r.name() + " (--retry-failed runs it again): "
                                + r.problem());
                    }
                }
                case RUNNING -> out.println("skipping run " + r.name() + ": a process trains it now ("
                        + (r.task() == null ? "?" : r.task().host() + ", pid " + r.task().pid()) + ")");
                case BROKEN -> out.println("skipping broken run " + r.name() + ": " + r.problem());
                case DONE -> {
                }
            }
        }
        return names;
    }
}
