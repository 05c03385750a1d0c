package io.deform4j.sweep;

import java.io.PrintWriter;
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
