package io.deform4j.optim;

import java.util.List;

/**
 * Step decay as {@code torch.optim.lr_scheduler.MultiStepLR}, in closed form:
 *
 * <pre>
 * lr(epoch) = lr₀ · γ^k,   k = bisect_right(milestones, epoch) = #{m ∈ milestones : m ≤ epoch}
 * </pre>
 *
 * {@code epoch} is the 0-based index of the epoch being trained (PyTorch's
 * {@code last_epoch} after {@code scheduler.step()} once per finished epoch): with milestones
 * {150, 225}, epochs 0–149 use lr₀, 150–224 use lr₀·γ and 225+ use lr₀·γ². The paper's Table 4
 * values: lr₀ = 0.1, γ = 0.1. A closed form of the epoch, so resuming needs no hidden state.
 * The 2-parameter simulations use it with one epoch = one step.
 *
 * @param initialLr  lr₀ &gt; 0
 * @param milestones positive, strictly increasing epochs (none: a constant learning rate)
 * @param gamma      γ &gt; 0, the factor at each milestone (PyTorch's default and the paper's:
 *                   {@value #DEFAULT_GAMMA})
 */
public record MultiStepLR(double initialLr, List<Integer> milestones, double gamma) {

    /** PyTorch's default γ, also the paper's ("multiplied by 0.1"). */
    public static final double DEFAULT_GAMMA = 0.1;

    /** Validates; the message names the offending value. */
    public MultiStepLR {
        Checks.learningRate(initialLr);
        milestones = List.copyOf(milestones);
        int previous = 0;
        for (int m : milestones) {
            if (m <= previous) {
                throw new IllegalArgumentException(
                        "milestones must be positive and strictly increasing, got " + milestones);
            }
            previous = m;
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        }
    }

    /** A constant learning rate: no milestones (γ = {@value #DEFAULT_GAMMA}, never applied). */
    public static MultiStepLR constant(double lr) {
        return new MultiStepLR(lr, List.of(), DEFAULT_GAMMA);
    }

    /** lr₀·γ^k for the 0-based {@code epoch}. */
    public double lr(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        return initialLr * Math.pow(gamma, decays(epoch));
    }

    /** k = bisect_right(milestones, epoch): how many milestones are ≤ epoch. */
    public int decays(int epoch) {
        int lo = 0;
        int hi = milestones.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (milestones.get(mid) <= epoch) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** E.g. {@code lr 0.2 x 0.1 at [150, 225]}, or {@code lr 0.02} when constant. */
    @Override
    public String toString() {
        return milestones.isEmpty() ? "lr " + initialLr : "lr " + initialLr + " x " + gamma + " at " + milestones;
    }
}
