package io.deform4j.model;

/**
 * What the registry knows about one model, without building it.
 *
 * @param name        registry name, e.g. {@code resnet20}
 * @param family      family name, e.g. {@code resnet} (CIFAR), {@code preresnet}, {@code resnet_imagenet},
 *                    {@code efficientnet} or {@code se_resnext}
 * @param depth       the depth in the model's name (6n + 2 for the CIFAR ResNets, 18, 29, …); for the
 *                    EfficientNets their number of MBConv blocks (B0 16, B1 23)
 * @param description one line for listings
 * @param defaults    training settings of the paper's Table 4 (CIFAR) or Table 5 (ImageNet)
 * @param imageSize   height and width of the images of those settings' data: 32 (CIFAR) or 224
 *                    (ImageNet); the model is built for it unless told otherwise
 */
public record ModelInfo(String name, String family, int depth, String description,
        TrainingDefaults defaults, int imageSize) {
}
