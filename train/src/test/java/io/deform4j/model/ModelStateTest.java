package io.deform4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saving and loading model parameters: bit-exact, in place, and the loaded model still trains. */
class ModelStateTest extends EngineTest {

    @Test
    void roundTripIsBitExactInPlaceAndKeepsGradients() {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(4, 3, 32, 32));
            Block original = Models.create("preresnet20", 10, 3);
            Models.initialize(original, m, Models.inputShape(3), 1L);
            // a training-mode forward moves the running statistics away from their initial values
            original.forward(new ParameterStore(m, false), new NDList(x), true);
            byte[] state = ModelState.save(original);

            Block loaded = Models.create("preresnet20", 10, 3);
            Models.initialize(loaded, m, Models.inputShape(3), 2L);
            List<NDArray> arrays = new ArrayList<>();
            loaded.getParameters().forEach(p -> arrays.add(p.getValue().getArray()));
            int managed = m.getManagedArrays().size();
            ModelState.load(loaded, state);
            assertEquals(managed, m.getManagedArrays().size(), "no array is left behind");
            int i = 0;
            for (Pair<String, Parameter> p : loaded.getParameters()) {
                assertSame(arrays.get(i++), p.getValue().getArray(), p.getKey() + " keeps its array");
                assertArrayEquals(original.getParameters().get(p.getKey()).getArray().toFloatArray(),
                        p.getValue().getArray().toFloatArray(), p.getKey());
            }

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

    /** Values cross in logical order: channels-last to contiguous and back, each array keeping its own layout. */
    @Test
    void loadingKeepsEachArraysLayoutWhateverTheSavedOnesWas() {
        try (NDManager m = manager.newSubManager()) {
            for (MemoryFormat from : MemoryFormat.values()) {
                for (MemoryFormat to : MemoryFormat.values()) {
                    Block source = Models.create("resnet20", 10, 3);
                    Models.initialize(source, m, Models.inputShape(3), 1L);
                    from.apply(source);
                    Block target = Models.create("resnet20", 10, 3);
                    Models.initialize(target, m, Models.inputShape(3), 2L);
                    to.apply(target);
                    ModelState.load(target, ModelState.save(source));
                    for (Pair<String, Parameter> p : target.getParameters()) {
                        NDArray array = p.getValue().getArray();
                        assertArrayEquals(source.getParameters().get(p.getKey()).getArray().toFloatArray(),
                                array.toFloatArray(), from + " -> " + to + ": " + p.getKey());
                        if (array.getShape().dimension() == 4 && array.getShape().get(2) > 1) {
                            assertEquals(to == MemoryFormat.CONTIGUOUS, Strides.isContiguous(array),
                                    from + " -> " + to + ": " + p.getKey() + " keeps its layout");
                        }
                    }
                }
            }
        }
    }

    @Test
    void anotherArchitectureADamagedStateOrAnUninitialisedBlockIsRejected() {
        try (NDManager m = manager.newSubManager()) {
            Block resnet = Models.create("resnet20", 10, 3);
            Models.initialize(resnet, m, Models.inputShape(3), 1L);
            byte[] state = ModelState.save(resnet);
            Block pre = Models.create("preresnet20", 10, 3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelState.load(pre, state));
            assertTrue(e.getMessage().contains("not initialised"), e.getMessage());
            Models.initialize(pre, m, Models.inputShape(3), 1L);
            e = assertThrows(IllegalArgumentException.class, () -> ModelState.load(pre, state));
            assertTrue(e.getMessage().contains("does not match") || e.getMessage().contains("parameters, the model"),
                    e.getMessage());

            Block other = Models.create("resnet20", 100, 3);
            Models.initialize(other, m, Models.inputShape(3), 1L);
            e = assertThrows(IllegalArgumentException.class, () -> ModelState.load(other, state));
            assertTrue(e.getMessage().contains("(100, 64)") && e.getMessage().contains("(10, 64)"), e.getMessage());

            Block same = Models.create("resnet20", 10, 3);
            Models.initialize(same, m, Models.inputShape(3), 2L);
            byte[] before = ModelState.save(same);
            e = assertThrows(IllegalArgumentException.class,
                    () -> ModelState.load(same, Arrays.copyOf(state, state.length - 100)));
            assertTrue(e.getMessage().contains("cut short"), e.getMessage());
            assertArrayEquals(before, ModelState.save(same), "a state that does not fit writes nothing");
        }
    }
}
