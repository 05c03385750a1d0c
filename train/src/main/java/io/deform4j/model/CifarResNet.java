package io.deform4j.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * CIFAR ResNet of He et al. (2016), as in CIFAR-ZOO's {@code models/resnet.py}: a 3×3 conv
 * (16 filters) + BN + ReLU stem, then 3 stages of n = (depth − 2)/6 basic blocks with 16, 32
 * and 64 channels (stride 2 at the first block of stages 2 and 3), global average pooling and a
 * fully connected layer.
 *
 * <p>Basic block: {@code relu(bn(conv3x3(relu(bn(conv3x3(x))))) + shortcut(x))}. The shortcut is
 * the identity, or, where the shape changes, a 1×1 convolution with the block's stride followed
 * by batch norm (He et al.'s option B, as CIFAR-ZOO; not the zero-padding option A of the
 * original paper, so ResNet-20 has 272,474 trainable parameters for 10 classes rather than
 * 269,722). Convolutions have no bias. CIFAR-ZOO ends with {@code AvgPool2d(8)}; global
 * average pooling is the same on 32×32 inputs and also accepts 28×28 (Fashion-MNIST).
 */
final class CifarResNet {

    /** Channels of the three stages. */
    static final List<Integer> STAGE_CHANNELS = List.of(16, 32, 64);

    /** The registered depths, as data. */
    static final List<Integer> DEPTHS = List.of(20, 32, 44, 56, 110);

    private CifarResNet() {
    }

    /** Registry entries for every depth in {@link #DEPTHS}. */
    static List<ModelFactory.Entry> entries() {
        return ModelFactory.family("resnet", DEPTHS,
                depth -> "CIFAR ResNet-" + depth + " (He et al. 2016; 1x1 conv+BN projection shortcuts)",
                TrainingDefaults.RESNET_CIFAR, CifarResNet::build);
    }

    /** The network of the given depth (6n + 2). */
    static Block build(int depth, int classes, int inputChannels) {
        SequentialBlock net = Layers.sequential()
                .add(Layers.expectChannels(inputChannels))
                .add(Layers.conv(STAGE_CHANNELS.get(0), 3, 1))
                .add(Layers.batchNorm())
                .add(Activation.reluBlock());
        return addStages(net, blocksPerStage(depth), CifarResNet::basicBlock)
                .add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /** A residual block from {@code in} to {@code out} channels with the given stride. */
    @FunctionalInterface
    interface ResidualBlock {
        Block create(int in, int out, int stride);
    }

    /**
     * Adds to {@code net} (whose output has {@code STAGE_CHANNELS.get(0)} channels) the three
     * stages of {@code n} blocks at 16, 32 and 64 channels; the first block of stages 2 and 3 has
     * stride 2 and changes the channels.
     */
    static SequentialBlock addStages(SequentialBlock net, int n, ResidualBlock block) {
        int in = STAGE_CHANNELS.get(0);
        for (int stage = 0; stage < STAGE_CHANNELS.size(); stage++) {
            int out = STAGE_CHANNELS.get(stage);
            for (int b = 0; b < n; b++) {
                net.add(block.create(in, out, stage > 0 && b == 0 ? 2 : 1));
                in = out;
            }
        }
        return net;
    }

    /** n for depth 6n + 2. */
    static int blocksPerStage(int depth) {
        if (depth < 8 || (depth - 2) % 6 != 0) {
            throw new IllegalArgumentException("depth must be 6n + 2 with n >= 1, got " + depth);
        }
        return (depth - 2) / 6;
    }

    private static Block basicBlock(int in, int out, int stride) {
        Block main = Layers.sequential()
                .add(Layers.conv(out, 3, stride))
                .add(Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(Layers.conv(out, 3, 1))
                .add(Layers.batchNorm());
        Block shortcut = stride != 1 || in != out
                ? Layers.sequential().add(Layers.conv(out, 1, stride)).add(Layers.batchNorm())
                : Blocks.identityBlock();
        return Layers.residual(main, shortcut, true);
    }
}
