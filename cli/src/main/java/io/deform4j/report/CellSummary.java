package io.deform4j.report;

import io.deform4j.stats.Statistics;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.train.EpochMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the done runs of a {@link Cell} give: the metric's median, extremes and quartiles (NumPy's
 * {@code quantile}, {@link Statistics}) over the runs, and the median seconds per epoch. Runs
 * in other states are counted, never averaged in.
 *
 * <p>Times are the median over the runs of each run's median over its epochs, so the first
 * epoch's engine warm-up weighs no more than any other epoch (as {@code compare} reports them).
 *
 * @param runs         done runs, the n of the cell
 * @param planned      every run of the cell: done, planned by its sweep and not started, or stopped
 * @param unfinished   runs not done, per state
 * @param values       each done run's metric, a fraction in [0, 1], in the order of the runs
 * @param median       the median of {@code values}; NaN for none, like every statistic here
 * @param min          the lowest value
 * @param max          the highest value
 * @param q1           the first quartile
 * @param q3           the third quartile
 * @param trainSeconds median seconds of training per epoch
 * @param evalSeconds  median seconds of test-set evaluation per epoch
 */
public record CellSummary(int runs, int planned, Map<RunState, Integer> unfinished, List<Double> values,
        double median, double min, double max, double q1, double q3, double trainSeconds, double evalSeconds) {

    public CellSummary {
        unfinished = Map.copyOf(unfinished);
        values = List.copyOf(values);
    }

    /** The summary of {@code cell}'s done runs under {@code metric}. */
    public static CellSummary of(Cell cell, Metric metric) {
        List<RunRecord> done = cell.done();
        double[] values = done.stream().mapToDouble(r -> metric.of(r.metrics()).orElseThrow()).toArray();
        return new CellSummary(done.size(), cell.runs().size(), cell.unfinished(),
                Arrays.stream(values).boxed().toList(),
                Statistics.median(values), Statistics.quantile(values, 0), Statistics.quantile(values, 1),
                Statistics.quantile(values, 0.25), Statistics.quantile(values, 0.75),
                perEpoch(done, EpochMetrics::trainSeconds), perEpoch(done, EpochMetrics::evalSeconds));
    }

    /** Whether any run is done. */
    public boolean hasValues() {
        return runs > 0;
    }

    /**
     * Whether the ranges [min, max] of the two share a value: their runs do not separate them
     * (false when either has no done run).
     */
    public boolean overlaps(CellSummary other) {
        return hasValues() && other.hasValues() && min <= other.max && other.min <= max;
    }

    /** A run's seconds per epoch: the median over its epochs of {@code seconds} (training or evaluation). */
    public static double secondsPerEpoch(RunRecord run, ToDoubleFunction<EpochMetrics> seconds) {
        return Statistics.median(run.metrics().stream().mapToDouble(seconds).toArray());
    }

    private static double perEpoch(List<RunRecord> runs, ToDoubleFunction<EpochMetrics> seconds) {
        return Statistics.median(runs.stream().mapToDouble(r -> secondsPerEpoch(r, seconds)).toArray());
    }
}
