package io.deform4j.optim;

/**
 * The Adam update of {@code torch.optim.Adam} on plain arrays: the reference the tensor
 * implementation ({@link Adam}) is tested against. With t the 1-based step count:
 *
 * <pre>
 * g ← ∇ + λ·p                            (weight decay, L2 as PyTorch's Adam)
 * m ← β₁·m + (1 − β₁)·g                  (m₀ = 0)
 * v ← β₂·v + (1 − β₂)·g²                 (v₀ = 0)
 * p ← p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 */
public final class AdamMath {

    private AdamMath() {
    }

    /**
     * One step, in place.
     *
     * @param params p, updated in place
     * @param grads  ∇ (not modified)
     * @param m      first moment, updated in place (zeros before the first step)
     * @param v      second moment, updated in place (zeros before the first step)
     * @param step   t, the 1-based number of this step
     * @param lr     η > 0
     * @param config β₁, β₂, ε, λ
     */
    public static void step(double[] params, double[] grads, double[] m, double[] v, long step,
            double lr, AdamConfig config) {
        Checks.learningRate(lr);
        Checks.sameLength(params, grads, m, v);
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, got " + step);
        }
        double b1 = config.beta1();
        double b2 = config.beta2();
        double stepSize = lr / (1 - Math.pow(b1, step));
        double correction2 = Math.sqrt(1 - Math.pow(b2, step));
        for (int i = 0; i < params.length; i++) {
            double g = grads[i] + config.weightDecay() * params[i];
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            params[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / correction2 + config.eps());
        }
    }
}
