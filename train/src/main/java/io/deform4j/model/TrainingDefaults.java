package io.deform4j.model;

import io.deform4j.optim.MultiStepLR;
import io.deform4j.optim.SgdConfig;
import java.util.List;

/**
 * The training settings of one model as the paper ran it (Table 4, CIFAR-10/100): SGD with
 * Nesterov momentum, step decay of the learning rate by {@code gamma} at each milestone epoch.
 *
 * @param epochs       number of epochs (Table 4: 250)
 * @param batchSize    mini-batch size (Table 4: 128)
 * @param lr           initial learning rate η₀ (Table 4: 0.1)
 * @param milestones   epochs (0-based, strictly increasing, positive) at which η is multiplied
 *                     by {@code gamma}, as {@code torch.optim.lr_scheduler.MultiStepLR}
 * @param weightDecay  L2 weight decay λ, applied by the optimizer (not deformed)
 * @param momentum     SGD momentum μ (default {@value #DEFAULT_MOMENTUM})
 * @param nesterov     whether SGD uses Nesterov momentum (default true)
 * @param gamma        multiplicative decay at each milestone (default {@value #DEFAULT_GAMMA})
 */
public record TrainingDefaults(int epochs, int batchSize, double lr, List<Integer> milestones,
        double weightDecay, double momentum, boolean nesterov, double gamma) {

    /** SGD momentum of every CIFAR run in the paper. */
    public static final double DEFAULT_MOMENTUM = 0.9;
    /** Learning-rate decay factor at each milestone (the paper: "multiplied by 0.1"). */
    public static final double DEFAULT_GAMMA = 0.1;

    /** Table 4, ResNet-20 and ResNet-110 (used for every CIFAR ResNet depth). */
    public static final TrainingDefaults RESNET_CIFAR =
            TrainingDefaults.of(250, 128, 0.1, List.of(150, 225), 5e-4);
    /** Table 4, PreResNet-20 and PreResNet-110. */
    public static final TrainingDefaults PRERESNET_CIFAR =
            TrainingDefaults.of(250, 128, 0.1, List.of(100, 150, 200), 1e-4);

    /** Validates every field; the message names the offending value. */
    public TrainingDefaults {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
        milestones = List.copyOf(milestones);
        // The schedule and the optimizer own the rules for their settings; building them checks.
        new MultiStepLR(lr, milestones, gamma);
        new SgdConfig(momentum, 0, weightDecay, nesterov);
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
        }
    }

    /** Table-4 style settings with momentum 0.9, Nesterov and γ = 0.1. */
    public static TrainingDefaults of(int epochs, int batchSize, double lr, List<Integer> milestones,
            double weightDecay) {
        return new TrainingDefaults(epochs, batchSize, lr, milestones, weightDecay,
                DEFAULT_MOMENTUM, true, DEFAULT_GAMMA);
    }

    /** The optimizer of these settings: SGD with μ, dampening 0, λ and Nesterov as given. */
    public SgdConfig sgd() {
        return new SgdConfig(momentum, 0, weightDecay, nesterov);
    }

    /** The learning-rate schedule of these settings: lr(epoch) = lr·γ^#{milestones ≤ epoch}. */
    public MultiStepLR schedule() {
        return new MultiStepLR(lr, milestones, gamma);
    }

    /** A copy with another number of epochs (milestones unchanged). */
    public TrainingDefaults withEpochs(int value) {
        return new TrainingDefaults(value, batchSize, lr, milestones, weightDecay, momentum, nesterov, gamma);
    }

    /** A copy with another batch size. */
    public TrainingDefaults withBatchSize(int value) {
        return new TrainingDefaults(epochs, value, lr, milestones, weightDecay, momentum, nesterov, gamma);
    }

    /** A copy with another initial learning rate. */
    public TrainingDefaults withLr(double value) {
        return new TrainingDefaults(epochs, batchSize, value, milestones, weightDecay, momentum, nesterov, gamma);
    }

    /** A copy with other milestones. */
    public TrainingDefaults withMilestones(List<Integer> value) {
        return new TrainingDefaults(epochs, batchSize, lr, value, weightDecay, momentum, nesterov, gamma);
    }

    /** A copy with another weight decay. */
    public TrainingDefaults withWeightDecay(double value) {
        return new TrainingDefaults(epochs, batchSize, lr, milestones, value, momentum, nesterov, gamma);
    }
}
