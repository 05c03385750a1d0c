package io.deform4j.optim;

/**
 * Hyper-parameters of {@link Adam}, as {@code torch.optim.Adam(betas, eps, weight_decay)}
 * (not AMSGrad, not AdamW); the learning rate is passed to each step.
 *
 * @param beta1       β₁ in [0, 1), decay of the first moment (default 0.9)
 * @param beta2       β₂ in [0, 1), decay of the second moment (default 0.999)
 * @param eps         ε ≥ 0 added to the bias-corrected √v (default 1e-8)
 * @param weightDecay λ ≥ 0, added to the gradient as λ·p (L2, not decoupled)
 */
public record AdamConfig(double beta1, double beta2, double eps, double weightDecay) {

    /** PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8, no weight decay. */
    public static final AdamConfig DEFAULT = new AdamConfig(0.9, 0.999, 1e-8, 0);

    /** Validates as {@code torch.optim.Adam} does. */
    public AdamConfig {
        Checks.unitInterval("beta1", beta1);
        Checks.unitInterval("beta2", beta2);
        Checks.nonNegative("eps", eps);
        Checks.nonNegative("weightDecay", weightDecay);
    }

    /** A copy with another weight decay. */
    public AdamConfig withWeightDecay(double value) {
        return new AdamConfig(beta1, beta2, eps, value);
    }
}
