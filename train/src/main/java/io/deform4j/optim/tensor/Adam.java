package io.deform4j.optim.tensor;

import ai.djl.ndarray.NDArray;
import io.deform4j.optim.AdamConfig;

/**
 * Adam and AdamW exactly as {@code torch.optim.Adam} and {@code torch.optim.AdamW} (not
 * AMSGrad), updating DJL parameters in place, float32, grad mode off. Per parameter p with
 * gradient ∇ and its own step count t (1 on its first step):
 *
 * <pre>
 * p ← p·(1 − η·λ)                        AdamW only (decoupled weight decay)
 * g ← ∇ + λ·p                            Adam only (L2 weight decay); AdamW: g ← ∇
 * m ← β₁·m + (1 − β₁)·g                  m starts at 0
 * v ← β₂·v + (1 − β₂)·g²                 v starts at 0
 * p ← p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * The pure reference is {@link io.deform4j.optim.AdamMath}; construct with {@link Optimizer#of}.
 */
final class Adam extends TensorOptimizer {

    private final AdamConfig config;

    Adam(AdamConfig config) {
        super(config);
        this.config = config;
    }

    @Override
    double[] hyperParameters() {
        return new double[] {config.beta1(), config.beta2(), config.eps(), config.weightDecay()};
    }

    @Override
    int slotCount() {
        return 2;
    }

    @Override
    void update(String name, NDArray weight, NDArray grad, double lr, State state) {
        State s = state != null ? state : newState(name, weight.zerosLike(), weight.zerosLike());
        long t = s.steps + 1;
        double b1 = config.beta1();
        double b2 = config.beta2();
        NDArray m = s.slots[0];
        NDArray v = s.slots[1];
        if (config.decoupled() && config.weightDecay() != 0) {
            weight.muli((float) (1 - lr * config.weightDecay()));
        }
        try (NDArray g = grad.duplicate()) {
            if (!config.decoupled() && config.weightDecay() != 0) {
                try (NDArray decay = weight.mul((float) config.weightDecay())) {
                    g.addi(decay);
                }
            }
            m.muli((float) b1);
            try (NDArray part = g.mul((float) (1 - b1))) {
                m.addi(part);
            }
            v.muli((float) b2);
            try (NDArray square = g.mul(g)) {
                square.muli((float) (1 - b2));
                v.addi(square);
            }
            double stepSize = lr / (1 - Math.pow(b1, t));
            double correction2 = Math.sqrt(1 - Math.pow(b2, t));
            try (NDArray denom = v.sqrt()) {
                denom.divi((float) correction2).addi((float) config.eps());
                try (NDArray delta = m.div(denom)) {
                    delta.muli((float) stepSize);
                    weight.subi(delta);
                }
            }
        }
    }
}
