package io.deform4j.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * CIFAR pre-activation ResNet (He et al. 2016, "Identity Mappings"), as in CIFAR-ZOO's
 * {@code models/preresnet.py}: a bare 3×3 conv stem (16 filters, no BN), 3 stages of
 * n = (depth − 2)/6 pre-activation basic blocks at 16/32/64 channels (stride 2 at the first
 * block of stages 2 and 3; basic blocks also at depth 110), then a final BN + ReLU, global
 * average pooling and a fully connected layer.
 *
 * <p>Block: {@code conv3x3(relu(bn(conv3x3(relu(bn(x)))))) + shortcut(x)}, no activation after
 * the sum. The shortcut is the identity, or, where the shape changes, a bare 1×1 convolution
 * with the block's stride (no BN) applied to the block's raw input x, as CIFAR-ZOO does.
 */
final class CifarPreResNet {

    /** The registered depths, as data (the paper's Table 4 uses 20 and 110). */
    static final List<Integer> DEPTHS = List.of(20, 110);

    private CifarPreResNet() {
    }

    /** Registry entries for every depth in {@link #DEPTHS}. */
    static List<ModelFactory.Entry> entries() {
        return ModelFactory.family("preresnet", DEPTHS,
                depth -> "CIFAR PreResNet-" + depth + " (pre-activation; bare 1x1 conv projection shortcuts)",
                TrainingDefaults.PRERESNET_CIFAR, CifarPreResNet::build);
    }

    /** The network of the given depth (6n + 2). */
    static Block build(int depth, int classes, int inputChannels) {
        SequentialBlock net = Layers.sequential()
                .add(Layers.expectChannels(inputChannels))
                .add(Layers.conv(CifarResNet.STAGE_CHANNELS.get(0), 3, 1));
        return CifarResNet.addStages(net, CifarResNet.blocksPerStage(depth), CifarPreResNet::preActivationBlock)
                .add(Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    private static Block preActivationBlock(int in, int out, int stride) {
        Block main = Layers.sequential()
                .add(Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(Layers.conv(out, 3, stride))
                .add(Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(Layers.conv(out, 3, 1));
        Block shortcut = stride != 1 || in != out ? Layers.conv(out, 1, stride) : Blocks.identityBlock();
        return Layers.residual(main, shortcut, false);
    }
}
