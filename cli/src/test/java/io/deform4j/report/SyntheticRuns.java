package io.deform4j.report;

import io.deform4j.io.Csv;
import io.deform4j.io.Json;
import io.deform4j.mapping.Vdm;
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
 * Run directories as {@code deform4j train} writes them ({@code run.json}, {@code metrics.csv}),
 * with made-up but plausible numbers, for testing what reads them without training anything.
 */
public final class SyntheticRuns {

    private SyntheticRuns() {
    }

    /**
     * Writes a finished run of {@code epochs} epochs into {@code dir}: the training loss falls from
     * 2.3 towards 0.05, the test accuracy rises to exactly {@code finalAcc} in the last epoch
     * (the best epoch), training takes {@code trainSeconds} and evaluation 1 s per epoch.
     *
     * @param settings further settings (name → value), e.g. {@code model}
     */
    public static Path finished(Path dir, String vdm, long seed, int epochs, double finalAcc, double trainSeconds,
            Map<String, Object> settings) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.put("vdm", vdm);
        all.put("seed", seed);
        all.put("epochs", epochs);
        TrainConfig config = TrainConfig.of(all);
        Vdm mapping = config.mapping();
        List<EpochMetrics> rows = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double progress = (double) e / epochs;
            double loss = 2.25 * Math.exp(-3 * progress) + 0.05 + 0.01 * (seed % 3);
            double acc = finalAcc * (1 - Math.exp(-4 * progress)) / (1 - Math.exp(-4));
            rows.add(new EpochMetrics(e, config.learningRate(e - 1), loss, mapping.value(loss), acc + 0.05, loss * 1.2,
                    acc, trainSeconds, 1.0));
        }
        Files.createDirectories(dir);
        Json.write(dir.resolve(RunDirectory.RUN_JSON), new RunInfo(config, "finished", epochs, null, finalAcc,
                finalAcc, epochs, null, 2000, 500, 272_474, "cpu"));
        Csv.write(dir.resolve(RunDirectory.METRICS_CSV), EpochMetrics.class, rows);
        return dir;
    }

    /** {@link #finished} with the sample data set's defaults. */
    public static Path finished(Path dir, String vdm, long seed, int epochs, double finalAcc) throws IOException {
        return finished(dir, vdm, seed, epochs, finalAcc, 10, Map.of());
    }

    /** Writes a run that stopped after {@code epochs} of its {@code planned} epochs, with {@code reason}. */
    public static Path stopped(Path dir, String vdm, long seed, int epochs, int planned, String reason)
            throws IOException {
        finished(dir, vdm, seed, planned, 0.3);
        TrainConfig config = TrainConfig.of(Map.of("vdm", vdm, "seed", seed, "epochs", planned));
        List<EpochMetrics> rows = Csv.read(dir.resolve(RunDirectory.METRICS_CSV), EpochMetrics.class).subList(0, epochs);
        Json.write(dir.resolve(RunDirectory.RUN_JSON), new RunInfo(config, "stopped", epochs, null,
                rows.get(epochs - 1).testAccuracy(), rows.get(epochs - 1).testAccuracy(), epochs, reason, 2000, 500,
                272_474, "cpu"));
        Csv.write(dir.resolve(RunDirectory.METRICS_CSV), EpochMetrics.class, rows);
        return dir;
    }
}
