package io.deform4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The first three steps of {@link SgdMath} against numbers worked out by hand from
 * {@code torch.optim.SGD}'s rule. Throughout: p₀ = (1, −2), η = 0.1, gradients
 * ∇₁ = (0.5, −1), ∇₂ = (0.25, 0.5), ∇₃ = (−1, 0). The same numbers come out of
 * {@code torch.optim.SGD} (checked by hand with PyTorch 1.13.1 in float64; the test needs no Python).
 */
class SgdMathTest {

    static final double[][] GRADS = {{0.5, -1.0}, {0.25, 0.5}, {-1.0, 0.0}};
    static final double LR = 0.1;
    static final double TOL = 1e-12;

    private static void assertSteps(SgdConfig config, double[][] expected) {
        double[] p = {1.0, -2.0};
        double[] buffer = null;
        for (int t = 0; t < 3; t++) {
            buffer = SgdMath.step(p, GRADS[t], buffer, LR, config);
            assertArrayEquals(expected[t], p, TOL, "step " + (t + 1));
        }
    }

    @Test
    void plain() {
        // p ← p − η∇:  p₁ = (1 − 0.05, −2 + 0.1) = (0.95, −1.9)
        //              p₂ = (0.95 − 0.025, −1.9 − 0.05) = (0.925, −1.95)
        //              p₃ = (0.925 + 0.1, −1.95 − 0) = (1.025, −1.95)
        assertSteps(SgdConfig.PLAIN, new double[][] {{0.95, -1.9}, {0.925, -1.95}, {1.025, -1.95}});
        double[] p = {1.0};
        assertNull(SgdMath.step(p, new double[] {1.0}, null, LR, SgdConfig.PLAIN), "no buffer when μ = 0");
    }

    @Test
    void momentumBufferStartsAtTheFirstGradient() {
        // μ = 0.9. b₁ = ∇₁ = (0.5, −1) (PyTorch: no zero start), p₁ = (0.95, −1.9)
        // b₂ = 0.9·(0.5, −1) + (0.25, 0.5) = (0.7, −0.4),       p₂ = (0.95 − 0.07, −1.9 + 0.04) = (0.88, −1.86)
        // b₃ = 0.9·(0.7, −0.4) + (−1, 0) = (−0.37, −0.36),     p₃ = (0.88 + 0.037, −1.86 + 0.036) = (0.917, −1.824)
        assertSteps(SgdConfig.momentum(0.9, 0), new double[][] {{0.95, -1.9}, {0.88, -1.86}, {0.917, -1.824}});
    }

    @Test
    void nesterov() {
        // b as above; step direction g + μb:
        // d₁ = (0.5, −1) + 0.9·(0.5, −1) = (0.95, −1.9),          p₁ = (0.905, −1.81)
        // d₂ = (0.25, 0.5) + 0.9·(0.7, −0.4) = (0.88, 0.14),      p₂ = (0.817, −1.824)
        // d₃ = (−1, 0) + 0.9·(−0.37, −0.36) = (−1.333, −0.324),   p₃ = (0.9503, −1.7916)
        assertSteps(SgdConfig.nesterov(0.9, 0), new double[][] {{0.905, -1.81}, {0.817, -1.824}, {0.9503, -1.7916}});
    }

    @Test
    void nesterovWithWeightDecay() {
        // λ = 0.1, μ = 0.9, Nesterov.
        // g₁ = (0.5, −1) + 0.1·(1, −2) = (0.6, −1.2); b₁ = g₁; d₁ = 1.9·g₁ = (1.14, −2.28); p₁ = (0.886, −1.772)
        // g₂ = (0.25, 0.5) + 0.1·p₁ = (0.3386, 0.3228); b₂ = 0.9·b₁ + g₂ = (0.8786, −0.7572)
        //   d₂ = g₂ + 0.9·b₂ = (1.12934, −0.35868); p₂ = (0.773066, −1.736132)
        // g₃ = (−1, 0) + 0.1·p₂ = (−0.9226934, −0.1736132); b₃ = 0.9·b₂ + g₃ = (−0.1319534, −0.8550932)
        //   d₃ = g₃ + 0.9·b₃ = (−1.04145146, −0.94319708); p₃ = (0.877211146, −1.641812292)
        assertSteps(SgdConfig.nesterov(0.9, 0.1), new double[][] {
            {0.886, -1.772}, {0.773066, -1.736132}, {0.877211146, -1.641812292}});
    }

    @Test
    void dampeningIsNotAppliedOnTheFirstStep() {
        // μ = 0.9, dampening 0.5. b₁ = ∇₁ (undamped), p₁ = (0.95, −1.9)
        // b₂ = 0.9·(0.5, −1) + 0.5·(0.25, 0.5) = (0.575, −0.65),   p₂ = (0.8925, −1.835)
        // b₃ = 0.9·(0.575, −0.65) + 0.5·(−1, 0) = (0.0175, −0.585), p₃ = (0.89075, −1.7765)
        assertSteps(new SgdConfig(0.9, 0.5, 0, false), new double[][] {
            {0.95, -1.9}, {0.8925, -1.835}, {0.89075, -1.7765}});
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
