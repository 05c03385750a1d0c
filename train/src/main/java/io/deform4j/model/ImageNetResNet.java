package io.deform4j.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The ImageNet ResNets of the paper's Table 5: ResNet-18 and ResNet-34 exactly as torchvision's
 * {@code resnet18}/{@code resnet34} (11,689,512 and 21,797,672 parameters for 1000 classes; the
 * same module names, so torchvision's {@code state_dict} loads by name), and a pre-activation
 * ResNet-18 on the same stem.
 *
 * <p>Stem: 7×7 convolution (64 filters, stride 2) + BN + ReLU, 3×3 max-pool with stride 2; then four
 * stages of basic blocks at 64, 128, 256 and 512 channels (stride 2 at the first block of stages 2–4),
 * global average pooling and a fully connected layer. ResNet block:
 * {@code relu(bn2(conv2(relu(bn1(conv1(x))))) + downsample(x))} with a 1×1 conv + BN
 * {@code downsample} where the shape changes. Pre-activation block:
 * {@code conv2(relu(bn2(conv1(relu(bn1(x)))))) + downsample(x)}, the {@code downsample} a bare 1×1
 * convolution of the raw input; the network ends with a BN + ReLU ({@code bn_final}) before pooling
 * (11,687,848 parameters for 1000 classes). Initialised as torchvision's ResNets
 * ({@link InitScheme#TORCHVISION_RESNET}). Any input of at least 32×32 works; the paper's is 224×224.
 */
final class ImageNetResNet {

    /** Channels of the four stages. */
    static final List<Integer> STAGE_CHANNELS = List.of(64, 128, 256, 512);

    private ImageNetResNet() {
    }

    /** Registry entries: resnet18, resnet34, preresnet18. */
    static List<ModelFactory.Entry> entries() {
        return List.of(
                entry("resnet18", "resnet_imagenet", 18, List.of(2, 2, 2, 2), false,
                        "ImageNet ResNet-18 (torchvision resnet18)"),
                entry("resnet34", "resnet_imagenet", 34, List.of(3, 4, 6, 3), false,
                        "ImageNet ResNet-34 (torchvision resnet34)"),
                entry("preresnet18", "preresnet_imagenet", 18, List.of(2, 2, 2, 2), true,
                        "ImageNet pre-activation ResNet-18 (bare 1x1 conv shortcuts, final BN+ReLU)"));
    }

    private static ModelFactory.Entry entry(String name, String family, int depth, List<Integer> blocks,
            boolean preActivation, String description) {
        return new ModelFactory.Entry(
                new ModelInfo(name, family, depth, description, TrainingDefaults.IMAGENET, Models.IMAGENET_SIZE),
                (classes, channels, imageSize) -> build(blocks, preActivation, classes, channels));
    }

    /** The network with {@code blocks} basic blocks per stage. */
    static Block build(List<Integer> blocks, boolean preActivation, int classes, int inputChannels) {
        ReleasingBlocks.SequentialBlock net = new Network(InitScheme.TORCHVISION_RESNET)
                .add(Layers.expectChannels(inputChannels))
                .add("conv1", Layers.conv(STAGE_CHANNELS.get(0), 7, 2))
                .add("bn1", Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        int in = STAGE_CHANNELS.get(0);
        for (int stage = 0; stage < STAGE_CHANNELS.size(); stage++) {
            int out = STAGE_CHANNELS.get(stage);
            ReleasingBlocks.SequentialBlock layer = Layers.sequential();
            for (int b = 0; b < blocks.get(stage); b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                layer.add(String.valueOf(b), preActivation ? preActivationBlock(in, out, stride) : basicBlock(in, out, stride));
                in = out;
            }
            net.add("layer" + (stage + 1), layer);
        }
        if (preActivation) {
            net.add("bn_final", Layers.batchNorm()).add(Activation.reluBlock());
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add("fc", Linear.builder().setUnits(classes).build());
    }

    private static Block basicBlock(int in, int out, int stride) {
        Block main = Layers.sequential()
                .add("conv1", Layers.conv(out, 3, stride))
                .add("bn1", Layers.batchNorm())
                .add(Activation.reluBlock())
                .add("conv2", Layers.conv(out, 3, 1))
                .add("bn2", Layers.batchNorm());
        Block shortcut = stride != 1 || in != out
                ? Layers.numbered(List.of(Layers.pointwiseConv(out, stride), Layers.batchNorm()))
                : Blocks.identityBlock();
        return Layers.residual(main, "downsample", shortcut, ReleasingBlocks.Join.SUM_RELU);
    }

    private static Block preActivationBlock(int in, int out, int stride) {
        Block main = Layers.sequential()
                .add("bn1", Layers.batchNorm())
                .add(Activation.reluBlock())
                .add("conv1", Layers.conv(out, 3, stride))
                .add("bn2", Layers.batchNorm())
                .add(Activation.reluBlock())
                .add("conv2", Layers.conv(out, 3, 1));
        Block shortcut = stride != 1 || in != out ? Layers.pointwiseConv(out, stride) : Blocks.identityBlock();
        return Layers.residual(main, "downsample", shortcut, ReleasingBlocks.Join.SUM);
    }
}
