package io.deform4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link AdamMath} against the hand-worked Adam and AdamW rows of {@link OptimizerCases}, to 1e-12. */
class AdamMathTest {

    static List<OptimizerCases.Case> adamCases() {
        return OptimizerCases.ADAM;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adamCases")
    void threeStepsAsWorkedByHand(OptimizerCases.Case c) {
        double[] p = OptimizerCases.START.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 3; t++) {
            AdamMath.step(p, OptimizerCases.GRADS[t - 1], m, v, t, OptimizerCases.LR, (AdamConfig) c.config());
            assertArrayEquals(c.expected()[t - 1], p, SgdMathTest.TOL, "step " + t);
        }
    }

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
