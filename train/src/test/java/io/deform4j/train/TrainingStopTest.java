package io.deform4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deform4j.data.Batch;
import io.deform4j.data.DataSplits;
import io.deform4j.data.InMemoryDataset;
import io.deform4j.data.Preprocessing;
import io.deform4j.engine.NoGrad;
import io.deform4j.expression.OutsideDomainException;
import io.deform4j.mapping.Vdm;
import io.deform4j.model.MemoryFormat;
import io.deform4j.model.Models;
import io.deform4j.optim.SgdConfig;
import io.deform4j.optim.tensor.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training stops on a loss outside δ's domain, or a non-finite one, before any update from that
 * step.
 *
 * <p>The domain tests do not depend on the last bits of the arithmetic. Their images are all zero
 * and every label is 0: then every convolution and batch norm (training mode: x − mean = 0) puts
 * out exact zeros, ReLU passes no gradient at 0, so the features stay exactly 0 and the logits are
 * exactly the classifier's bias b. The loss is ℓ = ln Σₖ e^(bₖ − b₀), in both memory formats.
 */
class TrainingStopTest {

    private static final int CLASSES = 4;
    private static final int SIZE = 8;

    @TempDir
    Path tmp;

    /** {@code n} black 1×8×8 images, all of class 0 of {@value #CLASSES}. */
    static InMemoryDataset black(int n) {
        return new InMemoryDataset(new byte[n][SIZE * SIZE], new int[n], List.of("c0", "c1", "c2", "c3"), 1, SIZE,
                SIZE);
    }

    /**
     * LE(1,1.9) is defined for ℓ > ln 1.9 = 0.642. One step per epoch (16 images, batch 16), lr 2,
     * Nesterov momentum 0.9. Epoch 1, step 1: b is PyTorch's initial U(±1/8) bias, so ℓ₁ ∈
     * [ln 4 − 1/4, ln 4 + 1/4] ⊂ (0.642, ∞) and δ'(ℓ₁) = e^ℓ₁/(e^ℓ₁ − 1.9) ≥ 1.59. That step moves
     * b₀ − bₖ by 2·1.9·δ'(ℓ₁)·(1 − p₀ + pₖ) ≥ 5 (first Nesterov step: (1 + μ)·g), so epoch 2,
     * step 1 has ℓ₂ ≤ ln(1 + 3e^−4.7) ≈ 0.03: outside the domain by a wide margin.
     */
    @ParameterizedTest
    @EnumSource(MemoryFormat.class)
    void lossBelowTheDomainOfTheMappingStopsWithItsErrorEpochStepAndKeepsTheLastCheckpoint(MemoryFormat format)
            throws IOException {
        TrainConfig config = TrainConfig.of(Map.of("model", "resnet20", "dataset", "sample", "vdm", "LE(1,1.9)",
                "epochs", 3, "batch-size", 16, "lr", 2.0, "milestones", List.of(), "seed", 7, "threads", 1,
                "memory-format", format.id()));
        DataSplits data = new DataSplits(black(16), black(8), Preprocessing.plain(1));
        Path out = tmp.resolve("run");
        TrainingStoppedException e = assertThrows(TrainingStoppedException.class,
                () -> Runs.start(config, data, out, false, Progress.silent()));
        OutsideDomainException cause = assertInstanceOf(OutsideDomainException.class, e.getCause(), e.getMessage());
        assertEquals(2, e.epoch(), e.getMessage());
        assertEquals(1, e.step(), e.getMessage());
        assertTrue(e.getMessage().contains("in epoch 2, step 1: the loss left the domain of LE(1,1.9)"),
                e.getMessage());
        assertTrue(e.getMessage().contains(cause.getMessage()), e.getMessage());
        assertTrue(e.getMessage().contains("no update was applied from this step"), e.getMessage());

        assertEquals(1, Checkpoints.latest(out).orElseThrow().epoch());
        assertTrue(e.getMessage().contains("last good checkpoint: " + Checkpoints.file(out, 1)), e.getMessage());
        RunDirectory.Reader reader = new RunDirectory.Reader(out);
        assertEquals(1, reader.metrics().size());
        assertTrue(reader.metrics().get(0).trainLoss() > Math.log(4) - 0.25, "epoch 1's loss " + reader.metrics());
        assertEquals("stopped", reader.info().status());
        assertEquals(1, reader.info().epochsCompleted());
    }

    /**
     * The step itself, with b set by hand: b = (20, 0, 0, 0) gives ℓ = ln(1 + 3e^−20) ≈ 6e-9,
     * below LE(1,1.9)'s domain; b = (NaN, …) gives a NaN loss; b = (0, 20, 0, 0) gives ℓ ≈ 20,
     * inside it. The first two leave every trainable parameter as it was, bit for bit. (The
     * forward pass has moved batch norm's running statistics, as it does in PyTorch; a stopped run
     * writes no checkpoint after that.)
     */
    @ParameterizedTest
    @EnumSource(MemoryFormat.class)
    void aStepOutsideTheDomainOrWithANonFiniteLossUpdatesNothing(MemoryFormat format) {
        Batch batch = new Batch(new float[16 * SIZE * SIZE], new int[16], 16, 1, SIZE, SIZE);
        try (NDManager manager = NDManager.newBaseManager();
                Optimizer optimizer = Optimizer.of(SgdConfig.nesterov(0.9, 5e-4))) {
            Block block = Models.create("resnet20", CLASSES, 1);
            Models.initialize(block, manager, Models.inputShape(1), 7L);
            format.apply(block);
            TrainStep step = new TrainStep(block, optimizer, new DeformedLoss(Vdm.parse("LE(1,1.9)")), manager, format);
            double[] sums = new double[3];

            setBias(block, 20, 0, 0, 0);
            List<float[]> before = trainable(block);
            assertThrows(OutsideDomainException.class, () -> step.step(batch, 0.1, sums));
            assertSameValues(before, trainable(block), "no update from a loss outside the domain");

            setBias(block, Float.NaN, 0, 0, 0);
            List<float[]> nan = trainable(block);
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> step.step(batch, 0.1, sums));
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
            assertSameValues(nan, trainable(block), "no update from a NaN loss");
            assertArrayEquals(new double[3], sums, "nothing counted from a failed step");

            setBias(block, 0, 20, 0, 0);
            List<float[]> inside = trainable(block);
            double loss = step.step(batch, 0.1, sums);
            assertEquals(20 + Math.log1p(3 * Math.exp(-20)), loss, 1e-5);
            assertFalse(Arrays.equals(inside.get(inside.size() - 1), trainable(block).get(inside.size() - 1)),
                    "a step inside the domain updates the bias");
        }
    }

    /** The values of the parameters that require a gradient, in order. */
    private static List<float[]> trainable(Block block) {
        return block.getParameters().stream().filter(p -> p.getValue().requiresGradient())
                .map(p -> p.getValue().getArray().toFloatArray()).toList();
    }

    private static void assertSameValues(List<float[]> expected, List<float[]> actual, String message) {
        assertEquals(expected.size(), actual.size(), message);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), message + ", parameter " + i);
        }
    }

    private static void setBias(Block block, float... bias) {
        Parameter parameter = block.getParameters().stream().filter(p -> p.getKey().endsWith("Linear_bias"))
                .map(Pair::getValue).findFirst().orElseThrow();
        try (NoGrad noGrad = NoGrad.enter(); NDManager m = parameter.getArray().getManager().newSubManager()) {
            parameter.getArray().set(new NDIndex("..."), m.create(bias));
        }
    }

    @Test
    void divergingLossStopsWithAClearMessage() throws IOException {
        TrainConfig config = TrainConfig.of(Map.of("model", "resnet20", "dataset", "sample", "epochs", 2,
                "batch-size", 16, "lr", 1e5, "weight-decay", 0.0, "milestones", List.of(), "seed", 7, "threads", 1));
        TrainingStoppedException e = assertThrows(TrainingStoppedException.class,
                () -> Runs.start(config, TrainingRunTest.data(), tmp.resolve("nan"), false, Progress.silent()));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        assertTrue(e.getMessage().contains("in epoch 1, step") || e.getMessage().contains("evaluation after epoch 1"),
                e.getMessage());
        assertEquals("stopped", new RunDirectory.Reader(tmp.resolve("nan")).info().status());
    }
}
