package io.deform4j.optim;

/**
 * The SGD update of {@code torch.optim.SGD} on plain arrays: the reference the tensor
 * implementation is tested against, and the optimizer of the 2-parameter simulations. For each
 * element:
 *
 * <pre>
 * g ← ∇ + λ·p                                    (weight decay)
 * if μ ≠ 0:
 *     b ← g                         on the first step (PyTorch's convention: no dampening, no zero start)
 *     b ← μ·b + (1 − dampening)·g   afterwards
 *     g ← g + μ·b   if nesterov, else   g ← b
 * p ← p − η·g
 * </pre>
 *
 * Note the buffer starts at the first gradient, not at zero (so the first step with momentum
 * equals a plain SGD step), as PyTorch, unlike the textbook b₀ = 0.
 */
public final class SgdMath {

    private SgdMath() {
    }

    /**
     * One step, in place.
     *
     * @param params   p, updated in place
     * @param grads    ∇ (not modified)
     * @param buffer   momentum buffer b, updated in place, or {@code null} on the first step
     * @param lr       η &gt; 0
     * @param config   μ, dampening, λ, nesterov
     * @return the momentum buffer after the step (new on the first step; {@code null} if μ = 0)
     */
    public static double[] step(double[] params, double[] grads, double[] buffer, double lr,
            SgdConfig config) {
        Checks.learningRate(lr);
        Checks.sameLength(params, grads, buffer);
        double mu = config.momentum();
        double[] b = buffer;
        if (mu != 0 && b == null) {
            b = new double[params.length];
        }
        for (int i = 0; i < params.length; i++) {
            double g = grads[i] + config.weightDecay() * params[i];
            if (mu != 0) {
                b[i] = buffer == null ? g : mu * b[i] + (1 - config.dampening()) * g;
                g = config.nesterov() ? g + mu * b[i] : b[i];
            }
            params[i] -= lr * g;
        }
        return b;
    }
}
