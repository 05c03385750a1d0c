package io.deform4j.optim;

/**
 * Settings of {@code torch.optim.Adam(betas, eps, weight_decay)} and of
 * {@code torch.optim.AdamW(betas, eps, weight_decay)} (neither with AMSGrad); the learning rate
 * is passed to each step. The two differ only in how the weight decay λ acts (the update rule
 * is {@link AdamMath}):
 * <ul>
 *   <li>Adam adds λ·p to the gradient (L2 regularisation), so the decay passes through the
 *       moments and is rescaled by the adaptive denominator;</li>
 *   <li>AdamW decouples it (Loshchilov &amp; Hutter): p ← p·(1 − η·λ) before the Adam step,
 *       and the gradient is left alone.</li>
 * </ul>
 * Build with {@link #adam} or {@link #adamW}; their no-argument forms give PyTorch's defaults.
 *
 * @param beta1       β₁ in [0, 1), decay of the first moment (default {@value #DEFAULT_BETA1})
 * @param beta2       β₂ in [0, 1), decay of the second moment (default {@value #DEFAULT_BETA2})
 * @param eps         ε ≥ 0 added to the bias-corrected √v (default {@value #DEFAULT_EPS})
 * @param weightDecay λ ≥ 0 (Adam's default 0, AdamW's {@value #DEFAULT_ADAMW_WEIGHT_DECAY})
 * @param decoupled   true for AdamW's decoupled decay, false for Adam's L2 decay
 */
public record AdamConfig(double beta1, double beta2, double eps, double weightDecay, boolean decoupled)
        implements OptimizerConfig {

    /** PyTorch's default β₁. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** PyTorch's default β₂. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** PyTorch's default ε. */
    public static final double DEFAULT_EPS = 1e-8;
    /** {@code torch.optim.AdamW}'s default weight decay (Adam's is 0). */
    public static final double DEFAULT_ADAMW_WEIGHT_DECAY = 0.01;

    /** Validates as {@code torch.optim.Adam} and {@code AdamW} do. */
    public AdamConfig {
        Checks.unitInterval("beta1", beta1);
        Checks.unitInterval("beta2", beta2);
        Checks.nonNegative("eps", eps);
        Checks.nonNegative("weightDecay", weightDecay);
    }

    /** {@code torch.optim.Adam(betas=(β₁, β₂), eps=ε, weight_decay=λ)}: λ·p is added to the gradient. */
    public static AdamConfig adam(double beta1, double beta2, double eps, double weightDecay) {
        return new AdamConfig(beta1, beta2, eps, weightDecay, false);
    }

    /** {@code torch.optim.Adam()}: β = (0.9, 0.999), ε = 1e-8, no weight decay. */
    public static AdamConfig adam() {
        return adam(DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, 0);
    }

    /** {@code torch.optim.AdamW(betas=(β₁, β₂), eps=ε, weight_decay=λ)}: p ← p·(1 − η·λ) before each step. */
    public static AdamConfig adamW(double beta1, double beta2, double eps, double weightDecay) {
        return new AdamConfig(beta1, beta2, eps, weightDecay, true);
    }

    /** {@code torch.optim.AdamW()}: β = (0.9, 0.999), ε = 1e-8, λ = 0.01. */
    public static AdamConfig adamW() {
        return adamW(DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, DEFAULT_ADAMW_WEIGHT_DECAY);
    }

    /** {@code adamw} when the decay is decoupled, else {@code adam}. */
    @Override
    public String kind() {
        return decoupled ? "adamw" : "adam";
    }
}
