package io.deform4j.model;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * EfficientNet-B0 and B1 exactly as torchvision 0.14 defines them ({@code efficientnet_b0},
 * {@code efficientnet_b1}): the same layers, module names ({@code features.1.0.block.0.0.weight}),
 * parameter counts (B0: 4,020,358 for 10 classes, 5,288,548 for 1000; B1: 6,525,994 for 10),
 * stochastic depth, dropout and initialisation ({@link InitScheme#TORCHVISION_EFFICIENTNET}).
 *
 * <p>Stem: 3×3 convolution (32 filters) + BN + SiLU; seven stages of MBConv blocks (the B0 table
 * below; B1 has 1.1 times the blocks per stage, rounded up); a 1×1 convolution to 1280 channels +
 * BN + SiLU; global average pooling; dropout 0.2; a fully connected layer. MBConv:
 * a 1×1 expansion conv + BN + SiLU (unless the expansion ratio is 1), a k×k depthwise conv + BN +
 * SiLU with the block's stride, squeeze-excitation (1×1 convs with bias to max(1, in/4) channels,
 * SiLU, back, sigmoid), a 1×1 projection conv + BN; where the stride is 1 and the channels stay, the
 * input is added after stochastic depth (per example, probability 0.2·i/n for the i-th of n blocks).
 * Batch norm is PyTorch's default (eps 1e-5, momentum 0.1), as torchvision's B0–B7.
 *
 * <p>One departure, for small images: torchvision's stem has stride 2, made for 224×224 inputs.
 * For inputs under {@link #SMALL_INPUT} pixels (CIFAR's 32×32, Fashion-MNIST's 28×28) the stem has
 * stride 1, so that the network's total stride is 16 instead of 32 and a 32×32 image ends on a 2×2
 * map rather than 1×1; no parameter changes. At 64 pixels and more the network is torchvision's.
 * The stem also takes any number of input channels (torchvision fixes 3).
 */
final class EfficientNet {

    /** Images smaller than this (height) get a stride-1 stem. */
    static final int SMALL_INPUT = 64;
    /** torchvision's {@code stochastic_depth_prob}. */
    static final double STOCHASTIC_DEPTH = 0.2;
    /** torchvision's dropout before the classifier, for B0 and B1. */
    static final double DROPOUT = 0.2;

    /** One row of the B0 table: torchvision's {@code MBConvConfig} before width and depth scaling. */
    record Stage(int expandRatio, int kernel, int stride, int in, int out, int layers) {
    }

    /** torchvision's {@code _efficientnet_conf("efficientnet_b…")}. */
    static final List<Stage> STAGES = List.of(
            new Stage(1, 3, 1, 32, 16, 1),
            new Stage(6, 3, 2, 16, 24, 2),
            new Stage(6, 5, 2, 24, 40, 2),
            new Stage(6, 3, 2, 40, 80, 3),
            new Stage(6, 5, 1, 80, 112, 3),
            new Stage(6, 5, 2, 112, 192, 4),
            new Stage(6, 3, 1, 192, 320, 1));

    /** A member of the family: width and depth multipliers. */
    record Variant(String name, double width, double depth) {
    }

    static final Variant B0 = new Variant("efficientnet_b0", 1.0, 1.0);
    static final Variant B1 = new Variant("efficientnet_b1", 1.0, 1.1);

    private EfficientNet() {
    }

    /** Registry entries: efficientnet_b0, efficientnet_b1, with Table 4's CIFAR settings. */
    static List<ModelFactory.Entry> entries() {
        return List.of(B0, B1).stream().map(v -> new ModelFactory.Entry(
                new ModelInfo(v.name(), "efficientnet", blocks(v), "EfficientNet-" + v.name().substring(13).toUpperCase()
                        + " (torchvision; stride-1 stem below 64 px)", TrainingDefaults.EFFICIENTNET_CIFAR,
                        Models.IMAGE_SIZE),
                (classes, channels, imageSize) -> build(v, classes, channels, imageSize, STOCHASTIC_DEPTH, DROPOUT)))
                .toList();
    }

    /** Number of MBConv blocks of {@code variant} (B0 16, B1 23). */
    static int blocks(Variant variant) {
        return STAGES.stream().mapToInt(s -> layers(s, variant)).sum();
    }

    /**
     * The network for {@code imageSize}-pixel inputs, with the given stochastic depth and dropout
     * probabilities (the registry's are torchvision's, 0.2 and 0.2; 0 makes training deterministic).
     */
    static Block build(Variant variant, int classes, int inputChannels, int imageSize, double stochasticDepth,
            double dropout) {
        List<Block> features = new ArrayList<>();
        int stem = channels(STAGES.get(0).in(), variant);
        features.add(convBnAct(stem, 3, imageSize < SMALL_INPUT ? 1 : 2, 1, true));
        int total = blocks(variant);
        int id = 0;
        for (Stage s : STAGES) {
            List<Block> stage = new ArrayList<>();
            int in = channels(s.in(), variant);
            int out = channels(s.out(), variant);
            for (int b = 0; b < layers(s, variant); b++) {
                stage.add(mbConv(b == 0 ? in : out, out, s.expandRatio(), s.kernel(), b == 0 ? s.stride() : 1,
                        stochasticDepth * id / total));
                id++;
            }
            features.add(Layers.numbered(stage));
        }
        int last = 4 * channels(STAGES.get(STAGES.size() - 1).out(), variant);
        features.add(convBnAct(last, 1, 1, 1, true));
        return new Network(InitScheme.TORCHVISION_EFFICIENTNET)
                .add(Layers.expectChannels(inputChannels))
                .add("features", Layers.numbered(features))
                .add(Pool.globalAvgPool2dBlock())
                .add("classifier", Layers.numbered(List.of(new RandomDrop(dropout, RandomDrop.Mode.ELEMENT),
                        Linear.builder().setUnits(classes).build())));
    }

    private static Block mbConv(int in, int out, int expandRatio, int kernel, int stride, double stochasticDepth) {
        int expanded = makeDivisible(in * (double) expandRatio);
        List<Block> layers = new ArrayList<>();
        if (expanded != in) {
            layers.add(convBnAct(expanded, 1, 1, 1, true));
        }
        layers.add(convBnAct(expanded, kernel, stride, expanded, true));
        layers.add(Layers.squeezeExcitation(expanded, Math.max(1, in / 4), "fc1", "fc2", Layers.silu()));
        layers.add(convBnAct(out, 1, 1, 1, false));
        Block block = Layers.numbered(layers);
        if (stride != 1 || in != out) {
            return Layers.sequential().add("block", block);
        }
        Block main = Layers.sequential()
                .add("block", block)
                .add("stochastic_depth", new RandomDrop(stochasticDepth, RandomDrop.Mode.ROW));
        return Layers.residual(main, "identity", Blocks.identityBlock(), ReleasingBlocks.Join.SUM);
    }

    /** torchvision's {@code Conv2dNormActivation}: conv (no bias) + BN (+ SiLU), as modules 0, 1, 2. */
    private static Block convBnAct(int out, int kernel, int stride, int groups, boolean activation) {
        ReleasingBlocks.SequentialBlock seq = Layers.sequential()
                .add("0", Layers.conv(out, kernel, stride, groups, false))
                .add("1", Layers.batchNorm());
        return activation ? seq.add(Layers.silu()) : seq;
    }

    private static int channels(int base, Variant variant) {
        return makeDivisible(base * variant.width());
    }

    private static int layers(Stage stage, Variant variant) {
        return (int) Math.ceil(stage.layers() * variant.depth());
    }

    /** torchvision's {@code _make_divisible(v, 8)}: the nearest multiple of 8, never below 8 nor 90 % of v. */
    static int makeDivisible(double v) {
        int rounded = Math.max(8, (int) (v + 4) / 8 * 8);
        return rounded < 0.9 * v ? rounded + 8 : rounded;
    }
}
