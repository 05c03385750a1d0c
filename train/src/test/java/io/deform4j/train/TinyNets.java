package io.deform4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** A small real CNN (conv, batch norm, ReLU, pooling, linear) for engine tests. */
final class TinyNets {

    private TinyNets() {
    }

    static Block cnn(int classes) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(8).build())
                .add(BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build())
                .add(Activation::relu)
                .add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    static Block initialised(NDManager manager, int classes, int channels, int size, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        Block block = cnn(classes);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, channels, size, size));
        return block;
    }
}
