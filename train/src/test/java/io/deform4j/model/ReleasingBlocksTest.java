package io.deform4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The containers that free intermediates compute exactly what DJL's own containers do. */
class ReleasingBlocksTest extends EngineTest {

    @Test
    void sameOutputsAndGradientsAsDjlContainersAndTheInputSurvives() {
        try (NDManager m = manager.newSubManager()) {
            Block conv = Layers.conv(4, 3, 1);
            Block bn = Layers.batchNorm();
            Block main = Layers.sequential().add(Layers.conv(4, 3, 1)).add(Layers.batchNorm())
                    .add(Activation.reluBlock()).add(Layers.conv(4, 3, 1)).add(Layers.batchNorm());
            Block shortcut = Layers.sequential().add(Layers.conv(4, 1, 1)).add(Layers.batchNorm());
            Block residual = Layers.residual(main, shortcut, true);
            SequentialBlock releasing = Layers.sequential().add(conv).add(bn).add(Activation.reluBlock())
                    .add(residual);
            // DJL's containers around the very same children (same parameters)
            Block plainResidual = new ParallelBlock(b -> new NDList(Activation.relu(
                    b.get(0).singletonOrThrow().add(b.get(1).singletonOrThrow()))), List.of(main, shortcut));
            SequentialBlock plain = new SequentialBlock().add(conv).add(bn).add(Activation.reluBlock())
                    .add(plainResidual);
            releasing.setInitializer(new NormalInitializer(0.5f), Parameter.Type.WEIGHT);
            releasing.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 3, 6, 6));
            NDArray x = m.randomNormal(new Shape(2, 3, 6, 6));
            for (boolean training : new boolean[] {false, true}) {
                List<float[]> a = run(releasing, x, training, m);
                List<float[]> b = run(plain, x, training, m);
                assertEquals(a.size(), b.size());
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(b.get(i), a.get(i), "array " + i + ", training " + training);
                }
                assertFalse(x.isReleased());
                assertTrue(x.toFloatArray().length > 0);
            }
        }
    }

    @Test
    void parameterNamesKeepDjlsContainerNames() {
        Block net = Models.create("resnet20", 10, 3);
        List<String> names = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            names.add(p.getKey());
        }
        assertTrue(names.contains("08ParallelBlock_02SequentialBlock_02BatchNorm_gamma"), names.toString());
        assertTrue(names.contains("05ParallelBlock_01SequentialBlock_01Conv2d_weight"), names.toString());
    }

    /** Logits, then every gradient after a backward pass of their sum (training) or nothing. */
    private static List<float[]> run(Block block, NDArray x, boolean training, NDManager parent) {
        List<float[]> out = new ArrayList<>();
        try (NDManager step = parent.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray y = block.forward(new ParameterStore(step, false), new NDList(x), training).singletonOrThrow();
            out.add(y.toFloatArray());
            if (training) {
                c.backward(y.sum());
                for (Pair<String, Parameter> p : block.getParameters()) {
                    if (!p.getValue().requiresGradient()) {
                        continue;
                    }
                    NDArray g = p.getValue().getArray().getGradient();
                    out.add(g.toFloatArray());
                    JniUtils.zeroGrad((PtNDArray) p.getValue().getArray()); // for the next run
                }
            }
        }
        return out;
    }
}
