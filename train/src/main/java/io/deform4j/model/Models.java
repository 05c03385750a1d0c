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
 * PyTorch models they follow, CIFAR-ZOO's or torchvision's; the ImageNet ResNets' counts for 1000
 * classes in {@link ImageNetResNet}):
 * <table>
 *   <caption>Registered models</caption>
 *   <tr><th>name</th><th>parameters</th><th>Table 4/5 defaults</th></tr>
 *   <tr><td>resnet20</td><td>272,474</td><td rowspan="5">{@link TrainingDefaults#RESNET_CIFAR}</td></tr>
 *   <tr><td>resnet32</td><td>466,906</td></tr>
 *   <tr><td>resnet44</td><td>661,338</td></tr>
 *   <tr><td>resnet56</td><td>855,770</td></tr>
 *   <tr><td>resnet110</td><td>1,730,714</td></tr>
 *   <tr><td>preresnet20</td><td>272,282</td><td rowspan="2">{@link TrainingDefaults#PRERESNET_CIFAR}</td></tr>
 *   <tr><td>preresnet110</td><td>1,730,522</td></tr>
 *   <tr><td>efficientnet_b0</td><td>4,020,358</td><td rowspan="2">{@link TrainingDefaults#EFFICIENTNET_CIFAR}</td></tr>
 *   <tr><td>efficientnet_b1</td><td>6,525,994</td></tr>
 *   <tr><td>se_resnext29_16x64d</td><td>68,677,018</td><td rowspan="2">{@link TrainingDefaults#SE_RESNEXT_CIFAR}</td></tr>
 *   <tr><td>se_resnext29_8x64d</td><td>34,948,506</td></tr>
 *   <tr><td>resnet18</td><td>11,181,642</td><td rowspan="3">{@link TrainingDefaults#IMAGENET}</td></tr>
 *   <tr><td>resnet34</td><td>21,289,802</td></tr>
 *   <tr><td>preresnet18</td><td>11,179,978</td></tr>
 * </table>
 * The CIFAR ResNets use 1×1 conv + BN projection shortcuts where the shape changes, PreResNets a
 * bare 1×1 conv (as CIFAR-ZOO, the paper's baselines). Names are matched case-insensitively; an unknown
 * name is an {@link IllegalArgumentException} that suggests the closest known name.
 */
public final class Models {

    /** Height and width of the CIFAR inputs the models are built for (28×28 also works). */
    public static final int IMAGE_SIZE = 32;
    /** Height and width of the ImageNet inputs of the paper's Table 5. */
    public static final int IMAGENET_SIZE = 224;

    private static final Map<String, ModelFactory.Entry> REGISTRY = new LinkedHashMap<>();

    static {
        CifarResNet.entries().forEach(Models::register);
        CifarPreResNet.entries().forEach(Models::register);
        EfficientNet.entries().forEach(Models::register);
        SeResNeXt.entries().forEach(Models::register);
        ImageNetResNet.entries().forEach(Models::register);
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

    /** The paper's training settings for {@code name} (Table 4 or 5). */
    public static TrainingDefaults defaults(String name) {
        return info(name).defaults();
    }

    /**
     * A fresh, un-initialised model for its own image size ({@link ModelInfo#imageSize}); call
     * {@link #initialize} before use.
     *
     * @param name          registry name, e.g. {@code resnet20}
     * @param classes       number of output logits (≥ 1)
     * @param inputChannels channels of the NCHW input (3 for CIFAR, 1 for Fashion-MNIST);
     *                      the model rejects other channel counts at its first layer
     */
    public static Block create(String name, int classes, int inputChannels) {
        return create(name, classes, inputChannels, info(name).imageSize());
    }

    /**
     * A fresh, un-initialised model for {@code imageSize}×{@code imageSize} inputs: the same network
     * for every size except the EfficientNets, whose stem has stride 1 below 64 pixels
     * ({@link EfficientNet}).
     */
    public static Block create(String name, int classes, int inputChannels, int imageSize) {
        ModelFactory.Entry entry = entry(name);
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        if (inputChannels < 1) {
            throw new IllegalArgumentException("inputChannels must be >= 1, got " + inputChannels);
        }
        if (imageSize < 1) {
            throw new IllegalArgumentException("image size must be >= 1, got " + imageSize);
        }
        return entry.factory().create(classes, inputChannels, imageSize);
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
        return size(name, classes, inputChannels, info(name).imageSize()).parameters();
    }

    /**
     * The size of a model: trainable values and multiply-accumulates per image.
     *
     * @param parameters          as {@link #parameterCount(Block)}
     * @param multiplyAccumulates of one image's forward pass through the convolutions and linear
     *                            layers (a multiply-add counts once), at the image size it was built for
     */
    public record Size(long parameters, long multiplyAccumulates) {
    }

    /**
     * The size of model {@code name} for {@code classes}, {@code inputChannels} and
     * {@code imageSize}×{@code imageSize} images (builds it on a temporary manager, zero-filled;
     * needs the engine). ResNet-18 at 224 for 1000 classes: 11,689,512 parameters, 1,813,566,464 MACs.
     */
    public static Size size(String name, int classes, int inputChannels, int imageSize) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = zeroInitialized(name, classes, inputChannels, imageSize, manager);
            return new Size(parameterCount(block), MultiplyAccumulates.of(block));
        }
    }

    /** Model {@code name} initialised for one image with zero weights (cheap: no random draws). */
    static Block zeroInitialized(String name, int classes, int inputChannels, int imageSize, NDManager manager) {
        Block block = create(name, classes, inputChannels, imageSize);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputChannels, imageSize, imageSize));
        return block;
    }

    /**
     * Copies a PyTorch {@code state_dict} saved as {@code .npz} into the initialised {@code block} by
     * PyTorch's names ({@link TorchWeights#load}).
     *
     * @throws IllegalArgumentException naming every missing, unexpected or mis-shaped tensor
     */
    public static void loadTorchWeights(Block block, java.nio.file.Path file) {
        TorchWeights.load(block, file);
    }

    /**
     * Checks, without the cost of a seeded initialisation, that {@code file} fits model
     * {@code name} built for these classes, channels and image size ({@link TorchWeights#check}).
     *
     * @throws IllegalArgumentException naming every missing, unexpected or mis-shaped tensor
     */
    public static void checkTorchWeights(String name, int classes, int inputChannels, int imageSize,
            java.nio.file.Path file) {
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchWeights.check(zeroInitialized(name, classes, inputChannels, imageSize, manager), file);
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
