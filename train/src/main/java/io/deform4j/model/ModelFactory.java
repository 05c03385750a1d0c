package io.deform4j.model;

import ai.djl.nn.Block;
import java.util.List;
import java.util.function.IntFunction;

/** Builds one registered model for a number of classes, input channels and image size. */
@FunctionalInterface
interface ModelFactory {

    /**
     * A fresh, un-initialised block for {@code imageSize}×{@code imageSize} inputs (most models are
     * the same for every size); arguments are already validated by the registry.
     */
    Block create(int classes, int inputChannels, int imageSize);

    /** A registered model: what it is and how to build it. */
    record Entry(ModelInfo info, ModelFactory factory) {
    }

    /** Builds a family's network of a given depth. */
    @FunctionalInterface
    interface Builder {
        Block build(int depth, int classes, int inputChannels);
    }

    /** Entries {@code family + depth} (e.g. {@code resnet20}) for every depth, all with {@code defaults}, for CIFAR. */
    static List<Entry> family(String family, List<Integer> depths, IntFunction<String> description,
            TrainingDefaults defaults, Builder builder) {
        return depths.stream().map(depth -> new Entry(
                new ModelInfo(family + depth, family, depth, description.apply(depth), defaults, Models.IMAGE_SIZE),
                (classes, channels, imageSize) -> builder.build(depth, classes, channels))).toList();
    }
}
