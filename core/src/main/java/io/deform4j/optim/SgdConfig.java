package io.deform4j.optim;

/**
 * Settings of {@code torch.optim.SGD(momentum, dampening, weight_decay, nesterov)}; the
 * learning rate is passed to each step by the schedule. The update rule is {@link SgdMath}.
 *
 * @param momentum    μ in [0, 1); 0 disables the momentum buffer
 * @param dampening   in [0, 1]; the new gradient enters the buffer with weight 1 − dampening
 * @param weightDecay λ ≥ 0, added to the gradient as λ·p (L2, PyTorch's {@code weight_decay})
 * @param nesterov    Nesterov momentum; requires μ &gt; 0 and dampening 0, as PyTorch
 */
public record SgdConfig(double momentum, double dampening, double weightDecay, boolean nesterov)
        implements OptimizerConfig {

    /** Plain SGD: no momentum, no weight decay. */
    public static final SgdConfig PLAIN = new SgdConfig(0, 0, 0, false);

    /** Validates as {@code torch.optim.SGD} does (and μ &lt; 1). */
    public SgdConfig {
        Checks.unitInterval("momentum", momentum);
        if (!(dampening >= 0 && dampening <= 1)) {
            throw new IllegalArgumentException("dampening must be in [0, 1], got " + dampening);
        }
        Checks.nonNegative("weightDecay", weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires momentum > 0 and zero "
                    + "dampening, got momentum " + momentum + " and dampening " + dampening);
        }
    }

    /** The paper's CIFAR setting: Nesterov momentum μ, dampening 0, weight decay λ. */
    public static SgdConfig nesterov(double momentum, double weightDecay) {
        return new SgdConfig(momentum, 0, weightDecay, true);
    }

    /** Classical (heavy-ball) momentum μ, dampening 0, weight decay λ. */
    public static SgdConfig momentum(double momentum, double weightDecay) {
        return new SgdConfig(momentum, 0, weightDecay, false);
    }

    /** {@code sgd}. */
    @Override
    public String kind() {
        return "sgd";
    }
}
