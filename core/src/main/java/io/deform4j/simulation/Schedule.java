package io.deform4j.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The learning rate of each step, as {@code torch.optim.lr_scheduler.MultiStepLR} with one
 * epoch = one step: {@code η_k = η₀·γ^(number of milestones ≤ k)} for the step k = 0, 1, …
 * (the closed form, so no hidden state). With milestones 150 and 225 and γ = 0.1, steps 0–149
 * use η₀, steps 150–224 use 0.1·η₀ and later steps 0.01·η₀, as in PyTorch when
 * {@code scheduler.step()} follows each epoch.
 *
 * @param lr η₀ &gt; 0
 * @param gamma γ &gt; 0, the factor at each milestone
 * @param milestones the steps where η is multiplied by γ, increasing
 */
public record Schedule(double lr, double gamma, List<Integer> milestones) {

    /** γ when none is given: 0.1, as in the paper's step decay. */
    public static final double DEFAULT_GAMMA = 0.1;

    public Schedule {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("the learning rate must be a finite number > 0, got " + lr);
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be a finite number > 0, got " + gamma);
        }
        milestones = List.copyOf(milestones);
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i) < 1 || (i > 0 && milestones.get(i) <= milestones.get(i - 1))) {
                throw new IllegalArgumentException("milestones must be increasing steps >= 1, got " + milestones);
            }
        }
    }

    /** A constant learning rate. */
    public static Schedule constant(double lr) {
        return new Schedule(lr, DEFAULT_GAMMA, List.of());
    }

    /** η₀ multiplied by γ at each milestone. */
    public static Schedule multiStep(double lr, double gamma, Integer... milestones) {
        return new Schedule(lr, gamma, new ArrayList<>(List.of(milestones)));
    }

    /** η for step {@code k} (0-based). */
    public double learningRate(int k) {
        int passed = 0;
        for (int m : milestones) {
            if (m <= k) {
                passed++;
            }
        }
        return lr * Math.pow(gamma, passed);
    }

    @Override
    public String toString() {
        return milestones.isEmpty() ? "lr " + lr : "lr " + lr + " x " + gamma + " at steps " + milestones;
    }
}
