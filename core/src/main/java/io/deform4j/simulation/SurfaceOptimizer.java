package io.deform4j.simulation;

/**
 * An optimizer for the two parameters of a {@link Surface}, with the semantics of
 * {@code torch.optim} so that a run can be checked against PyTorch step by step. The
 * configuration is an immutable record; {@link #start()} gives the mutable state of one run
 * (momentum buffer, moment estimates, step count), and the learning rate of each step comes
 * from a {@link Schedule}. The gradient handed to {@link State#step} is already the gradient
 * of the deformed loss, δ'(ℓ)·∇ℓ.
 */
public sealed interface SurfaceOptimizer permits SurfaceOptimizer.Sgd, SurfaceOptimizer.Adam {

    /** A fresh state for one run. */
    State start();

    /** The optimizer in words, e.g. {@code SGD(momentum=0.9)}. */
    String describe();

    /** Plain gradient descent: {@code p ← p − η·g}. */
    static Sgd gd() {
        return new Sgd(0, false, 0);
    }

    /** Gradient descent with (heavy-ball) momentum μ, as {@code torch.optim.SGD(momentum=μ)}. */
    static Sgd momentum(double mu) {
        return new Sgd(mu, false, 0);
    }

    /** The state of one run: updates the parameters in place. */
    interface State {
        /**
         * One update of {@code p} (length 2, changed in place) from the gradient {@code g}.
         *
         * @param p the parameters
         * @param g the gradient of the (deformed) loss at p; not changed
         * @param lr the learning rate of this step
         */
        void step(double[] p, double[] g, double lr);
    }

    /**
     * {@code torch.optim.SGD} with dampening 0:
     * <pre>
     * g ← g + λ·p                       (weight decay λ, default 0)
     * b ← g on the first step, else b ← μ·b + g
     * d ← g + μ·b if Nesterov, else b   (d = g when μ = 0)
     * p ← p − η·d
     * </pre>
     * The momentum buffer starts at the gradient, not at zero (PyTorch's convention, unlike
     * Sutskever et al.'s).
     *
     * @param momentum μ ≥ 0; 0 is plain gradient descent
     * @param nesterov Nesterov momentum (needs μ &gt; 0)
     * @param weightDecay λ ≥ 0, added to the gradient
     */
    record Sgd(double momentum, boolean nesterov, double weightDecay) implements SurfaceOptimizer {
        public Sgd {
            if (!(momentum >= 0) || !Double.isFinite(momentum)) {
                throw new IllegalArgumentException("momentum must be a finite number >= 0, got " + momentum);
            }
            if (nesterov && momentum == 0) {
                throw new IllegalArgumentException("Nesterov momentum needs momentum > 0, got 0");
            }
            if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
                throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
            }
        }

        @Override
        public State start() {
            double[] buffer = new double[2];
            boolean[] first = {true};
            return (p, g, lr) -> {
                for (int i = 0; i < 2; i++) {
                    double d = g[i] + weightDecay * p[i];
                    if (momentum != 0) {
                        buffer[i] = first[0] ? d : momentum * buffer[i] + d;
                        d = nesterov ? d + momentum * buffer[i] : buffer[i];
                    }
                    p[i] -= lr * d;
                }
                first[0] = false;
            };
        }

        @Override
        public String describe() {
            return momentum == 0 ? "GD" : "SGD(momentum=" + momentum + (nesterov ? ", nesterov" : "") + ")"
                    + (weightDecay == 0 ? "" : " weight decay " + weightDecay);
        }
    }

    /**
     * {@code torch.optim.Adam} (amsgrad off), at step t = 1, 2, …:
     * <pre>
     * g ← g + λ·p
     * m ← β1·m + (1 − β1)·g;   v ← β2·v + (1 − β2)·g²       (m = v = 0 before the first step)
     * p ← p − (η / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
     * </pre>
     * written in PyTorch's order of operations so that results agree to rounding.
     *
     * @param beta1 β1 in [0, 1), default {@value #DEFAULT_BETA1}
     * @param beta2 β2 in [0, 1), default {@value #DEFAULT_BETA2}
     * @param eps ε &gt; 0, default {@value #DEFAULT_EPS}
     * @param weightDecay λ ≥ 0 (L2, added to the gradient as in {@code Adam}, not {@code AdamW})
     */
    record Adam(double beta1, double beta2, double eps, double weightDecay) implements SurfaceOptimizer {
        public static final double DEFAULT_BETA1 = 0.9;
        public static final double DEFAULT_BETA2 = 0.999;
        public static final double DEFAULT_EPS = 1e-8;

        public Adam {
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
            }
            if (!(eps > 0)) {
                throw new IllegalArgumentException("Adam eps must be > 0, got " + eps);
            }
            if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
                throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
            }
        }

        /** PyTorch's defaults: β = (0.9, 0.999), ε = 1e−8, no weight decay. */
        public static Adam defaults() {
            return new Adam(DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, 0);
        }

        @Override
        public State start() {
            double[] m = new double[2];
            double[] v = new double[2];
            int[] t = {0};
            return (p, g, lr) -> {
                t[0]++;
                double bias1 = 1 - Math.pow(beta1, t[0]);
                double bias2 = 1 - Math.pow(beta2, t[0]);
                double stepSize = lr / bias1;
                double bias2Sqrt = Math.sqrt(bias2);
                for (int i = 0; i < 2; i++) {
                    double d = g[i] + weightDecay * p[i];
                    m[i] = beta1 * m[i] + (1 - beta1) * d;
                    v[i] = beta2 * v[i] + (1 - beta2) * d * d;
                    double denominator = Math.sqrt(v[i]) / bias2Sqrt + eps;
                    p[i] -= stepSize * m[i] / denominator;
                }
            };
        }

        @Override
        public String describe() {
            return "Adam(betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ")"
                    + (weightDecay == 0 ? "" : " weight decay " + weightDecay);
        }
    }
}
