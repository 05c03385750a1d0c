package io.deform4j.optim;

/**
 * One run of an optimizer on a {@code double[]} of parameters: {@link SgdMath} or
 * {@link AdamMath} together with the state they carry from step to step (the SGD momentum
 * buffer, Adam's moments and step count). The array counterpart of the training module's tensor
 * optimizers; the 2-parameter simulations run on it, and the tensor optimizers are tested
 * against it.
 *
 * <pre>{@code
 * ArrayOptimizer run = new ArrayOptimizer(SgdConfig.momentum(0.9, 0));
 * for (int k = 0; k < steps; k++) {
 *     run.step(p, gradient(p), schedule.lr(k));
 * }
 * }</pre>
 */
public final class ArrayOptimizer {

    private final OptimizerConfig config;
    /** SGD's momentum buffer; null before the first step (and always when μ = 0). */
    private double[] buffer;
    /** Adam's first and second moments; null before the first step. */
    private double[] m;
    private double[] v;
    private long steps;

    /** A fresh run: no state yet. */
    public ArrayOptimizer(OptimizerConfig config) {
        this.config = config;
    }

    /**
     * One update of {@code params} in place from {@code grads}, with learning rate {@code lr}.
     * The length of the arrays is fixed by the first step.
     *
     * @throws IllegalArgumentException if lr is not finite and positive, or the lengths differ
     */
    public void step(double[] params, double[] grads, double lr) {
        if (config instanceof SgdConfig sgd) {
            buffer = SgdMath.step(params, grads, buffer, lr, sgd);
        } else {
            if (m == null) {
                m = new double[params.length];
                v = new double[params.length];
            }
            AdamMath.step(params, grads, m, v, steps + 1, lr, (AdamConfig) config);
        }
        steps++;
    }
}
