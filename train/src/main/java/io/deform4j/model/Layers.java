package io.deform4j.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The layers both CIFAR families are made of, with PyTorch's conventions. */
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
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false)
                .build();
    }

    /** {@code BatchNorm2d(eps=1e-5, momentum=0.1)} in PyTorch's terms, over the channel axis. */
    static Block batchNorm() {
        return BatchNorm.builder()
                .optAxis(1)
                .optMomentum(BATCH_NORM_MOMENTUM)
                .optEpsilon(BATCH_NORM_EPS)
                .build();
    }

    /** out = main(x) + shortcut(x), then ReLU when {@code reluAfter}. */
    static Block residual(Block main, Block shortcut, boolean reluAfter) {
        return new ReleasingBlocks.ParallelBlock(main, shortcut, reluAfter);
    }

    /** An empty sequential block that frees each intermediate once consumed ({@link ReleasingBlocks}). */
    static ai.djl.nn.SequentialBlock sequential() {
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
