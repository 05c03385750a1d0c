package io.deform4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Saving and loading model parameters: bit-exact, and the loaded model still trains. */
class ParameterIoTest {

    @Test
    void roundTripIsBitExactAndKeepsGradients() throws IOException {
        EngineThreads.single();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(4, 3, 32, 32));
            Block original = Models.create("preresnet20", 10, 3);
            Models.initialize(original, m, Models.inputShape(3), 1L);
            // a training-mode forward moves the running statistics away from their initial values
            original.forward(new ParameterStore(m, false), new NDList(x), true);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Models.saveParameters(original, new DataOutputStream(bytes));

            Block loaded = Models.create("preresnet20", 10, 3);
            Models.initialize(loaded, m, Models.inputShape(3), 2L);
            int arrays = m.getManagedArrays().size();
            Models.loadParameters(loaded, m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(arrays, m.getManagedArrays().size(), "replaced arrays are closed");

            float[] expected = original.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            float[] actual = loaded.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            assertArrayEquals(expected, actual);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(loaded.forward(new ParameterStore(m, false), new NDList(x), true)
                        .singletonOrThrow().sum());
            }
            for (Pair<String, Parameter> p : loaded.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    assertTrue(p.getValue().getArray().hasGradient(), p.getKey());
                }
            }
        }
    }

    @Test
    void anotherArchitectureOrAnUninitialisedBlockIsRejected() throws IOException {
        EngineThreads.single();
        try (NDManager m = NDManager.newBaseManager()) {
            Block resnet = Models.create("resnet20", 10, 3);
            Models.initialize(resnet, m, Models.inputShape(3), 1L);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Models.saveParameters(resnet, new DataOutputStream(bytes));
            Block pre = Models.create("preresnet20", 10, 3);
            assertThrows(IllegalArgumentException.class, () -> Models.loadParameters(pre, m,
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
            Models.initialize(pre, m, Models.inputShape(3), 1L);
            assertThrows(IOException.class, () -> Models.loadParameters(pre, m,
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        }
    }
}
