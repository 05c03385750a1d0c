package io.deform4j.optim;

/**
 * The update of {@code torch.optim.Adam} and {@code torch.optim.AdamW} on plain arrays: the
 * reference the tensor implementation is tested against, and the optimizer of the 2-parameter
 * simulations. With t the 1-based step count:
 *
 * <pre>
 * p ← p·(1 − η·λ)                        (AdamW only: decoupled weight decay)
 * g ← ∇ + λ·p                            (Adam only: weight decay as L2, PyTorch's Adam)
 * g ← ∇                                  (AdamW)
 * m ← β₁·m + (1 − β₁)·g                  (m₀ = 0)
 * v ← β₂·v + (1 − β₂)·g²                 (v₀ = 0)
 * p ← p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * The last line is PyTorch's order of operations (step size, then the bias-corrected
 * denominator), so that results agree with it to rounding.
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
     * @param lr     η &gt; 0
     * @param config β₁, β₂, ε, λ and whether λ is decoupled
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
        double decay = config.decoupled() ? 1 - lr * config.weightDecay() : 1;
        double l2 = config.decoupled() ? 0 : config.weightDecay();
        for (int i = 0; i < params.length; i++) {
            params[i] *= decay;
            double g = grads[i] + l2 * params[i];
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            params[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / correction2 + config.eps());
        }
    }
}
