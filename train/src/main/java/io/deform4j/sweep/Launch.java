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

    /**
     * The exit status of a launch whose runs all ended well but that left broken runs alone
     * (damaged files in their directories): as bad input, since only the user can repair or
     * remove them.
     */
    public static final int BROKEN_RUNS = 2;

    private Launch() {
    }

    /**
     * Launches {@code plan} on this machine into the sweep directory {@code out} ({@code deform4j
     * sweep --executor local}): records the plan there, starts the runs that are not done and
     * waits for them.
     *
     * @return 0 when every run is done, 1 when one failed, {@link LocalExecutor#INTERRUPTED} when
     *     runs were stopped resumably or not started, else {@link #BROKEN_RUNS} when broken runs were
     *     left alone
     * @throws IllegalArgumentException if {@code out} holds something else, or a sweep whose runs the plan changes
     */
    public static int local(SweepPlan plan, Path out, LocalExecutor.Options options, boolean retryFailed,
            PrintWriter w) throws IOException, InterruptedException {
        SweepDirectory sweep = SweepDirectory.prepare(out, plan);
        List<RunRecord> records = sweep.records();
        List<String> runs = select(records, retryFailed, w);
        w.printf("sweep %s: %d runs, %d to run now, %d at a time, %d threads each; directory %s%n", plan.name(),
                plan.runs().size(), runs.size(), options.parallel(), options.threadsPerRun(), out);
        w.flush();
        int status = new LocalExecutor(options).execute(sweep, runs, w);
        List<String> broken = records.stream().filter(r -> r.state() == RunState.BROKEN).map(RunRecord::name).toList();
        if (status == 0 && !broken.isEmpty()) {
            w.println(broken.size() + " broken run" + (broken.size() == 1 ? "" : "s") + " left alone ("
                    + String.join(", ", broken) + "): repair the files named above, or delete the run's directory "
                    + "under runs/ and its record under state/ to run it again");
            w.flush();
            return BROKEN_RUNS;
        }
        return status;
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
