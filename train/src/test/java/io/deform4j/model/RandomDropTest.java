package io.deform4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Stochastic depth and dropout: torchvision's semantics, deterministic per seed, resumable. */
class RandomDropTest extends EngineTest {

    private static NDArray forward(Block block, NDManager m, NDArray x, boolean training) {
        return block.forward(new ParameterStore(m, false), new NDList(x), training).singletonOrThrow();
    }

    @Test
    void rowModeKeepsOrDropsWholeExamplesScaledByOneOverKeep() {
        try (NDManager m = manager.newSubManager()) {
            RandomDrop drop = new RandomDrop(0.25, RandomDrop.Mode.ROW);
            drop.initialize(m, DataType.FLOAT32, new Shape(1000, 2, 3, 3));
            drop.reseed(11L);
            NDArray x = m.ones(new Shape(1000, 2, 3, 3));
            float[] y = forward(drop, m, x, true).toFloatArray();
            int dropped = 0;
            for (int n = 0; n < 1000; n++) {
                float first = y[n * 18];
                for (int i = 1; i < 18; i++) {
                    assertThat(y[n * 18 + i]).isEqualTo(first); // one draw per example
                }
                assertThat(first).isIn(0f, 1f / 0.75f);
                dropped += first == 0f ? 1 : 0;
            }
            assertThat(dropped).isBetween(200, 300); // p = 0.25 of 1000, ±3.6 standard deviations
            assertThat(forward(drop, m, x, false).toFloatArray()).containsOnly(1f); // inference: identity
        }
    }

    @Test
    void sameSeedSameMasksAndTheCounterResumesTheStream() {
        try (NDManager m = manager.newSubManager()) {
            Block a = Models.create("efficientnet_b0", 10, 3);
            Block b = Models.create("efficientnet_b0", 10, 3);
            Models.initialize(a, m, Models.inputShape(3), 5L);
            Models.initialize(b, m, Models.inputShape(3), 5L);
            NDArray x = m.randomNormal(new Shape(4, 3, 32, 32));
            float[] a1 = forward(a, m, x, true).toFloatArray();
            float[] a2 = forward(a, m, x, true).toFloatArray();
            assertThat(forward(b, m, x, true).toFloatArray()).containsExactly(a1);
            assertThat(a2).isNotEqualTo(a1); // the second step draws new masks (and BN statistics moved)
            // a model restored from a's state after one step draws a's second masks
            Block c = Models.create("efficientnet_b0", 10, 3);
            Models.initialize(c, m, Models.inputShape(3), 5L);
            ModelState.load(c, ModelState.save(b)); // b has made one step, as a had before a2
            assertThat(forward(c, m, x, true).toFloatArray()).containsExactly(a2);
        }
    }
}
