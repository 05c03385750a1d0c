package io.deform4j.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;

/**
 * The multiply-accumulates (MACs) of one image's forward pass through the convolutions and fully
 * connected layers of a network, the quantity torchvision's and most papers' "FLOPs" tables give
 * (ResNet-18 at 224×224: 1.81 G). Batch norm, activations, pooling, additions and squeeze-excitation's
 * scaling are not counted; a multiply-add is one, not two, operations. Read from the input shape
 * each layer was initialised with, so the network must be initialised for a batch of one.
 */
final class MultiplyAccumulates {

    private MultiplyAccumulates() {
    }

    static long of(Block block) {
        long total = 0;
        if (block instanceof Conv2d conv) {
            Shape out = conv.getOutputShapes(conv.getInputShapes())[0];
            Shape weight = conv.getParameters().get("weight").getArray().getShape();
            total += out.size() / out.get(0) * (weight.size() / weight.get(0)); // per output: in/groups·kh·kw
        } else if (block instanceof Linear linear) {
            Shape weight = linear.getParameters().get("weight").getArray().getShape();
            Shape in = linear.getInputShapes()[0];
            total += in.size() / in.get(0) / weight.get(1) * weight.size();
        }
        for (Pair<String, Block> child : block.getChildren()) {
            total += of(child.getValue());
        }
        return total;
    }
}
