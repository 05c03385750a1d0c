package io.deform4j.simulation;

import io.deform4j.optim.AdamConfig;
import io.deform4j.optim.ArrayOptimizer;
import io.deform4j.optim.OptimizerConfig;
import io.deform4j.optim.SgdConfig;

/**
 * The optimizer of a 2-parameter simulation: any {@link OptimizerConfig} ({@code torch.optim}'s
 * SGD, Adam or AdamW), so that a run can be checked against PyTorch step by step. The update
 * rules are {@link io.deform4j.optim.SgdMath} and {@link io.deform4j.optim.AdamMath};
 * {@link #start()} gives the mutable state of one run. The gradient handed to each step is
 * already the gradient of the deformed loss, δ'(ℓ)·∇ℓ, and the learning rate of step k comes
 * from a {@link io.deform4j.optim.MultiStepLR} with one epoch = one step.
 *
 * @param config the optimizer's settings
 */
public record SurfaceOptimizer(OptimizerConfig config) {

    public SurfaceOptimizer {
        if (config == null) {
            throw new IllegalArgumentException("a surface optimizer needs settings (SGD, Adam or AdamW), got null");
        }
    }

    /** Plain gradient descent: {@code p ← p − η·g}. */
    public static SurfaceOptimizer gd() {
        return new SurfaceOptimizer(SgdConfig.PLAIN);
    }

    /** Gradient descent with (heavy-ball) momentum μ, as {@code torch.optim.SGD(momentum=μ)}. */
    public static SurfaceOptimizer momentum(double mu) {
        return new SurfaceOptimizer(SgdConfig.momentum(mu, 0));
    }

    /** A fresh state for one run. */
    public ArrayOptimizer start() {
        return new ArrayOptimizer(config);
    }

    /**
     * The optimizer in words: {@code GD}, {@code SGD(momentum=0.9, nesterov)},
     * {@code Adam(betas=(0.9, 0.999), eps=1.0E-8)} or {@code AdamW(…)}, followed by
     * {@code weight decay λ} when λ ≠ 0.
     */
    public String describe() {
        String name;
        if (config instanceof SgdConfig sgd) {
            name = sgd.momentum() == 0 ? "GD" : "SGD(momentum=" + sgd.momentum()
                    + (sgd.dampening() == 0 ? "" : ", dampening=" + sgd.dampening())
                    + (sgd.nesterov() ? ", nesterov" : "") + ")";
        } else {
            AdamConfig adam = (AdamConfig) config;
            name = (adam.decoupled() ? "AdamW" : "Adam") + "(betas=(" + adam.beta1() + ", " + adam.beta2()
                    + "), eps=" + adam.eps() + ")";
        }
        return config.weightDecay() == 0 ? name : name + " weight decay " + config.weightDecay();
    }
}
