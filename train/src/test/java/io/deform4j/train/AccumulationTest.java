package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.deform4j.data.Batch;
import io.deform4j.engine.CrossEntropy;
import io.deform4j.engine.NoGrad;
import io.deform4j.expression.OutsideDomainException;
import io.deform4j.mapping.Vdm;
import io.deform4j.model.MemoryFormat;
import io.deform4j.model.Models;
import io.deform4j.optim.SgdConfig;
import io.deform4j.optim.tensor.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gradient accumulation ({@code accumulate} = K): without batch norm, K micro-batches of b examples
 * are one batch of K·b; with batch norm, a step is what {@code torch.nn.DataParallel} over K
 * devices computes, here written out independently: each replica's forward on its slice with its
 * own statistics, one loss on the gathered outputs, δ of it, one backward (gradients summed over
 * the replicas), running statistics of the first replica only. Parameters are compared after
 * three SGD steps (Nesterov momentum, weight decay) within {@value #TOLERANCE} absolute: both sides
 * are float32 and sum the same terms in another order. A run with K = 2 stops and resumes bit for bit.
 */
class AccumulationTest {

    /** Largest difference allowed between two float32 computations of the same parameters. */
    private static final double TOLERANCE = 1e-6;
    private static final int CLASSES = 4;
    private static final double LR = 0.1;
    private static final SgdConfig SGD = new SgdConfig(0.9, 0, 5e-4, true);

    @TempDir
    Path tmp;

    private static Block mlp() {
        return new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(12).build())
                .add(Activation.reluBlock()).add(Linear.builder().setUnits(CLASSES).build());
    }

    /** Convolution, batch norm as PyTorch's BatchNorm2d (momentum 0.1, eps 1e-5), ReLU, pooling, linear. */
    private static Block convBn() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4)
                        .optBias(false).build())
                .add(BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build())
                .add(Activation.reluBlock()).add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    private static Block initialized(Supplier<Block> architecture, NDManager manager) {
        Block block = architecture.get();
        Models.initialize(block, manager, new Shape(1, 3, 6, 6), 7);
        return block;
    }

    /** {@code n} random 3×6×6 images with labels 0, 1, 2, 3, 0, … */
    private static Batch batch(int n, long seed) {
        Random random = new Random(seed);
        float[] images = new float[n * 3 * 6 * 6];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
        }
        return new Batch(images, labels, n, 3, 6, 6);
    }

    /** Three steps of {@code accumulate} micro-batches over batches of 16. */
    private static List<float[]> trained(Supplier<Block> architecture, String vdm, int accumulate) {
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu());
                Optimizer sgd = Optimizer.of(SGD)) {
            Block block = initialized(architecture, manager);
            TrainStep step = new TrainStep(block, sgd, new DeformedLoss(Vdm.parse(vdm)), manager,
                    MemoryFormat.CONTIGUOUS, accumulate);
            double[] sums = new double[3];
            for (int s = 0; s < 3; s++) {
                step.step(batch(16, s), LR, sums);
            }
            assertTrue(Double.isFinite(sums[0]) && sums[0] > 0, "loss sum " + sums[0]);
            return values(block);
        }
    }

    /** The same three steps as {@code torch.nn.DataParallel} over two devices computes them. */
    private static List<float[]> dataParallel(Supplier<Block> architecture, String vdm) {
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu());
                Optimizer sgd = Optimizer.of(SGD)) {
            Block block = initialized(architecture, manager);
            DeformedLoss loss = new DeformedLoss(Vdm.parse(vdm));
            ParameterStore store = new ParameterStore(manager, false);
            for (int s = 0; s < 3; s++) {
                Batch batch = batch(16, s);
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(batch.images(), new Shape(batch.shape()));
                    NDArray y = InputBuffer.labels(step, batch);
                    List<float[]> replicaZero;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        // scatter: replica 0 gets examples 0-7, replica 1 examples 8-15, each its own BN statistics
                        NDArray first = block.forward(store, new NDList(x.get(new NDIndex("0:8"))), true)
                                .singletonOrThrow();
                        replicaZero = runningStatistics(block);
                        NDArray second = block.forward(store, new NDList(x.get(new NDIndex("8:16"))), true)
                                .singletonOrThrow();
                        // gather on device 0, the criterion on all 16 outputs, δ of it, one backward
                        NDArray ce = CrossEntropy.mean(first.concat(second, 0), y);
                        collector.backward(loss.deform(ce));
                    }
                    // only replica 0 shares its buffers with the module: replica 1's running statistics are lost
                    setRunningStatistics(block, replicaZero);
                    sgd.step(block.getParameters(), LR);
                }
            }
            return values(block);
        }
    }

    private static List<float[]> values(Block block) {
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            values.add(p.getValue().getArray().toFloatArray());
        }
        return values;
    }

    private static List<Parameter> runningParameters(Block block) {
        List<Parameter> running = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter.Type type = p.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                running.add(p.getValue());
            }
        }
        return running;
    }

    private static List<float[]> runningStatistics(Block block) {
        return runningParameters(block).stream().map(p -> p.getArray().toFloatArray()).toList();
    }

    private static void setRunningStatistics(Block block, List<float[]> values) {
        List<Parameter> running = runningParameters(block);
        try (NoGrad noGrad = NoGrad.enter()) {
            for (int i = 0; i < running.size(); i++) {
                running.get(i).getArray().set(values.get(i));
            }
        }
    }

    private static double largestDifference(List<float[]> a, List<float[]> b) {
        assertEquals(a.size(), b.size());
        double largest = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).length, b.get(i).length);
            for (int j = 0; j < a.get(i).length; j++) {
                largest = Math.max(largest, Math.abs(a.get(i)[j] - b.get(i)[j]));
            }
        }
        return largest;
    }

    @ParameterizedTest(name = "δ = {0}")
    @ValueSource(strings = {"original", "LE(1,0.99)", "AP(1.5,0.7,1,0)"})
    void withoutBatchNormTwoMicroBatchesOf8AreOneBatchOf16(String vdm) {
        double difference = largestDifference(trained(AccumulationTest::mlp, vdm, 1),
                trained(AccumulationTest::mlp, vdm, 2));
        assertTrue(difference <= TOLERANCE, "largest parameter difference " + difference);
    }

    @ParameterizedTest(name = "δ = {0}")
    @ValueSource(strings = {"original", "LE(1,0.99)"})
    void withBatchNormTwoMicroBatchesAreDataParallelOverTwoDevices(String vdm) {
        List<float[]> accumulated = trained(AccumulationTest::convBn, vdm, 2);
        double difference = largestDifference(dataParallel(AccumulationTest::convBn, vdm), accumulated);
        assertTrue(difference <= TOLERANCE, "largest parameter difference " + difference);
        // and batch norm's statistics per micro-batch matter: one batch of 16 ends elsewhere
        double whole = largestDifference(trained(AccumulationTest::convBn, vdm, 1), accumulated);
        assertTrue(whole > 100 * TOLERANCE, "one batch of 16 differs from two of 8 by only " + whole);
    }

    @Test
    void aLossOutsideTheDomainLeavesNoGradientAndNoUpdate() {
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu());
                Optimizer sgd = Optimizer.of(SGD)) {
            Block block = initialized(AccumulationTest::mlp, manager);
            List<float[]> before = values(block);
            // LE(1,e2) is defined for ℓ > ln e2; ln 100 ≈ 4.6 is above the loss of a fresh 4-class network (≈ 1.4)
            TrainStep step = new TrainStep(block, sgd, new DeformedLoss(Vdm.parse("LE(1,100)")), manager,
                    MemoryFormat.CONTIGUOUS, 2);
            assertThrows(OutsideDomainException.class, () -> step.step(batch(16, 0), LR, new double[3]));
            assertEquals(0, largestDifference(before, values(block)));
            for (Pair<String, Parameter> p : block.getParameters()) {
                float[] gradient = p.getValue().getArray().getGradient().toFloatArray();
                for (float g : gradient) {
                    assertEquals(0f, g, p.getKey());
                }
            }
        }
    }

    /** resnet20 on 48 sample images, batch-size 8, accumulate 2: 3 steps of 16 per epoch, 2 epochs. */
    private static TrainConfig config() {
        return TrainConfig.of(Map.of("model", "resnet20", "dataset", "sample", "limit-train", 48, "limit-test", 16,
                "vdm", "LE(1,0.99)", "epochs", 2, "batch-size", 8, "accumulate", 2, "lr", 0.05, "seed", 3))
                .with("threads", 1);
    }

    @Test
    void aRunOfTwoMicroBatchesPerStepStopsAndResumesBitForBit() throws IOException {
        var data = Runs.openData(config());
        InterruptedRunTest.StopAt counter = new InterruptedRunTest.StopAt(0, 0);
        Path whole = tmp.resolve("whole");
        Runs.Result reference = Runs.start(config(), data, whole, false, counter, StopSignals.none());
        assertEquals(2 * 3, counter.steps, "a step is a loader batch of accumulate × batch-size = 16 of 48 images");
        assertEquals("cpu", reference.info().device());
        for (EpochMetrics row : reference.metrics()) {
            assertTrue(row.trainLoss() > 0 && row.trainLoss() < 10, "train loss " + row.trainLoss());
        }

        Path dir = tmp.resolve("stopped");
        InterruptedRunTest.StopAt stopper = new InterruptedRunTest.StopAt(1, 2);
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                () -> Runs.start(config(), data, dir, false, stopper, stopper.stop));
        assertEquals(2, e.step(), "stopped after the second optimizer step, between two steps");
        Checkpoint saved = Checkpoints.latest(dir).orElseThrow();
        assertEquals(32, saved.soFar().examples());
        Runs.Result resumed = Runs.resume(dir, null, data, Progress.silent(), StopSignals.none());
        assertEquals(InterruptedRunTest.withoutTimes(reference.metrics()),
                InterruptedRunTest.withoutTimes(resumed.metrics()));
        Checkpoint a = Checkpoints.latest(whole).orElseThrow();
        Checkpoint b = Checkpoints.latest(dir).orElseThrow();
        assertArrayEquals(a.model(), b.model(), "final parameters, bit for bit");
        assertArrayEquals(a.optimizer(), b.optimizer(), "final optimizer state, bit for bit");
    }
}
