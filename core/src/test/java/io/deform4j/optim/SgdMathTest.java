package io.deform4j.optim;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link SgdMath}'s contract and {@link SgdConfig}'s checks; its numbers are checked against the
 * hand-worked rows of {@link OptimizerCases} by {@link ArrayOptimizerTest}.
 */
class SgdMathTest {

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
