package io.deform4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link AdamConfig}'s factories and checks and {@link AdamMath}'s argument checks; its numbers
 * (Adam and AdamW) are checked against the hand-worked rows of {@link OptimizerCases} by
 * {@link ArrayOptimizerTest}.
 */
class AdamMathTest {

    @Test
    void factoriesGivePyTorchsDefaults() {
        assertEquals(new AdamConfig(0.9, 0.999, 1e-8, 0, false), AdamConfig.adam());
        assertEquals(new AdamConfig(0.9, 0.999, 1e-8, 0.01, true), AdamConfig.adamW());
        assertEquals("adam", AdamConfig.adam().kind());
        assertEquals("adamw", AdamConfig.adamW().kind());
        assertEquals("sgd", SgdConfig.PLAIN.kind());
    }

    @Test
    void rejectsBadHyperParameters() {
        SgdMathTest.assertMessage(() -> AdamConfig.adam(1.0, 0.999, 1e-8, 0), "beta1", "1.0");
        SgdMathTest.assertMessage(() -> AdamConfig.adamW(0.9, -0.5, 1e-8, 0), "beta2", "-0.5");
        SgdMathTest.assertMessage(() -> AdamConfig.adam(0.9, 0.999, -1, 0), "eps", "-1.0");
        SgdMathTest.assertMessage(() -> AdamConfig.adamW(0.9, 0.999, 1e-8, -0.01), "weightDecay", "-0.01");
        SgdMathTest.assertMessage(() -> AdamMath.step(new double[1], new double[1], new double[1],
                new double[1], 0, 0.1, AdamConfig.adam()), "step", "0");
    }
}
