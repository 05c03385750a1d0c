package io.deform4j.model;

/**
 * What the registry knows about one model, without building it.
 *
 * @param name        registry name, e.g. {@code resnet20}
 * @param family      family name, e.g. {@code resnet} or {@code preresnet}
 * @param depth       number of weighted layers (6n + 2 for the CIFAR families)
 * @param description one line for listings
 * @param defaults    training settings of the paper's Table 4
 */
public record ModelInfo(String name, String family, int depth, String description,
        TrainingDefaults defaults) {
}
