package io.deform4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gradient zeroing clears NaN and ∞; the finiteness check catches them. */
class GradientsTest {

    @BeforeAll
    static void engine() {
        EngineThreads.configure(1);
    }

    /** A 2→2 linear layer whose gradients hold {@code scale}·(its input), after one backward pass of sum(scale·y). */
    private static Block linearWithGradients(NDManager m, float scale) {
        Block block = Linear.builder().setUnits(2).build();
        block.initialize(m, DataType.FLOAT32, new Shape(1, 2));
        try (NDManager step = m.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray y = block.forward(new ParameterStore(step, false), new NDList(step.create(new float[] {1, 2},
                    new Shape(1, 2))), true).singletonOrThrow();
            c.backward(y.mul(scale).sum());
        }
        return block;
    }

    @Test
    void zeroingClearsNanAndInfinityWhereMultiplyingByZeroWouldNot() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = linearWithGradients(m, Float.NaN);
            NDArray weight = block.getParameters().get("weight").getArray();
            try (NDArray gradient = weight.getGradient()) {
                assertTrue(Float.isNaN(gradient.toFloatArray()[0]), "the test needs a NaN gradient");
                try (NDArray times0 = gradient.mul(0)) {
                    assertTrue(Float.isNaN(times0.toFloatArray()[0]), "NaN·0 is NaN");
                }
            }
            block.getParameters().forEach(p -> {
                Gradients.zero(p.getValue().getArray());
                try (NDArray gradient = p.getValue().getArray().getGradient()) {
                    assertArrayEquals(new float[(int) gradient.size()], gradient.toFloatArray(), p.getKey());
                }
            });
        }
    }

    @Test
    void zeroingAnArrayWithoutAGradientYetDoesNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2});
            a.setRequiresGradient(true);
            Gradients.zero(a);
            assertArrayEquals(new float[] {1, 2}, a.toFloatArray());
        }
    }

    @Test
    void requireFiniteNamesTheSumAndTheLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            Gradients.requireFinite(linearWithGradients(m, 1).getParameters(), m, 0.5);
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
                Block block = linearWithGradients(m, bad);
                ArithmeticException e = assertThrows(ArithmeticException.class,
                        () -> Gradients.requireFinite(block.getParameters(), m, 0.25));
                assertTrue(e.getMessage().contains("not finite") && e.getMessage().contains("at loss 0.25"),
                        e.getMessage());
            }
        }
    }
}
