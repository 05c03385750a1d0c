package io.deform4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference update rules, {@link SgdMath} and {@link AdamMath} (SGD, Adam, AdamW), run by
 * {@link ArrayOptimizer} with the state it keeps between steps, against every hand-worked row of
 * {@link OptimizerCases}, step by step, to 1e-12.
 */
class ArrayOptimizerTest {

    private static final double TOL = 1e-12;

    static List<OptimizerCases.Case> cases() {
        return OptimizerCases.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void threeStepsAsWorkedByHand(OptimizerCases.Case c) {
        ArrayOptimizer run = new ArrayOptimizer(c.config());
        double[] p = OptimizerCases.START.clone();
        for (int t = 0; t < 3; t++) {
            run.step(p, OptimizerCases.GRADS[t], OptimizerCases.LR);
            assertArrayEquals(c.expected()[t], p, TOL, "step " + (t + 1));
        }
    }
}
