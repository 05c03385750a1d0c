package io.deform4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Registry-driven smoke tests: every model builds, initialises and runs a forward pass. */
class ModelsTest {

    private static NDManager manager;

    @BeforeAll
    static void engine() {
        EngineThreads.single();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static List<String> names() {
        return Models.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void forwardGivesLogitsOfTheRightShape(String name) {
        try (NDManager m = manager.newSubManager()) {
            Block net = Models.create(name, 10, 3);
            Models.initialize(net, m, Models.inputShape(3), 1L);
            NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
            for (boolean training : new boolean[] {false, true}) {
                NDArray y = net.forward(new ParameterStore(m, false), new NDList(x), training)
                        .singletonOrThrow();
                assertEquals(new Shape(2, 10), y.getShape(), name);
                assertTrue(y.isInfinite().logicalOr(y.isNaN()).none().getBoolean(), name + " finite");
            }
        }
    }

    @Test
    void resnet20AcceptsFashionMnistShapedInput() {
        try (NDManager m = manager.newSubManager()) {
            Block net = Models.create("resnet20", 7, 1);
            Models.initialize(net, m, new Shape(1, 1, 28, 28), 3L);
            NDArray y = net.forward(new ParameterStore(m, false),
                    new NDList(m.randomNormal(new Shape(2, 1, 28, 28))), false).singletonOrThrow();
            assertEquals(new Shape(2, 7), y.getShape());
        }
    }

    @Test
    void wrongChannelCountIsRejectedNamingTheShape() {
        try (NDManager m = manager.newSubManager()) {
            Block net = Models.create("resnet20", 10, 3);
            Models.initialize(net, m, Models.inputShape(3), 1L);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.forward(new ParameterStore(m, false),
                            new NDList(m.zeros(new Shape(2, 1, 32, 32))), false));
            assertTrue(e.getMessage().contains("(2, 1, 32, 32)"), e.getMessage());
        }
    }

    /**
     * ResNet-20, option B shortcuts, 10 classes: stem 432 + 32, stage 1 3·(2·2304 + 64) = 14,016,
     * stage 2 14,528 + 2·18,560 = 51,648, stage 3 57,728 + 2·73,984 = 205,696, fc 650:
     * 272,474 (option A, zero-padding shortcuts, would give 269,722).
     */
    @Test
    void parameterCountsMatchTheArchitecture() {
        assertEquals(272_474, count("resnet20", 10));
        assertEquals(272_474 + 64 * 90 + 90, count("resnet20", 100));
        long resnet110 = count("resnet110", 10);
        assertTrue(resnet110 > 1_700_000 && resnet110 < 1_750_000, "resnet110 " + resnet110);
        long preresnet20 = count("preresnet20", 10);
        // no stem BN (−32), bare conv shortcuts (−192), final BN (+128), and the first block of
        // stages 2 and 3 normalises its 16/32 input channels, not 32/64 (−32 − 64):
        assertEquals(272_474 - 32 - 192 + 128 - 96, preresnet20);
        assertEquals(272_474 - 3 * 16 * 9 + 16 * 9, Models.parameterCount("resnet20", 10, 1));
        assertEquals(272_474, Models.parameterCount("resnet20", 10, 3));
        long preresnet110 = count("preresnet110", 10);
        assertTrue(preresnet110 > 1_700_000 && preresnet110 < 1_750_000, "preresnet110 " + preresnet110);
    }

    private static long count(String name, int classes) {
        try (NDManager m = manager.newSubManager()) {
            Block net = Models.create(name, classes, 3);
            Models.initialize(net, m, Models.inputShape(3), 0L);
            return Models.parameterCount(net);
        }
    }

    @Test
    void sameSeedGivesIdenticalParametersAndAnotherSeedDoesNot() {
        try (NDManager m = manager.newSubManager()) {
            List<float[]> a = values(m, 7L);
            List<float[]> b = values(m, 7L);
            List<float[]> c = values(m, 8L);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i), b.get(i), "parameter " + i);
            }
            assertFalse(java.util.Arrays.equals(a.get(0), c.get(0)));
        }
    }

    private static List<float[]> values(NDManager m, long seed) {
        Block net = Models.create("preresnet20", 10, 3);
        Models.initialize(net, m, Models.inputShape(3), seed);
        return net.getParameters().stream().map(p -> p.getValue().getArray().toFloatArray()).toList();
    }

    @Test
    void initialisationFollowsTheReferenceRules() {
        try (NDManager m = manager.newSubManager()) {
            Block net = Models.create("resnet56", 10, 3);
            Models.initialize(net, m, Models.inputShape(3), 5L);
            for (Pair<String, Parameter> p : net.getParameters()) {
                NDArray a = p.getValue().getArray();
                switch (p.getValue().getType()) {
                    case GAMMA, RUNNING_VAR -> assertEquals(a.size(), a.eq(1f).sum().getLong(), p.getKey());
                    case BETA, RUNNING_MEAN -> assertEquals(0f, a.abs().max().getFloat(), p.getKey());
                    case WEIGHT -> {
                        Shape s = a.getShape();
                        double expectedStd = s.dimension() == 4
                                ? Math.sqrt(2.0 / (s.size() / s.get(0))) // Kaiming normal, fan_in
                                : 1 / Math.sqrt(s.get(1) * 3.0);        // U(±1/√fan_in)
                        double std = Math.sqrt(a.pow(2).mean().getFloat());
                        assertEquals(expectedStd, std, expectedStd * (s.size() < 1000 ? 0.15 : 0.05), p.getKey());
                    }
                    default -> { }
                }
            }
        }
    }

    /** PyTorch's BatchNorm2d(momentum=0.1): running_mean ← 0.9·running_mean + 0.1·batch_mean. */
    @Test
    void batchNormRunningStatisticsUsePytorchMomentum() {
        try (NDManager m = manager.newSubManager()) {
            Block bn = Layers.batchNorm();
            bn.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(4, 2, 3, 3));
            NDArray x = m.full(new Shape(4, 2, 3, 3), 5f);
            bn.forward(new ParameterStore(m, false), new NDList(x), true);
            float[] mean = bn.getParameters().get("runningMean").getArray().toFloatArray();
            assertArrayEquals(new float[] {0.5f, 0.5f}, mean, 1e-6f);
            bn.forward(new ParameterStore(m, false), new NDList(x), true);
            mean = bn.getParameters().get("runningMean").getArray().toFloatArray();
            assertArrayEquals(new float[] {0.95f, 0.95f}, mean, 1e-6f); // 0.9·0.5 + 0.1·5
        }
    }
}
