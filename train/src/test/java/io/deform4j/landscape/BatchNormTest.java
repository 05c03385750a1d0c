package io.deform4j.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.deform4j.data.Batch;
import io.deform4j.model.MemoryFormat;
import io.deform4j.train.EvalSet;
import io.deform4j.train.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Batch norm stays in evaluation mode: running statistics are never parameters and never change. */
class BatchNormTest {

    static {
        TinyNet.data(1, 1, 0); // loads TinyNet's thread settings before the engine starts
    }

    static List<Batch> images(int n, long seed) {
        Random r = new Random(seed);
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < n; from += 8) {
            int size = Math.min(8, n - from);
            float[] x = new float[size * 2 * 6 * 6];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            int[] y = new int[size];
            for (int i = 0; i < size; i++) {
                y[i] = r.nextInt(3);
            }
            batches.add(new Batch(x, y, size, 2, 6, 6));
        }
        return batches;
    }

    static List<float[]> runningStatistics(SequentialBlock block) {
        List<float[]> stats = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().requiresGradient()) {
                stats.add(p.getValue().getArray().toFloatArray());
            }
        }
        return stats;
    }

    /** A conv + BN + linear block whose running statistics come from one training-mode pass. */
    static SequentialBlock convNet(NDManager manager, float shift) {
        SequentialBlock block = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).build())
                .add(BatchNorm.builder().build())
                .add(Activation.tanhBlock())
                .add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(3).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 6, 6));
        try (NDManager step = manager.newSubManager()) {
            block.forward(new ParameterStore(manager, false),
                    new NDList(step.randomNormal(new Shape(16, 2, 6, 6)).mul(1 + shift).add(shift)), true);
        }
        return block;
    }

    @Test
    void interpolationMovesRunningStatisticsTooSoBothEndsAreTheTrainedNetworks() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EvalSet data = EvalSet.of("train", images(20, 5));
            TrainedModel a = TrainedModel.of("a", convNet(manager, 0.5f), manager, MemoryFormat.CONTIGUOUS, data, data);
            TrainedModel b = TrainedModel.of("b", convNet(manager, -1f), manager, MemoryFormat.CONTIGUOUS, data, data);
            Metrics plainA = a.evaluator().evaluate(data);
            Metrics plainB = b.evaluator().evaluate(data);
            List<float[]> statsA = runningStatistics((SequentialBlock) a.block());
            LossCurve.Result r = LossCurve.interpolate("a->b", a, b, new Grid(-0.5, 1.5, 5), null);
            assertThat(r.points()).extracting(LossCurve.Point::alpha).containsExactly(-0.5, 0.0, 0.5, 1.0, 1.5);
            assertThat(r.points().get(1).train()).isEqualTo(plainA);
            assertThat(r.points().get(3).train().loss()).isCloseTo(plainB.loss(), within(1e-5));
            assertThat(r.points().get(3).train().accuracy()).isEqualTo(plainB.accuracy());
            assertThat(r.points()).allSatisfy(p -> assertThat(p.train().loss()).isFinite());
            List<float[]> after = runningStatistics((SequentialBlock) a.block());
            for (int i = 0; i < statsA.size(); i++) {
                assertThat(after.get(i)).containsExactly(statsA.get(i));
            }
            assertThat(a.parameters().get()).containsExactly(a.theta(), within(0.0));
        }
    }

    @Test
    void runningStatisticsAreNeitherParametersNorChangedByAnyInstrument() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock block = convNet(manager, 0.5f); // running statistics are not the initial 0 and 1
            List<Batch> batches = images(20, 3);
            EvalSet data = EvalSet.of("train", batches);
            TrainedModel model = TrainedModel.of("bn", block, manager, MemoryFormat.CONTIGUOUS, data, data);
            List<float[]> before = runningStatistics(block);
            assertThat(before).hasSize(2);
            assertThat(before.get(0)).isNotEqualTo(new float[4]);

            Layout layout = model.layout();
            assertThat(layout.tensors()).extracting(t -> t.name().replaceAll("^\\d+", ""))
                    .containsExactly("Conv2d_weight", "Conv2d_bias", "BatchNorm_gamma", "BatchNorm_beta", "Linear_weight",
                            "Linear_bias");
            double[] d = model.direction(1, false);
            for (Layout.Tensor t : layout.tensors()) {
                int width = t.size() / t.filters();
                for (int f = 0; f < t.filters(); f++) {
                    double dn = 0;
                    double wn = 0;
                    for (int j = t.offset() + f * width; j < t.offset() + (f + 1) * width; j++) {
                        dn += d[j] * d[j];
                        wn += model.theta()[j] * model.theta()[j];
                    }
                    assertThat(Math.sqrt(dn)).as(t + " filter " + f).isCloseTo(t.isVector() ? 0 : Math.sqrt(wn), within(1e-6));
                }
            }

            Metrics plain = model.evaluator().evaluate(data);
            LossCurve.Result curve = LossCurve.scan("bn", model.evaluator(), model.parameters(), d,
                    new Grid(-1, 1, 3), data, null, null);
            assertThat(curve.points().get(1).train()).isEqualTo(plain);
            LossGradient gradient = new LossGradient(model.evaluator(), model.parameters());
            FiniteDifferenceHvp hvp = new FiniteDifferenceHvp(model.parameters(), gradient, data, 0);
            PowerIteration.Result top = new PowerIteration(1, 5, 1e-3, 1).run(hvp);
            assertThat(top.eigenvalues()[0]).isFinite();
            assertThat(hvp.secondsPerProduct()).isPositive();

            List<float[]> after = runningStatistics(block);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i)).containsExactly(before.get(i));
            }
            assertThat(model.evaluator().evaluate(data)).isEqualTo(plain);
            assertThat(model.parameters().get()).containsExactly(model.theta(), within(0.0));
        }
    }
}
