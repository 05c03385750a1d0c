package io.deform4j.report;

import io.deform4j.io.Csv;
import io.deform4j.io.Json;
import io.deform4j.train.EpochMetrics;
import io.deform4j.train.RunDirectory;
import io.deform4j.train.RunInfo;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written run and sweep directories, in the files {@code train} and {@code sweep} write
 * ({@code run.json} from {@link RunInfo}, {@code metrics.csv} from {@link EpochMetrics}, with the
 * project's {@link Json} and {@link Csv}), so tables can be checked against known numbers
 * without training anything.
 */
public final class RunFiles {

    /** Seconds per epoch of a run written by {@link #done(Path, Map, double...)}. */
    public static final double TRAIN_SECONDS = 2.0;
    public static final double EVAL_SECONDS = 0.5;

    private RunFiles() {
    }

    /**
     * The configuration of {@code settings} over a small base (sample data, 2 epochs) and the
     * declared defaults, not a model's row of Table 4: any model name will do, also those of the
     * paper that this build lacks.
     */
    public static TrainConfig config(Map<String, ?> settings) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("dataset", "sample", "epochs", 2));
        all.putAll(settings);
        return TrainConfig.SCHEMA.create(TrainConfig.SCHEMA.layer(all));
    }

    /**
     * A finished run whose test accuracy after each epoch is {@code accuracies} (as many epochs as
     * values; the configuration's epochs are set to match), every epoch taking
     * {@link #TRAIN_SECONDS} and {@link #EVAL_SECONDS}.
     */
    public static Path done(Path dir, Map<String, ?> settings, double... accuracies) throws IOException {
        List<EpochMetrics> rows = new ArrayList<>();
        for (int i = 0; i < accuracies.length; i++) {
            rows.add(epoch(i + 1, accuracies[i], TRAIN_SECONDS, EVAL_SECONDS));
        }
        Map<String, Object> withEpochs = new LinkedHashMap<>(settings);
        withEpochs.put("epochs", accuracies.length);
        return write(dir, config(withEpochs), "finished", null, rows);
    }

    /** A run in {@code status} ({@code finished}, {@code stopped}, {@code running}) with these rows. */
    public static Path write(Path dir, TrainConfig config, String status, String stopReason, List<EpochMetrics> rows)
            throws IOException {
        Files.createDirectories(dir);
        Csv.write(dir.resolve(RunDirectory.METRICS_CSV), EpochMetrics.class, rows);
        Double last = rows.isEmpty() ? null : rows.get(rows.size() - 1).testAccuracy();
        Double best = rows.stream().map(EpochMetrics::testAccuracy).max(Double::compare).orElse(null);
        Integer bestEpoch = rows.stream().filter(r -> best != null && r.testAccuracy() == best)
                .map(EpochMetrics::epoch).findFirst().orElse(null);
        Json.write(dir.resolve(RunDirectory.RUN_JSON), new RunInfo(config, status, rows.size(), null, last, best, bestEpoch,
                stopReason, 2000, 500, 272_474, "cpu"));
        return dir;
    }

    /** One row of {@code metrics.csv}. */
    public static EpochMetrics epoch(int epoch, double testAccuracy, double trainSeconds, double evalSeconds) {
        return new EpochMetrics(epoch, 0.1, 1.0, 1.0, 0.5, 1.0, testAccuracy, trainSeconds, evalSeconds);
    }

    /** A sweep directory that plans {@code runs} (name → configuration); their directories are under {@code DIR/runs/}. */
    public static Path sweep(Path dir, Map<String, TrainConfig> runs) throws IOException {
        Map<String, Object> recorded = new LinkedHashMap<>();
        runs.forEach((name, config) -> recorded.put(name, config.values()));
        Files.createDirectories(dir.resolve("runs"));
        Json.write(dir.resolve("sweep.json"), Map.of("name", dir.getFileName().toString(), "runs", recorded));
        return dir;
    }
}
