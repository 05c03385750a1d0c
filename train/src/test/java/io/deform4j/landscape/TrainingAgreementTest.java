package io.deform4j.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import io.deform4j.model.MemoryFormat;
import io.deform4j.train.EpochMetrics;
import io.deform4j.train.Metrics;
import io.deform4j.train.Progress;
import io.deform4j.train.RunDirectory;
import io.deform4j.train.Runs;
import io.deform4j.train.TrainConfig;
import io.deform4j.train.TrainedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training and the landscape evaluate alike: the test loss and accuracy of a run's last epoch in
 * {@code metrics.csv} are what {@code deform4j landscape} reports at α = 0 for the run directory
 * (its newest checkpoint, the last epoch's), on the same test set.
 *
 * <p>Tolerances: with the training batch size the two evaluations run the same forward passes on
 * the same batches, so they agree exactly. With another batch size (the landscape's default 256)
 * libtorch may pick other convolution kernels, whose float32 logits differ in the last bits: the
 * loss then agrees to 1e-6 relative (float32's round-off is 6e-8) and the accuracy exactly unless
 * two logits of one example lie within that round-off, which these 64 examples do not.
 */
class TrainingAgreementTest {

    private static final int BATCH = 32;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(MemoryFormat.class)
    void lastEpochsTestMetricsAreTheLandscapeAtAlphaZero(MemoryFormat format) throws IOException {
        TrainConfig config = TrainConfig.of(Map.of("dataset", "sample", "vdm", "LE(1,0.99)", "epochs", 2,
                "batch-size", BATCH, "lr", 0.05, "milestones", List.of(), "seed", 3, "limit-train", 128,
                "limit-test", 64, "memory-format", format.id()));
        Path run = tmp.resolve("run");
        Runs.start(config, run, false, Progress.silent());
        List<EpochMetrics> rows = new RunDirectory.Reader(run).metrics();
        EpochMetrics last = rows.get(rows.size() - 1);
        assertThat(last.epoch()).isEqualTo(2);
        assertThat(TrainedRun.open(run).checkpoint().epoch()).as("the checkpoint the landscape reads").isEqualTo(2);

        Metrics sameBatches = atAlphaZero(run, BATCH);
        assertThat(sameBatches.examples()).isEqualTo(64);
        assertThat(sameBatches.loss()).isEqualTo(last.testLoss());
        assertThat(sameBatches.accuracy()).isEqualTo(last.testAccuracy());

        Metrics defaultBatches = atAlphaZero(run, 256);
        assertThat(defaultBatches.loss()).isCloseTo(last.testLoss(), within(1e-6 * last.testLoss()));
        assertThat(defaultBatches.accuracy()).isEqualTo(last.testAccuracy());
    }

    /** The test metrics at α = 0 of a 3-point curve through the run, as {@code deform4j landscape} computes it. */
    private static Metrics atAlphaZero(Path run, int batchSize) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainedModel model = Instruments.open(List.of(run), 0, batchSize, true, manager).get(0);
            LossCurve.Result curve = LossCurve.scan(model.name(), model.evaluator(), model.parameters(),
                    model.direction(1, false), new Grid(-1, 1, 3), model.train(), model.test(), null);
            LossCurve.Point zero = curve.points().get(1);
            assertThat(zero.alpha()).isEqualTo(0.0);
            return zero.test();
        }
    }
}
