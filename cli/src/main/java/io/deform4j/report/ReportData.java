package io.deform4j.report;

import io.deform4j.landscape.CurveFiles;
import io.deform4j.landscape.HessianReport;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code deform4j report} found under its paths ({@link ReportSources}), read from the
 * files alone.
 *
 * @param runs        training runs (of {@code train}, {@code compare} and sweeps), broken ones included
 * @param landscapes  outputs of {@code landscape}
 * @param hessians    outputs of {@code hessian}
 * @param simulations outputs of {@code simulate}
 * @param problems    files that were found but cannot be read, other than a run's (a broken run is in {@code runs})
 */
record ReportData(List<ReportedRun> runs, List<LandscapeOutput> landscapes, List<HessianOutput> hessians,
        List<SimulationOutput> simulations, List<Problem> problems) {

    ReportData {
        runs = List.copyOf(runs);
        landscapes = List.copyOf(landscapes);
        hessians = List.copyOf(hessians);
        simulations = List.copyOf(simulations);
        problems = List.copyOf(problems);
    }

    /** The runs whose configuration could be read, the ones any statistic is about. */
    List<RunRecord> configured() {
        return runs.stream().map(ReportedRun::record).filter(r -> r.config() != null).toList();
    }

    /** Everything found that cannot be read: broken runs, then other files. */
    List<Problem> unreadable() {
        List<Problem> broken = new ArrayList<>();
        runs.stream().filter(r -> r.record().state() == RunState.BROKEN)
                .forEach(r -> broken.add(new Problem(r.record().dir(), r.record().problem())));
        broken.addAll(problems);
        return broken;
    }

    /**
     * A training run.
     *
     * @param label  where it was found, relative to the folder of the path given ({@code demo/runs/LE(1,0.99)-seed2})
     * @param record its files
     */
    record ReportedRun(String label, RunRecord record) {
    }

    /**
     * The output of {@code deform4j landscape}.
     *
     * @param curve    the rows of {@code curve.csv} (empty if absent)
     * @param surfaces the surfaces, one per {@code surface.csv} or {@code surface-NAME.csv}
     */
    record LandscapeOutput(String label, Path dir, List<CurveFiles.CurvePoint> curve, List<Surface> surfaces) {
    }

    /**
     * A 2-D surface.
     *
     * @param model   the run it was computed around
     * @param points  the rows of its CSV
     * @param picture the contour map {@code landscape} drew beside it, or null
     */
    record Surface(String model, List<CurveFiles.SurfacePoint> points, Path picture) {
    }

    /** The output of {@code deform4j hessian}. */
    record HessianOutput(String label, Path dir, HessianReport report) {
    }

    /**
     * The output of {@code deform4j simulate}.
     *
     * @param pictures the pictures it drew, in the order of {@link SimulationReport}'s files, those present
     */
    record SimulationOutput(String label, Path dir, SimulationSummary summary, List<Path> pictures) {
    }

    /** Something found that cannot be read, and why. */
    record Problem(Path path, String message) {
    }
}
