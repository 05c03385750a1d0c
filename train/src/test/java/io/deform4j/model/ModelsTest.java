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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Registry-driven smoke tests: every model builds, initialises and runs a forward pass. */
class ModelsTest extends EngineTest {

    static List<String> names() {
        return Models.names();
    }

    /** The CIFAR ResNets and PreResNets, whose counts {@link #expectedParameters} derives. */
    static List<String> cifarNames() {
        return Models.names().stream().filter(n -> CIFAR_FAMILIES.contains(Models.info(n).family())).toList();
    }

    static final List<String> CIFAR_FAMILIES = List.of("resnet", "preresnet");

    /** Every model on a small input, 32×32 (the ImageNet models then end on a 1×1 map), in both modes. */
    @ParameterizedTest
    @MethodSource("names")
    void forwardGivesLogitsOfTheRightShape(String name) {
        try (NDManager m = manager.newSubManager()) {
            Block net = Models.create(name, 10, 3, 32);
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

    /** Every registered CIFAR ResNet and PreResNet for 10 and 100 classes (3 input channels). */
    static List<Arguments> modelsAndClasses() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : cifarNames()) {
            cases.add(Arguments.of(name, 10));
            cases.add(Arguments.of(name, 100));
        }
        return cases;
    }

    /**
     * The registry's count against {@link #expectedParameters}, a count layer by layer from the
     * architecture of CIFAR-ZOO's {@code resnet.py} and {@code preresnet.py}. (PyTorch was not at
     * hand to count the reference models with {@code sum(p.numel() for p in model.parameters())},
     * so the counts are derived by hand; the closed forms and README's figures cross-check them.)
     */
    @ParameterizedTest
    @MethodSource("modelsAndClasses")
    void parameterCountIsTheArchitecturesExactly(String name, int classes) {
        ModelInfo info = Models.info(name);
        long expected = expectedParameters(info.family(), info.depth(), classes, 3);
        assertEquals(expected, Models.parameterCount(name, classes, 3), name + ", " + classes + " classes");
        // closed forms, n = (depth - 2) / 6, K classes, c input channels:
        //   ResNet    97,216·n + 65·K + 144·c − 20,256
        //   PreResNet 97,216·n + 65·K + 144·c − 20,448 (no stem BN, bare shortcuts, a final BN)
        int n = (info.depth() - 2) / 6;
        long closed = 97_216L * n + 65L * classes + 144 * 3 - (info.family().equals("resnet") ? 20_256 : 20_448);
        assertEquals(closed, expected, name);
    }

    /**
     * The counts of the models that follow torchvision and CIFAR-ZOO's SE-ResNeXt, as PyTorch counts
     * them ({@code sum(p.numel() for p in model.parameters())}, printed by
     * {@code tools/torch_reference.py shapes}; {@link TorchReferenceTest} compares every tensor).
     */
    @Test
    void largeModelsHaveTheirReferencesCounts() {
        assertEquals(4_020_358, Models.parameterCount("efficientnet_b0", 10, 3));
        assertEquals(5_288_548, Models.parameterCount("efficientnet_b0", 1000, 3));
        assertEquals(6_525_994, Models.parameterCount("efficientnet_b1", 10, 3));
        assertEquals(68_677_018, Models.parameterCount("se_resnext29_16x64d", 10, 3));
        assertEquals(34_948_506, Models.parameterCount("se_resnext29_8x64d", 10, 3));
        assertEquals(11_689_512, Models.parameterCount("resnet18", 1000, 3));
        assertEquals(21_797_672, Models.parameterCount("resnet34", 1000, 3));
        assertEquals(11_687_848, Models.parameterCount("preresnet18", 1000, 3));
        // the stem's stride (1 below 64 pixels) changes the work, not the parameters
        Models.Size cifar = Models.size("efficientnet_b0", 10, 3, 32);
        Models.Size imagenet = Models.size("efficientnet_b0", 10, 3, 224);
        assertEquals(cifar.parameters(), imagenet.parameters());
        assertEquals(31_979_392, cifar.multiplyAccumulates());     // = 64×64 with the stride-2 stem
        assertEquals(Models.size("efficientnet_b0", 10, 3, 64).multiplyAccumulates(), cifar.multiplyAccumulates());
        assertTrue(imagenet.multiplyAccumulates() > 380_000_000 && imagenet.multiplyAccumulates() < 400_000_000,
                "torchvision's table: 0.39 GFLOPS; got " + imagenet.multiplyAccumulates());
        assertEquals(1_814_073_344, Models.size("resnet18", 1000, 3, 224).multiplyAccumulates()); // 1.81 G
    }

    /** The registry's image size per model: CIFAR's for Table 4's models, ImageNet's for Table 5's. */
    @Test
    void imageSizesFollowTheDefaultsData() {
        for (String name : Models.names()) {
            ModelInfo info = Models.info(name);
            int expected = info.defaults().equals(TrainingDefaults.IMAGENET) ? 224 : 32;
            assertEquals(expected, info.imageSize(), name);
        }
    }

    @Test
    void parameterCountsAreTheDocumentedOnes() {
        // README and the Models Javadoc; option A (zero-padding) shortcuts would give ResNet-20 269,722
        assertEquals(272_474, Models.parameterCount("resnet20", 10, 3));
        assertEquals(466_906, Models.parameterCount("resnet32", 10, 3));
        assertEquals(661_338, Models.parameterCount("resnet44", 10, 3));
        assertEquals(855_770, Models.parameterCount("resnet56", 10, 3));
        assertEquals(1_730_714, Models.parameterCount("resnet110", 10, 3));
        assertEquals(272_282, Models.parameterCount("preresnet20", 10, 3));
        assertEquals(1_730_522, Models.parameterCount("preresnet110", 10, 3));
        // one input channel (Fashion-MNIST): the stem convolution has 16·9 weights instead of 48·9
        assertEquals(expectedParameters("resnet", 20, 10, 1), Models.parameterCount("resnet20", 10, 1));
        assertEquals(272_474 - 2 * 16 * 9, Models.parameterCount("resnet20", 10, 1));
        // the count of an initialised block is the same number, batch-norm running statistics excluded
        try (NDManager m = manager.newSubManager()) {
            Block net = Models.create("resnet20", 100, 3);
            Models.initialize(net, m, Models.inputShape(3), 0L);
            assertEquals(expectedParameters("resnet", 20, 100, 3), Models.parameterCount(net));
        }
    }

    /**
     * Trainable values of a CIFAR ResNet or PreResNet of {@code depth} = 6n + 2, counted layer by
     * layer: convolutions have no bias (in·out·k²), batch norm has γ and β (2·channels; running
     * statistics are buffers), the classifier has weights and biases (64·K + K).
     * <ul>
     *   <li>ResNet: stem conv 3×3 c→16 + BN; per block conv-BN-ReLU-conv-BN, and where the channels
     *       change a 1×1 conv + BN shortcut.</li>
     *   <li>PreResNet: stem conv 3×3 c→16 alone; per block BN(in)-ReLU-conv-BN-ReLU-conv, and where
     *       the channels change a bare 1×1 conv shortcut; a final BN(64) before pooling.</li>
     * </ul>
     * Stages of n blocks at 16, 32 and 64 channels; only the first block of stages 2 and 3 changes
     * the channels.
     */
    static long expectedParameters(String family, int depth, int classes, int inputChannels) {
        boolean pre = family.equals("preresnet");
        int n = (depth - 2) / 6;
        long count = conv(inputChannels, 16, 3) + (pre ? 0 : batchNorm(16));
        int in = 16;
        for (int out : new int[] {16, 32, 64}) {
            for (int b = 0; b < n; b++) {
                boolean project = in != out;
                count += conv(in, out, 3) + conv(out, out, 3);
                count += pre ? batchNorm(in) + batchNorm(out) : 2 * batchNorm(out);
                if (project) {
                    count += conv(in, out, 1) + (pre ? 0 : batchNorm(out));
                }
                in = out;
            }
        }
        return count + (pre ? batchNorm(64) : 0) + 64L * classes + classes;
    }

    private static long conv(int in, int out, int kernel) {
        return (long) in * out * kernel * kernel;
    }

    private static long batchNorm(int channels) {
        return 2L * channels;
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
