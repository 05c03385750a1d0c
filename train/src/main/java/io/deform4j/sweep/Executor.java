package io.deform4j.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs the runs of a sweep, one process per run (DJL allows one gradient collector per JVM):
 * {@link LocalExecutor} on this machine, or a cluster's scheduler. Every executor reads and
 * writes the same sweep directory, so a sweep started by one can be finished by another.
 */
public interface Executor {

    /**
     * Runs (or submits) {@code runs} of {@code sweep}, reporting on {@code out}.
     *
     * @return the exit status of the launch: 0 when every run is done (or submitted), 1 when a run
     *     failed, 75 when runs were interrupted and can be resumed by launching again
     */
    int execute(SweepDirectory sweep, List<String> runs, PrintWriter out) throws IOException, InterruptedException;
}
