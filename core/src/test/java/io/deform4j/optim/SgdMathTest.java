package io.deform4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SgdMath} against the hand-worked SGD rows of {@link OptimizerCases}, to 1e-12. */
class SgdMathTest {

    static final double TOL = 1e-12;

    static List<OptimizerCases.Case> sgdCases() {
        return OptimizerCases.SGD;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sgdCases")
    void threeStepsAsWorkedByHand(OptimizerCases.Case c) {
        double[] p = OptimizerCases.START.clone();
        double[] buffer = null;
        for (int t = 0; t < 3; t++) {
            buffer = SgdMath.step(p, OptimizerCases.GRADS[t], buffer, OptimizerCases.LR, (SgdConfig) c.config());
            assertArrayEquals(c.expected()[t], p, TOL, "step " + (t + 1));
        }
    }

    @Test
    void noBufferWithoutMomentum() {
        assertNull(SgdMath.step(new double[] {1.0}, new double[] {1.0}, null, 0.1, SgdConfig.PLAIN));
    }

    @Test
    void rejectsBadHyperParametersNamingTheValue() {
        assertMessage(() -> new SgdConfig(1.0, 0, 0, false), "momentum", "1.0");
        assertMessage(() -> new SgdConfig(-0.1, 0, 0, false), "momentum", "-0.1");
        assertMessage(() -> new SgdConfig(0.9, 0, -1e-4, false), "weightDecay", "-1.0E-4");
        assertMessage(() -> new SgdConfig(0, 0, 0, true), "Nesterov", "momentum 0.0");
        assertMessage(() -> new SgdConfig(0.9, 0.1, 0, true), "Nesterov", "dampening 0.1");
        assertMessage(() -> new SgdConfig(0.9, 1.5, 0, false), "dampening", "1.5");
        assertMessage(() -> SgdMath.step(new double[1], new double[1], null, 0, SgdConfig.PLAIN),
                "learning rate", "0.0");
        assertMessage(() -> SgdMath.step(new double[1], new double[2], null, 0.1, SgdConfig.PLAIN),
                "length", "2");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> e.getMessage() + " lacks " + part);
        }
    }
}
