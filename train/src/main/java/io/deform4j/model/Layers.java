package io.deform4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The layers the registered networks are made of, with PyTorch's conventions. */
final class Layers {

    /**
     * DJL's {@code BatchNorm} momentum is the weight of the old running value
     * ({@code running = m·running + (1−m)·batch}; the PyTorch engine passes {@code 1 − m} to
     * {@code torch.batch_norm}), so PyTorch's momentum 0.1 is 0.9 here.
     */
    static final float BATCH_NORM_MOMENTUM = 0.9f;
    /** PyTorch's {@code BatchNorm2d} eps. */
    static final float BATCH_NORM_EPS = 1e-5f;

    private Layers() {
    }

    /** A k×k convolution without bias, padding k/2 ("same" at stride 1). */
    static Block conv(int filters, int kernel, int stride) {
        return conv(filters, kernel, stride, 1, false);
    }

    /**
     * A k×k convolution (k odd) with padding k/2, as PyTorch's
     * {@code Conv2d(in, filters, k, stride, padding=k // 2, groups=groups, bias=bias)}.
     */
    static Block conv(int filters, int kernel, int stride, int groups, boolean bias) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optGroups(groups)
                .optBias(bias)
                .build();
    }

    /**
     * A 1×1 convolution without bias with the given stride, as PyTorch's {@code Conv2d(in, filters, 1,
     * stride, bias=False)}, computed for stride s > 1 as a stride-1 convolution of every s-th row and
     * column (the same sum). The engine's direct 1×1 stride-2 convolution of channels-last inputs is
     * wrong for 512 and more filters (errors of order 1 at 4×4 to 14×14 inputs with 128 or 256 input
     * channels: ResNet-18's layer4 shortcut), whereas this form is right in both layouts; the PyTorch
     * comparison ({@code TorchReferenceTest}) checks it. The convolution keeps PyTorch's name: the
     * sub-sampling is an unnamed container around it ({@link TorchNames}).
     */
    static Block pointwiseConv(int filters, int stride) {
        if (stride == 1) {
            return conv(filters, 1, 1);
        }
        String step = "::" + stride;
        return sequential()
                .add(new LambdaBlock(in -> new NDList(in.singletonOrThrow().get(":, :, " + step + ", " + step)),
                        "subsample"))
                .add(conv(filters, 1, 1));
    }

    /** {@code nn.SiLU}: x·σ(x). */
    static Block silu() {
        return new LambdaBlock(inputs -> {
            NDArray x = inputs.singletonOrThrow();
            try (NDArray sigmoid = Activation.sigmoid(x)) { // autograd keeps what its backward needs
                return new NDList(x.mul(sigmoid));
            }
        }, "silu");
    }

    /** {@code BatchNorm2d(eps=1e-5, momentum=0.1)} in PyTorch's terms, over the channel axis. */
    static Block batchNorm() {
        return BatchNorm.builder()
                .optAxis(1)
                .optMomentum(BATCH_NORM_MOMENTUM)
                .optEpsilon(BATCH_NORM_EPS)
                .build();
    }

    /**
     * {@code join(main(x), shortcut(x))} where the shortcut is a PyTorch module called
     * {@code shortcutName} (its parameters are {@code shortcutName.…}) and the main branch's layers
     * belong to the block itself ({@link TorchNames}).
     */
    static Block residual(Block main, String shortcutName, Block shortcut, ReleasingBlocks.Join join) {
        return new ReleasingBlocks.ParallelBlock(main.getClass().getSimpleName(), main, shortcutName, shortcut, join);
    }

    /** A PyTorch {@code nn.Sequential} of {@code layers}, named 0, 1, 2, … as PyTorch does. */
    static ReleasingBlocks.SequentialBlock numbered(java.util.List<Block> layers) {
        ReleasingBlocks.SequentialBlock seq = sequential();
        for (int i = 0; i < layers.size(); i++) {
            seq.add(String.valueOf(i), layers.get(i));
        }
        return seq;
    }

    /**
     * Squeeze-excitation: {@code x · σ(fc2(act(fc1(mean over H, W of x))))}, with 1×1 convolutions
     * with bias (PyTorch names {@code fc1Name}, {@code fc2Name}) from {@code channels} to
     * {@code squeeze} and back.
     */
    static Block squeezeExcitation(int channels, int squeeze, String fc1Name, String fc2Name, Block activation) {
        Block scale = sequential()
                .add(new LambdaBlock(in -> {
                    NDArray x = in.singletonOrThrow();
                    try (NDArray pooled = ai.djl.nn.pooling.Pool.globalAvgPool2d(x)) { // N×C
                        return new NDList(pooled.reshape(x.getShape().get(0), x.getShape().get(1), 1, 1));
                    }
                }, "globalAvgPoolKeepDims"))
                .add(fc1Name, conv(squeeze, 1, 1, 1, true))
                .add(activation)
                .add(fc2Name, conv(channels, 1, 1, 1, true))
                .add(Activation.sigmoidBlock());
        return new ReleasingBlocks.ParallelBlock(ai.djl.nn.Blocks.identityBlock(), scale, ReleasingBlocks.Join.PRODUCT);
    }

    /** out = main(x) + shortcut(x), then ReLU when {@code reluAfter}. */
    static Block residual(Block main, Block shortcut, boolean reluAfter) {
        return new ReleasingBlocks.ParallelBlock(main, shortcut,
                reluAfter ? ReleasingBlocks.Join.SUM_RELU : ReleasingBlocks.Join.SUM);
    }

    /** An empty sequential block that frees each intermediate once consumed ({@link ReleasingBlocks}). */
    static ReleasingBlocks.SequentialBlock sequential() {
        return new ReleasingBlocks.SequentialBlock();
    }

    /**
     * A parameter-free first layer that rejects inputs whose channel count (axis 1 of NCHW)
     * is not {@code channels}, naming the shape it got.
     */
    static Block expectChannels(int channels) {
        return new LambdaBlock(inputs -> {
            Shape shape = inputs.singletonOrThrow().getShape();
            if (shape.dimension() != 4 || shape.get(1) != channels) {
                throw new IllegalArgumentException("expected input N×" + channels
                        + "×H×W (NCHW), got " + shape);
            }
            return inputs;
        }, "expectChannels");
    }
}
