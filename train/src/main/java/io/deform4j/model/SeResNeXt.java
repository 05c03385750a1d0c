package io.deform4j.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * CIFAR SE-ResNeXt-29 as CIFAR-ZOO's {@code models/senet.py} ({@code se_resnext29_16x64d},
 * {@code se_resnext29_8x64d}), the paper's Table 4 baseline, with its module names: a 3×3
 * convolution (64 filters) + BN + ReLU stem, three stages of three bottlenecks with 256, 512 and
 * 1024 output channels (stride 2 at the first block of stages 2 and 3), global average pooling and a
 * fully connected layer; 68,677,018 parameters for 10 classes at 16×64d, 34,948,506 at 8×64d.
 *
 * <p>Bottleneck with cardinality C and base width 64: a 1×1 convolution to D = C·64·out/256
 * channels (1024/2048/4096 at 16×64d) + BN + ReLU, a 3×3 convolution in C groups with the block's
 * stride + BN + ReLU, a 1×1 convolution to the output channels + BN, squeeze-excitation on that
 * (reduction 16: 1×1 convs with bias, ReLU, sigmoid), plus the shortcut (1×1 conv + BN with the
 * stride where the channels change, else the identity), then ReLU. Initialised as CIFAR-ZOO
 * ({@link InitScheme#CIFAR_ZOO}).
 */
final class SeResNeXt {

    /** Output channels of the stem and the three stages. */
    static final List<Integer> WIDTHS = List.of(64, 256, 512, 1024);
    static final int BLOCKS_PER_STAGE = 3;
    static final int BASE_WIDTH = 64;
    static final int SE_REDUCTION = 16;

    private SeResNeXt() {
    }

    /** Registry entries: se_resnext29_16x64d, se_resnext29_8x64d. */
    static List<ModelFactory.Entry> entries() {
        return List.of(16, 8).stream().map(cardinality -> new ModelFactory.Entry(
                new ModelInfo("se_resnext29_" + cardinality + "x64d", "se_resnext", 29,
                        "CIFAR SE-ResNeXt-29 " + cardinality + "x64d (CIFAR-ZOO)", TrainingDefaults.SE_RESNEXT_CIFAR,
                        Models.IMAGE_SIZE),
                (classes, channels, imageSize) -> build(cardinality, classes, channels))).toList();
    }

    static Block build(int cardinality, int classes, int inputChannels) {
        ReleasingBlocks.SequentialBlock net = new Network(InitScheme.CIFAR_ZOO)
                .add(Layers.expectChannels(inputChannels))
                .add("conv_1_3x3", Layers.conv(WIDTHS.get(0), 3, 1))
                .add("bn_1", Layers.batchNorm())
                .add(Activation.reluBlock());
        for (int stage = 1; stage <= 3; stage++) {
            ReleasingBlocks.SequentialBlock blocks = Layers.sequential();
            int out = WIDTHS.get(stage);
            for (int b = 0; b < BLOCKS_PER_STAGE; b++) {
                int in = b == 0 ? WIDTHS.get(stage - 1) : out;
                int stride = b == 0 && stage > 1 ? 2 : 1;
                blocks.add("stage_" + stage + "_bottleneck_" + b, bottleneck(in, out, stride, cardinality));
            }
            net.add("stage_" + stage, blocks);
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add("fc", Linear.builder().setUnits(classes).build());
    }

    private static Block bottleneck(int in, int out, int stride, int cardinality) {
        int d = cardinality * (int) (BASE_WIDTH * (out / 256.0));
        Block main = Layers.sequential()
                .add("conv_reduce", Layers.conv(d, 1, 1))
                .add("bn_reduce", Layers.batchNorm())
                .add(Activation.reluBlock())
                .add("conv_conv", Layers.conv(d, 3, stride, cardinality, false))
                .add("bn", Layers.batchNorm())
                .add(Activation.reluBlock())
                .add("conv_expand", Layers.conv(out, 1, 1))
                .add("bn_expand", Layers.batchNorm())
                .add("se_module", Layers.squeezeExcitation(out, out / SE_REDUCTION, "fc_1", "fc_2",
                        Activation.reluBlock()));
        Block shortcut = in != out
                ? Layers.sequential().add("shortcut_conv", Layers.pointwiseConv(out, stride)).add("shortcut_bn", Layers.batchNorm())
                : Blocks.identityBlock();
        return Layers.residual(main, "shortcut", shortcut, ReleasingBlocks.Join.SUM_RELU);
    }
}
