package io.deform4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cross-entropy against values computed by hand. */
class CrossEntropyTest {

    @BeforeAll
    static void engine() {
        EngineThreads.configure(1);
    }

    /**
     * Row 1: logits (0, ln 3), softmax (1/4, 3/4), label 1: −ln(3/4) = ln(4/3). Row 2: logits
     * (5, 5), label 0: ln 2. Mean: (ln(4/3) + ln 2) / 2 = ln(8/3) / 2. The gradient with respect to
     * the logits is (softmax − one-hot) / N: (1/8, −1/8) and (−1/4, 1/4).
     */
    @Test
    void meanAndGradientAreTheClosedForms() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new double[] {0, Math.log(3), 5, 5}, new Shape(2, 2));
            logits.setRequiresGradient(true);
            NDArray labels = m.create(new int[] {1, 0}); // int32 labels are accepted as well
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = CrossEntropy.mean(logits, labels);
                assertEquals(new Shape(), loss.getShape());
                assertEquals(Math.log(8.0 / 3) / 2, loss.getDouble(), 1e-15);
                collector.backward(loss);
            }
            assertArrayEquals(new double[] {0.125, -0.125, -0.25, 0.25}, logits.getGradient().toDoubleArray(), 1e-15);
        }
    }

    /** log_softmax subtracts the largest logit: logits of 1000 do not overflow (float32: exp(1000) = ∞). */
    @Test
    void largeLogitsDoNotOverflow() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {1000, 0, 0, 1000}, new Shape(2, 2));
            NDArray labels = m.create(new long[] {1, 1});
            // row 1: 1000 + ln(1 + e^−1000) = 1000; row 2: ln(1 + e^−1000) = 0 in float32
            assertEquals(500f, CrossEntropy.mean(logits, labels).getFloat());
        }
    }

    /**
     * A confident prediction: −log softmax = ln(1 + e^−20) = 2.0611536e-9. float64 logits keep it
     * (what the evaluation computes in) to 1e-7 relative (log_softmax takes ln(1 + e^−20), not
     * log1p: the round-off of 1 + e^−20, 1.1e-16, is 5e-8 of it); in float32 1 + e^−20 rounds to 1
     * and the loss to 0.
     */
    @Test
    void float64LogitsKeepTheDigitsOfASmallLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {20, 0}, new Shape(1, 2));
            NDArray labels = m.create(new long[] {0});
            double exact = Math.log1p(Math.exp(-20));
            double wide = CrossEntropy.mean(logits.toType(DataType.FLOAT64, false), labels).getDouble();
            assertEquals(exact, wide, exact * 1e-7);
            assertEquals(0f, CrossEntropy.mean(logits, labels).getFloat(), 0f); // −0 in fact
        }
    }
}
