package io.deform4j.optim;

/**
 * The settings of an optimizer, without the learning rate (which a schedule gives each step):
 * {@link SgdConfig} for {@code torch.optim.SGD}, {@link AdamConfig} for {@code torch.optim.Adam}
 * and {@code torch.optim.AdamW}. A caller holds one of these to mean "an optimizer"; the update
 * rules are {@link SgdMath} and {@link AdamMath} on arrays ({@link ArrayOptimizer} keeps their
 * state) and the tensor optimizers of the training module.
 */
public sealed interface OptimizerConfig permits SgdConfig, AdamConfig {

    /** The optimizer's short name as {@code torch.optim} spells it in lower case: {@code sgd}, {@code adam} or {@code adamw}. */
    String kind();

    /** The weight decay λ ≥ 0 (0 = none); how it acts depends on the optimizer. */
    double weightDecay();
}
