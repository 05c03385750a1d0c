package io.deform4j.optim.tensor;

import ai.djl.ndarray.NDArray;
import io.deform4j.optim.SgdConfig;

/**
 * SGD exactly as {@code torch.optim.SGD} (PyTorch 1.4 … 2.x, {@code maximize=False}),
 * updating DJL parameters in place, float32, grad mode off. Per parameter p with gradient ∇:
 *
 * <pre>
 * g ← ∇ + λ·p                                   weight decay λ (skipped when λ = 0)
 * if μ ≠ 0:
 *     b ← clone(g)                  on the parameter's first step (PyTorch's convention)
 *     b ← μ·b + (1 − dampening)·g   afterwards
 *     g ← g + μ·b   if nesterov, else   g ← b
 * p ← p − η·g
 * </pre>
 *
 * The buffer b starts at the first gradient, not at zero, so the first step equals a plain SGD
 * step (textbook momentum starts at b = 0). The pure reference is
 * {@link io.deform4j.optim.SgdMath}; construct with {@link Optimizer#of}.
 */
final class Sgd extends TensorOptimizer {

    private final SgdConfig config;

    Sgd(SgdConfig config) {
        super(config);
        this.config = config;
    }

    @Override
    double[] hyperParameters() {
        return new double[] {config.momentum(), config.dampening(), config.weightDecay(),
            config.nesterov() ? 1 : 0};
    }

    @Override
    int slotCount() {
        return config.momentum() == 0 ? 0 : 1;
    }

    @Override
    void update(String name, NDArray weight, NDArray grad, double lr, State state) {
        float eta = (float) lr;
        float mu = (float) config.momentum();
        // g is a temporary this method owns: λ·p + ∇ (addition commutes, so this is ∇ + λ·p to the
        // bit), or a copy of ∇. Reusing it in place saves two allocations per parameter.
        NDArray g = config.weightDecay() != 0 ? weight.mul((float) config.weightDecay()).addi(grad) : grad.duplicate();
        try {
            NDArray direction = g;
            if (mu != 0) {
                NDArray buffer;
                if (state == null) {
                    buffer = newState(name, g.duplicate()).slots[0];
                } else {
                    buffer = state.slots[0];
                    buffer.muli(mu);
                    if (config.dampening() != 0) {
                        try (NDArray damped = g.mul((float) (1 - config.dampening()))) {
                            buffer.addi(damped);
                        }
                    } else {
                        buffer.addi(g);
                    }
                }
                if (config.nesterov()) {
                    try (NDArray look = buffer.mul(mu)) {
                        g.addi(look);
                    }
                } else {
                    direction = buffer;
                }
            }
            if (direction == g) {
                weight.subi(g.muli(eta)); // g is ours: η·g in place
            } else {
                try (NDArray delta = direction.mul(eta)) {
                    weight.subi(delta);
                }
            }
        } finally {
            g.close();
        }
    }
}
