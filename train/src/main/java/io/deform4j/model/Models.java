package io.deform4j.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import io.deform4j.naming.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model registry: every model is created and listed by name, timm-style.
 *
 * <pre>{@code
 * Block net = Models.create("resnet20", 10, 3);
 * Models.initialize(net, manager, Models.inputShape(3), 42L);
 * TrainingDefaults t = Models.defaults("resnet20");   // Table 4: 250 epochs, lr 0.1, {150, 225}
 * }</pre>
 *
 * Registered (trainable parameters for 10 classes, 3 input channels; the same counts as the
 * CIFAR-ZOO PyTorch models):
 * <table>
 *   <caption>Registered models</caption>
 *   <tr><th>name</th><th>parameters</th><th>Table 4 defaults</th></tr>
 *   <tr><td>resnet20</td><td>272,474</td><td rowspan="5">{@link TrainingDefaults#RESNET_CIFAR}</td></tr>
 *   <tr><td>resnet32</td><td>466,906</td></tr>
 *   <tr><td>resnet44</td><td>661,338</td></tr>
 *   <tr><td>resnet56</td><td>855,770</td></tr>
 *   <tr><td>resnet110</td><td>1,730,714</td></tr>
 *   <tr><td>preresnet20</td><td>272,282</td><td rowspan="2">{@link TrainingDefaults#PRERESNET_CIFAR}</td></tr>
 *   <tr><td>preresnet110</td><td>1,730,522</td></tr>
 * </table>
 * ResNets use 1×1 conv + BN projection shortcuts where the shape changes, PreResNets a bare 1×1
 * conv (as CIFAR-ZOO, the paper's baselines). Names are matched case-insensitively; an unknown
 * name is an {@link IllegalArgumentException} that suggests the closest known name.
 */
public final class Models {

    /** Height and width of the CIFAR inputs the models are built for (28×28 also works). */
    public static final int IMAGE_SIZE = 32;

    private static final Map<String, ModelFactory.Entry> REGISTRY = new LinkedHashMap<>();

    static {
        CifarResNet.entries().forEach(Models::register);
        CifarPreResNet.entries().forEach(Models::register);
    }

    private Models() {
    }

    private static void register(ModelFactory.Entry entry) {
        if (REGISTRY.putIfAbsent(entry.info().name(), entry) != null) {
            throw new IllegalStateException("model registered twice: " + entry.info().name());
        }
    }

    /** Every registered name, in registration order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** What the registry knows about {@code name}. */
    public static ModelInfo info(String name) {
        return entry(name).info();
    }

    /** The paper's training settings for {@code name} (Table 4). */
    public static TrainingDefaults defaults(String name) {
        return info(name).defaults();
    }

    /**
     * A fresh, un-initialised model; call {@link #initialize} before use.
     *
     * @param name          registry name, e.g. {@code resnet20}
     * @param classes       number of output logits (≥ 1)
     * @param inputChannels channels of the NCHW input (3 for CIFAR, 1 for Fashion-MNIST);
     *                      the model rejects other channel counts at its first layer
     */
    public static Block create(String name, int classes, int inputChannels) {
        ModelFactory.Entry entry = entry(name);
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        if (inputChannels < 1) {
            throw new IllegalArgumentException("inputChannels must be >= 1, got " + inputChannels);
        }
        return entry.factory().create(classes, inputChannels);
    }

    /** The NCHW shape used to initialise a model: (1, channels, 32, 32). */
    public static Shape inputShape(int inputChannels) {
        return new Shape(1, inputChannels, IMAGE_SIZE, IMAGE_SIZE);
    }

    /**
     * Initialises {@code block} for {@code inputShape} (if not already initialised) and sets
     * every parameter deterministically from {@code seed}: Kaiming normal (fan_in, gain √2) for
     * convolutions, γ = 1 / β = 0 for batch norm, PyTorch's default uniform for the linear layer.
     * Same seed, same parameters, bit for bit. May be called again on an initialised block to
     * re-initialise it (e.g. after {@code Trainer.initialize}).
     */
    public static void initialize(Block block, NDManager manager, Shape inputShape, long seed) {
        Initialization.apply(block, manager, inputShape, seed);
    }

    /**
     * Number of trainable values of an initialised block (as PyTorch's
     * {@code sum(p.numel() for p in model.parameters())}: batch-norm running statistics are
     * buffers, not counted).
     */
    public static long parameterCount(Block block) {
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("block is not initialised: call Models.initialize first");
        }
        long count = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                count += p.getValue().getArray().size();
            }
        }
        return count;
    }

    /**
     * Number of trainable values of model {@code name} built for {@code classes} and
     * {@code inputChannels} (builds it on a temporary manager, zero-filled; needs the engine).
     * ResNet-20 for 10 classes: 272,474.
     */
    public static long parameterCount(String name, int classes, int inputChannels) {
        Block block = create(name, classes, inputChannels);
        try (NDManager manager = NDManager.newBaseManager()) {
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            block.initialize(manager, DataType.FLOAT32, inputShape(inputChannels));
            return parameterCount(block);
        }
    }

    private static ModelFactory.Entry entry(String name) {
        if (name == null) {
            throw new IllegalArgumentException("model name is null; known: " + names());
        }
        ModelFactory.Entry entry = REGISTRY.get(name.trim().toLowerCase(Locale.ROOT));
        if (entry == null) {
            throw Suggestions.unknown("model", name, new ArrayList<>(REGISTRY.keySet()));
        }
        return entry;
    }
}
