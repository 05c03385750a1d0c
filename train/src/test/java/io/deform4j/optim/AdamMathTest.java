package io.deform4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * The first three steps of {@link AdamMath} against numbers worked out from
 * {@code torch.optim.Adam}'s rule: p₀ = (1, −2), η = 0.1, β = (0.9, 0.999), ε = 1e-8, gradients
 * as in {@link SgdMathTest}. The same numbers come out of {@code torch.optim.Adam} (checked by
 * hand with PyTorch 1.13.1 in float64; the test needs no Python).
 */
class AdamMathTest {

    private static void assertSteps(AdamConfig config, double[][] expected) {
        double[] p = {1.0, -2.0};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 3; t++) {
            AdamMath.step(p, SgdMathTest.GRADS[t - 1], m, v, t, SgdMathTest.LR, config);
            assertArrayEquals(expected[t - 1], p, 1e-12, "step " + t);
        }
    }

    @Test
    void pytorchDefaults() {
        // t=1: m = 0.1·∇₁ = (0.05, −0.1), v = 0.001·∇₁² = (2.5e-4, 1e-3); m̂ = ∇₁, √v̂ = |∇₁|
        //      p₁ = p₀ − 0.1·∇₁/(|∇₁| + 1e-8) = (1 − 0.1·0.5/0.50000001, −2 + 0.1·1/1.00000001)
        //         = (0.900000002, −1.900000001)
        // t=2: m = 0.9·m + 0.1·(0.25, 0.5) = (0.07, −0.04); v = 0.999·v + 0.001·(0.0625, 0.25)
        //      = (3.1225e-4, 1.249e-3); m̂ = m/0.19 = (0.368421…, −0.210526…);
        //      √v̂ = √(v/0.001999) = (0.395225…, 0.790451…); p₂ = p₁ − 0.1·m̂/(√v̂ + ε)
        //      = (0.806782040477…, −1.873366297371…)
        // t=3: m = (−0.037, −0.036); v = (1.31193775e-3, 1.247751e-3); m̂ = m/0.271
        //      = (−0.136531…, −0.132841…); √v̂ = √(v/0.002997001) = (0.661627…, 0.645239…)
        //      p₃ = (0.827417742885…, −1.852778367331…)
        assertSteps(AdamConfig.DEFAULT, new double[][] {
            {0.900000002, -1.900000001},
            {0.8067820404774624, -1.873366297370903},
            {0.8274177428854115, -1.8527783673314504}});
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        // λ = 0.1: g₁ = ∇₁ + 0.1·p₀ = (0.6, −1.2): p₁ = p₀ − 0.1·g₁/(|g₁| + ε) = (0.9000000016667, −1.9000000008333)
        // t=2: g₂ = (0.25, 0.5) + 0.1·p₁ = (0.3400000002, 0.3099999999); m = (0.0880000000167, −0.0770000000083)
        //      v = (4.7524000011e-4, 1.53465999995e-3); p₂ = (0.80500976586…, −1.85374726464…)
        // t=3: p₃ = (0.81209826077…, −1.80892934334…)
        assertSteps(AdamConfig.DEFAULT.withWeightDecay(0.1), new double[][] {
            {0.9000000016666666, -1.9000000008333333},
            {0.8050097658613199, -1.8537472646427609},
            {0.8120982607786772, -1.8089293433495808}});
    }

    @Test
    void rejectsBadHyperParameters() {
        SgdMathTest.assertMessage(() -> new AdamConfig(1.0, 0.999, 1e-8, 0), "beta1", "1.0");
        SgdMathTest.assertMessage(() -> new AdamConfig(0.9, -0.5, 1e-8, 0), "beta2", "-0.5");
        SgdMathTest.assertMessage(() -> new AdamConfig(0.9, 0.999, -1, 0), "eps", "-1.0");
        SgdMathTest.assertMessage(() -> AdamMath.step(new double[1], new double[1], new double[1],
                new double[1], 0, 0.1, AdamConfig.DEFAULT), "step", "0");
    }
}
