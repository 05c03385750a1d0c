package io.deform4j.optim;

import java.util.List;

/**
 * The one table of worked optimizer cases: {@code ArrayOptimizerTest} checks the pure references
 * {@link SgdMath} and {@link AdamMath} against it in double precision, and the tensor optimizers
 * of the training module check themselves against the same rows in float32. Every case starts from p₀ = (1, −2) with η = 0.1 and the gradients
 * ∇₁ = (0.5, −1), ∇₂ = (0.25, 0.5), ∇₃ = (−1, 0) (taken as given, not as a function of p), and
 * lists p₁, p₂, p₃ worked out by hand from {@code torch.optim}'s update rules; the working is in
 * the comments. The SGD and Adam numbers also come out of {@code torch.optim.SGD}/{@code Adam}
 * (checked by hand with PyTorch 1.13.1 in float64; the tests need no Python).
 */
public final class OptimizerCases {

    /** p₀. */
    public static final double[] START = {1.0, -2.0};
    /** ∇₁, ∇₂, ∇₃. */
    public static final double[][] GRADS = {{0.5, -1.0}, {0.25, 0.5}, {-1.0, 0.0}};
    /** η of every step. */
    public static final double LR = 0.1;

    /**
     * One row: an optimizer's settings and the parameters after each of the three steps.
     *
     * @param name     what the row shows
     * @param config   the settings
     * @param expected p₁, p₂, p₃
     */
    public record Case(String name, OptimizerConfig config, double[][] expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code torch.optim.SGD}: plain, momentum, Nesterov, weight decay, dampening. */
    private static final List<Case> SGD = List.of(
            // p ← p − η∇:  p₁ = (1 − 0.05, −2 + 0.1) = (0.95, −1.9)
            //              p₂ = (0.95 − 0.025, −1.9 − 0.05) = (0.925, −1.95)
            //              p₃ = (0.925 + 0.1, −1.95 − 0) = (1.025, −1.95)
            new Case("plain SGD", SgdConfig.PLAIN, new double[][] {{0.95, -1.9}, {0.925, -1.95}, {1.025, -1.95}}),
            // μ = 0.9. b₁ = ∇₁ = (0.5, −1) (PyTorch: no zero start), p₁ = (0.95, −1.9)
            // b₂ = 0.9·(0.5, −1) + (0.25, 0.5) = (0.7, −0.4),       p₂ = (0.95 − 0.07, −1.9 + 0.04) = (0.88, −1.86)
            // b₃ = 0.9·(0.7, −0.4) + (−1, 0) = (−0.37, −0.36),     p₃ = (0.88 + 0.037, −1.86 + 0.036) = (0.917, −1.824)
            new Case("momentum: the buffer starts at the first gradient", SgdConfig.momentum(0.9, 0),
                    new double[][] {{0.95, -1.9}, {0.88, -1.86}, {0.917, -1.824}}),
            // b as above; step direction g + μb:
            // d₁ = (0.5, −1) + 0.9·(0.5, −1) = (0.95, −1.9),          p₁ = (0.905, −1.81)
            // d₂ = (0.25, 0.5) + 0.9·(0.7, −0.4) = (0.88, 0.14),      p₂ = (0.817, −1.824)
            // d₃ = (−1, 0) + 0.9·(−0.37, −0.36) = (−1.333, −0.324),   p₃ = (0.9503, −1.7916)
            new Case("Nesterov", SgdConfig.nesterov(0.9, 0),
                    new double[][] {{0.905, -1.81}, {0.817, -1.824}, {0.9503, -1.7916}}),
            // λ = 0.1, μ = 0.9, Nesterov.
            // g₁ = (0.5, −1) + 0.1·(1, −2) = (0.6, −1.2); b₁ = g₁; d₁ = 1.9·g₁ = (1.14, −2.28); p₁ = (0.886, −1.772)
            // g₂ = (0.25, 0.5) + 0.1·p₁ = (0.3386, 0.3228); b₂ = 0.9·b₁ + g₂ = (0.8786, −0.7572)
            //   d₂ = g₂ + 0.9·b₂ = (1.12934, −0.35868); p₂ = (0.773066, −1.736132)
            // g₃ = (−1, 0) + 0.1·p₂ = (−0.9226934, −0.1736132); b₃ = 0.9·b₂ + g₃ = (−0.1319534, −0.8550932)
            //   d₃ = g₃ + 0.9·b₃ = (−1.04145146, −0.94319708); p₃ = (0.877211146, −1.641812292)
            new Case("Nesterov with weight decay", SgdConfig.nesterov(0.9, 0.1),
                    new double[][] {{0.886, -1.772}, {0.773066, -1.736132}, {0.877211146, -1.641812292}}),
            // μ = 0.9, dampening 0.5. b₁ = ∇₁ (undamped), p₁ = (0.95, −1.9)
            // b₂ = 0.9·(0.5, −1) + 0.5·(0.25, 0.5) = (0.575, −0.65),   p₂ = (0.8925, −1.835)
            // b₃ = 0.9·(0.575, −0.65) + 0.5·(−1, 0) = (0.0175, −0.585), p₃ = (0.89075, −1.7765)
            new Case("dampening is not applied on the first step", new SgdConfig(0.9, 0.5, 0, false),
                    new double[][] {{0.95, -1.9}, {0.8925, -1.835}, {0.89075, -1.7765}}));

    /**
     * {@code torch.optim.Adam} and {@code AdamW} (β = (0.9, 0.999), ε = 1e-8), with t the step:
     * bias corrections 1 − 0.9ᵗ = 0.1, 0.19, 0.271 and 1 − 0.999ᵗ = 0.001, 0.001999, 0.002997001.
     */
    private static final List<Case> ADAM = List.of(
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
            new Case("Adam, PyTorch's defaults", AdamConfig.adam(), new double[][] {
                {0.900000002, -1.900000001},
                {0.8067820404774617, -1.873366297370903},
                {0.8274177428854108, -1.8527783673314503}}),
            // λ = 0.1 added to the gradient: g₁ = ∇₁ + 0.1·p₀ = (0.6, −1.2): p₁ = p₀ − 0.1·g₁/(|g₁| + ε)
            //      = (0.9000000016667, −1.9000000008333)
            // t=2: g₂ = (0.25, 0.5) + 0.1·p₁ = (0.3400000002, 0.3099999999); m = (0.0880000000167, −0.0770000000083)
            //      v = (4.7524000011e-4, 1.53465999995e-3); p₂ = (0.80500976586…, −1.85374726464…)
            // t=3: g₃ = (−0.91949902341…, −0.18537472646…); m = (−0.01274990233…, −0.08783747265…)
            //      v = (1.32024321417e-3, 1.56748912916e-3); p₃ = (0.81209826077…, −1.80892934334…)
            new Case("Adam, weight decay added to the gradient", AdamConfig.adam(0.9, 0.999, 1e-8, 0.1),
                    new double[][] {
                        {0.9000000016666666, -1.9000000008333333},
                        {0.8050097658613193, -1.8537472646427606},
                        {0.8120982607786766, -1.8089293433495804}}),
            // AdamW, λ = 0.1: p ← p·(1 − ηλ) = 0.99·p, then Adam's step on the raw gradient. The moments do
            // not see p, so each step adds the same Δₜ as plain Adam above (Δₜ = pₜ − pₜ₋₁ of that row):
            //   Δ₁ = (−0.099999998, 0.099999999), Δ₂ = (−0.0932179615225383, 0.026633703629097),
            //   Δ₃ = (0.0206357024079491, 0.0205879300394527)
            // p₁ = 0.99·(1, −2) + Δ₁ = (0.890000002, −1.880000001)
            // p₂ = 0.99·p₁ + Δ₂ = (0.88110000198 − 0.0932179615225383, −1.86120000099 + 0.026633703629097)
            //    = (0.7878820404574617, −1.834566297360903)
            // p₃ = 0.99·p₂ + Δ₃ = (0.7800032200528871 + 0.0206357024079491, −1.8162206343872939 + 0.0205879300394527)
            //    = (0.8006389224608362, −1.7956327043478412)
            new Case("AdamW, decoupled weight decay", AdamConfig.adamW(0.9, 0.999, 1e-8, 0.1),
                    new double[][] {
                        {0.890000002, -1.880000001},
                        {0.7878820404574617, -1.834566297360903},
                        {0.8006389224608362, -1.7956327043478412}}),
            // AdamW with PyTorch's defaults, λ = 0.01: p ← 0.999·p, then the same Δₜ:
            // p₁ = (0.999 − 0.099999998, −1.998 + 0.099999999) = (0.899000002, −1.898000001)
            // p₂ = 0.999·p₁ + Δ₂ = (0.898101001998 − 0.0932179615225383, −1.896102000999 + 0.026633703629097)
            //    = (0.8048830404754617, −1.869468297369903)
            // p₃ = 0.999·p₂ + Δ₃ = (0.8040781574349862 + 0.0206357024079491, −1.8675988290725331 + 0.0205879300394527)
            //    = (0.8247138598429353, −1.8470108990330804)
            new Case("AdamW, PyTorch's defaults", AdamConfig.adamW(), new double[][] {
                {0.899000002, -1.898000001},
                {0.8048830404754617, -1.869468297369903},
                {0.8247138598429353, -1.8470108990330804}}));

    /** Every row, SGD first. */
    public static final List<Case> ALL = List.of(SGD, ADAM).stream().flatMap(List::stream).toList();

    private OptimizerCases() {
    }
}
