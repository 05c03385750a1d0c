package io.deform4j.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.deform4j.data.DataSources;
import io.deform4j.engine.Devices;
import io.deform4j.mapping.Vdm;
import io.deform4j.model.MemoryFormat;
import io.deform4j.model.Models;
import io.deform4j.naming.Suggestions;
import io.deform4j.optim.AdamConfig;
import io.deform4j.optim.MultiStepLR;
import io.deform4j.optim.OptimizerConfig;
import io.deform4j.optim.SgdConfig;
import io.deform4j.settings.Setting;
import io.deform4j.settings.SettingsSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every training setting, declared once: a component's {@link Setting} annotation gives its help
 * text and default, its type the parsing, and the compact constructor below the only validation.
 * From this record follow the command-line options of {@code train}, {@code compare} and sweeps
 * ({@code --batch-size}), the YAML keys of {@code --config} ({@code batch-size}), the
 * configuration recorded in {@code run.json} ({@code batch_size}) and its reading back
 * ({@link #SCHEMA}). A bad value is an {@link IllegalArgumentException} naming the setting, the
 * value and what was expected.
 *
 * <p>Where a setting comes from ({@link #resolve}): the command line, over a YAML file, over the
 * model's row of the paper's Table 4 ({@link Models#defaults}), over the defaults declared here.
 */
public record TrainConfig(
        @Setting(help = "Model in the registry (deform4j models).", label = "NAME", defaultValue = "resnet20")
        String model,
        @Setting(help = "Data set: cifar10, cifar100, fashion-mnist, mnist, folder, imagenet, or sample (the "
                + "Fashion-MNIST sample shipped with deform4j).", label = "NAME", defaultValue = "sample")
        String dataset,
        @Setting(help = "Folder of the data set (folder: ROOT with train/<class>/ and test/<class>/; imagenet: "
                + "ROOT with train/<wnid>/ and val/<wnid>/ or val/ and LOC_val_solution.csv); empty: the data set's "
                + "default place.", label = "DIR", defaultValue = "")
        String dataDir,
        @Setting(help = "Deformation mapping δ in the paper's notation, e.g. 'LE(1,0.99)', 'AP(18/pi,1,2,1)'; "
                + "original is the undeformed loss.", label = "SPEC", defaultValue = "original")
        String vdm,
        @Setting(help = "Optimizer: sgd (torch.optim.SGD), adam (torch.optim.Adam) or adamw (torch.optim.AdamW, "
                + "decoupled weight decay).", label = "NAME", defaultValue = "sgd", whenAbsentFromRecord = "sgd")
        String optimizer,
        @Setting(help = "Epochs.", label = "N", defaultValue = "250")
        int epochs,
        @Setting(help = "Examples per micro-batch: a step takes accumulate × batch-size examples (the batch size "
                + "per device of data-parallel training).", label = "N", defaultValue = "128")
        int batchSize,
        @Setting(help = "Micro-batches per optimizer step (gradient accumulation), each through the network on "
                + "its own with its own batch-norm statistics, δ applied to the loss of the whole step: "
                + "data-parallel training on K devices, on one.", label = "K", defaultValue = "1")
        int accumulate,
        @Setting(help = "Initial learning rate η₀.", label = "ETA", defaultValue = "0.1")
        double lr,
        @Setting(help = "SGD momentum μ.", label = "MU", defaultValue = "0.9")
        double momentum,
        @Setting(help = "Nesterov momentum (SGD), true or false.", label = "BOOL", defaultValue = "true")
        boolean nesterov,
        @Setting(help = "Adam/AdamW coefficients β1,β2.", label = "B1,B2", defaultValue = "0.9,0.999")
        List<Double> betas,
        @Setting(help = "Adam/AdamW ε.", label = "EPS", defaultValue = "1e-8")
        double eps,
        @Setting(help = "Weight decay λ, applied by the optimizer (never deformed).", label = "LAMBDA",
                defaultValue = "5e-4")
        double weightDecay,
        @Setting(help = "Epochs at which the learning rate is multiplied by gamma (MultiStepLR), or none.",
                label = "E1,E2,...", defaultValue = "150,225")
        List<Integer> milestones,
        @Setting(help = "Decay factor γ at each milestone.", label = "G", defaultValue = "0.1")
        double gamma,
        @Setting(help = "Seed of initialisation, shuffling and augmentation.", label = "N", defaultValue = "42")
        long seed,
        @Setting(help = "Start from a PyTorch state_dict saved as .npz (numpy.savez; e.g. torchvision's pretrained "
                + "weights) instead of the seeded initialisation, matched by PyTorch's tensor names; empty: none.",
                label = "FILE", defaultValue = "")
        String initFrom,
        @Setting(help = "CPU threads of the engine.", label = "N", defaultValue = "1")
        int threads,
        @Setting(help = "Class-balanced subset of N training images; 0: all.", label = "N", defaultValue = "0")
        int limitTrain,
        @Setting(help = "Class-balanced subset of N test images; 0: all.", label = "N", defaultValue = "0")
        int limitTest,
        @Setting(help = "Layout of convolution weights and inputs: channels-last (faster on CPU) or contiguous; "
                + "a resumed run keeps its own.", label = "FORMAT", defaultValue = "channels-last",
                whenAbsentFromRecord = "contiguous")
        String memoryFormat,
        @Setting(help = "Device: auto (a GPU when the engine sees one, else the CPU), cpu, gpu or gpu:N; run.json "
                + "records the one used.", label = "DEVICE", defaultValue = "auto", whenAbsentFromRecord = "cpu")
        String device) {

    /** The description of every setting, derived from this record. */
    public static final SettingsSchema<TrainConfig> SCHEMA = SettingsSchema.of(TrainConfig.class);

    /** The optimizers {@code --optimizer} accepts. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "adam", "adamw");

    public TrainConfig {
        require(model != null && !model.isBlank(), "model", model, "a model name");
        if (!DataSources.NAMES.contains(dataset)) {
            throw Suggestions.unknown("data set", dataset, DataSources.NAMES);
        }
        require(!List.of("folder", "imagenet").contains(dataset) || !dataDir.isEmpty(), "data-dir", dataDir,
                "a folder for --dataset " + dataset);
        vdm = Vdm.parse(vdm).toString(); // IllegalArgumentException with the parser's message
        if (!OPTIMIZERS.contains(optimizer)) {
            throw Suggestions.unknown("optimizer", optimizer, OPTIMIZERS);
        }
        require(epochs >= 1, "epochs", epochs, ">= 1");
        require(batchSize >= 1, "batch-size", batchSize, ">= 1");
        require(accumulate >= 1 && accumulate <= 1024, "accumulate", accumulate, "micro-batches per step in [1, 1024]");
        require((long) accumulate * batchSize <= Integer.MAX_VALUE, "batch-size", batchSize,
                "accumulate × batch-size <= " + Integer.MAX_VALUE);
        require(lr > 0 && Double.isFinite(lr), "lr", lr, "a finite number > 0");
        require(momentum >= 0 && momentum < 1, "momentum", momentum, "in [0, 1)");
        require(!nesterov || momentum > 0 || !optimizer.equals("sgd"), "nesterov", nesterov,
                "false when momentum is 0 (Nesterov needs momentum)");
        require(betas.size() == 2 && betas.stream().allMatch(b -> b >= 0 && b < 1), "betas", betas,
                "two numbers in [0, 1), e.g. 0.9,0.999");
        require(eps > 0 && Double.isFinite(eps), "eps", eps, "a finite number > 0");
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weight-decay", weightDecay, ">= 0");
        for (int i = 0; i < milestones.size(); i++) {
            require(milestones.get(i) >= 1 && (i == 0 || milestones.get(i) > milestones.get(i - 1)),
                    "milestones", milestones, "strictly increasing epochs >= 1");
        }
        require(gamma > 0 && gamma <= 1, "gamma", gamma, "in (0, 1]");
        require(threads >= 1 && threads <= 1024, "threads", threads, "in [1, 1024]");
        require(limitTrain >= 0, "limit-train", limitTrain, ">= 0 (0 = all)");
        require(limitTest >= 0, "limit-test", limitTest, ">= 0 (0 = all)");
        memoryFormat = MemoryFormat.parse(memoryFormat).id();
        device = Devices.check(device);
    }

    /**
     * The configuration of {@code layers} (partial settings, highest priority first: e.g. the
     * command line, then a file), over the Table 4 row of the model they name, over the defaults.
     *
     * @throws IllegalArgumentException for an unknown model (suggesting the closest) or a bad value
     */
    public static TrainConfig resolve(List<? extends Map<String, ?>> layers) {
        String model = (String) SCHEMA.entry("model").defaultValue();
        for (Map<String, ?> layer : layers) {
            if (layer.containsKey("model")) {
                model = String.valueOf(layer.get("model"));
                break;
            }
        }
        List<Map<String, ?>> all = new ArrayList<>(layers);
        all.add(SCHEMA.layerOf(Models.defaults(model)));
        return SCHEMA.create(all);
    }

    /** The configuration of {@code settings} (name → value, as typed or typed already) over the model's row and the defaults. */
    public static TrainConfig of(Map<String, ?> settings) {
        return resolve(List.of(SCHEMA.layer(settings)));
    }

    /** The configuration recorded in a {@code run.json} (any key spelling; older records fill in what they imply). */
    @JsonCreator
    public static TrainConfig recorded(Map<String, Object> raw) {
        return SCHEMA.recorded(raw);
    }

    /** A copy with one setting changed, e.g. {@code with("vdm", "original")}. */
    public TrainConfig with(String setting, Object value) {
        return SCHEMA.create(Map.of(SCHEMA.entry(setting).name(), value), SCHEMA.values(this));
    }

    /** The settings, name → value. */
    public Map<String, Object> values() {
        return SCHEMA.values(this);
    }

    /** Examples per optimizer step: {@code accumulate × batch-size} (the batch of the data loader). */
    public int stepBatchSize() {
        return Math.multiplyExact(accumulate, batchSize);
    }

    /** The parsed memory format. */
    public MemoryFormat format() {
        return MemoryFormat.parse(memoryFormat);
    }

    /** The parsed mapping. */
    public Vdm mapping() {
        return Vdm.parse(vdm);
    }

    /** The optimizer's settings: {@code torch.optim.SGD}, {@code Adam} or {@code AdamW} as {@link #optimizer} says. */
    public OptimizerConfig optimizerConfig() {
        return switch (optimizer) {
            case "sgd" -> new SgdConfig(momentum, 0, weightDecay, nesterov);
            case "adam" -> AdamConfig.adam(betas.get(0), betas.get(1), eps, weightDecay);
            case "adamw" -> AdamConfig.adamW(betas.get(0), betas.get(1), eps, weightDecay);
            default -> throw new IllegalStateException("unknown optimizer " + optimizer); // the constructor checks
        };
    }

    /** The step schedule: η₀ multiplied by γ at each milestone. */
    public MultiStepLR schedule() {
        return new MultiStepLR(lr, milestones, gamma);
    }

    /** η at {@code epoch} (0-based), by the schedule. */
    public double learningRate(int epoch) {
        return schedule().lr(epoch);
    }

    private static void require(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + field + ": " + value + " (expected " + expected + ")");
        }
    }
}
