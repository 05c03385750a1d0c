package io.deform4j.model;

import java.util.List;

/**
 * One model's row of the paper's training tables (Table 4, CIFAR-10/100; Table 5, ImageNet), as plain data: the
 * settings that differ from model to model. Each component is named as the training setting it
 * presets ({@code batchSize} is {@code --batch-size}); the settings' own declaration
 * ({@code TrainConfig} in the training package) validates them and holds everything the models share
 * (SGD with Nesterov momentum 0.9, γ = 0.1 at each milestone).
 *
 * @param epochs      number of epochs
 * @param batchSize   mini-batch size
 * @param lr          initial learning rate η₀
 * @param milestones  epochs at which η is multiplied by γ
 * @param weightDecay L2 weight decay λ
 */
public record TrainingDefaults(int epochs, int batchSize, double lr, List<Integer> milestones, double weightDecay) {

    /** Table 4, ResNet-20 and ResNet-110 (used for every CIFAR ResNet depth). */
    public static final TrainingDefaults RESNET_CIFAR = new TrainingDefaults(250, 128, 0.1, List.of(150, 225), 5e-4);
    /** Table 4, PreResNet-20 and PreResNet-110. */
    public static final TrainingDefaults PRERESNET_CIFAR =
            new TrainingDefaults(250, 128, 0.1, List.of(100, 150, 200), 1e-4);
    /** Table 4, EfficientNet-B0 and B1. */
    public static final TrainingDefaults EFFICIENTNET_CIFAR =
            new TrainingDefaults(250, 128, 0.1, List.of(150, 225), 1e-4);
    /** Table 4, SE-ResNeXt-29. */
    public static final TrainingDefaults SE_RESNEXT_CIFAR =
            new TrainingDefaults(300, 128, 0.1, List.of(150, 225), 5e-4);
    /** Table 5, every ImageNet model. */
    public static final TrainingDefaults IMAGENET =
            new TrainingDefaults(120, 256, 0.2, List.of(30, 60, 90), 1e-4);

    public TrainingDefaults {
        milestones = List.copyOf(milestones);
    }
}
