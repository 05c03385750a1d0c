package io.deform4j.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deform4j.data.DataSources;
import io.deform4j.mapping.Vdm;
import io.deform4j.model.MemoryFormat;
import io.deform4j.model.Models;
import io.deform4j.model.TrainingDefaults;
import io.deform4j.naming.Suggestions;
import java.util.List;

/**
 * A complete, validated training configuration: what {@code run.json} records and a resumed
 * run reads back. Every value is checked in the compact constructor; a bad one is an
 * {@link IllegalArgumentException} naming the field, the value and what was expected.
 *
 * <p>Defaults (used when neither the command line, a YAML file nor the model's Table 4 row
 * gives a value) are the named constants below: the paper's CIFAR setting.
 *
 * @param model       model name in the registry (e.g. {@code resnet20})
 * @param dataset     one of {@link #DATASETS}
 * @param dataDir     where the data set lives; empty for the built-in sample or a data set's default place
 * @param vdm         the deformation mapping in paper notation ({@code original} = plain loss)
 * @param epochs      number of epochs, ≥ 1
 * @param batchSize   examples per step, ≥ 1
 * @param lr          initial learning rate η₀ &gt; 0
 * @param momentum    SGD momentum μ in [0, 1)
 * @param nesterov    Nesterov momentum (needs μ &gt; 0)
 * @param weightDecay λ ≥ 0, applied by the optimizer, not deformed
 * @param milestones  strictly increasing epochs ≥ 1 where η is multiplied by {@code gamma} (MultiStepLR)
 * @param gamma       decay factor in (0, 1]
 * @param seed        seed of initialisation, shuffling and augmentation
 * @param threads     intra-op CPU threads of the engine, ≥ 1
 * @param limitTrain  class-balanced subset of the training set, 0 = all
 * @param limitTest   class-balanced subset of the test set, 0 = all
 * @param memoryFormat layout of the convolution weights and inputs, {@code channels-last} (default,
 *                    faster) or {@code contiguous} ({@link MemoryFormat}); it changes the kernels'
 *                    summation order, hence the last bits, so a resumed run keeps its run's value.
 *                    A {@code run.json} written before this field existed was trained contiguous.
 */
public record TrainConfig(
        String model,
        String dataset,
        @JsonProperty("data-dir") String dataDir,
        String vdm,
        int epochs,
        @JsonProperty("batch-size") int batchSize,
        double lr,
        double momentum,
        boolean nesterov,
        @JsonProperty("weight-decay") double weightDecay,
        List<Integer> milestones,
        double gamma,
        long seed,
        int threads,
        @JsonProperty("limit-train") int limitTrain,
        @JsonProperty("limit-test") int limitTest,
        @JsonProperty("memory-format") String memoryFormat) {

    /** The data sets {@code --dataset} accepts. */
    public static final List<String> DATASETS = DataSources.NAMES;
    /** Default model: ResNet-20, the paper's CIFAR baseline. */
    public static final String DEFAULT_MODEL = "resnet20";
    /** Default data set: the Fashion-MNIST sample on the classpath (works offline, in minutes). */
    public static final String DEFAULT_DATASET = "sample";
    /** Default mapping: none, the original model. */
    public static final String DEFAULT_VDM = "original";
    /** Default epochs (Table 4). */
    public static final int DEFAULT_EPOCHS = 250;
    /** Default batch size (Table 4). */
    public static final int DEFAULT_BATCH_SIZE = 128;
    /** Default initial learning rate (Table 4). */
    public static final double DEFAULT_LR = 0.1;
    /** Default momentum (CIFAR-ZOO, the paper's code base). */
    public static final double DEFAULT_MOMENTUM = 0.9;
    /** Default Nesterov flag. */
    public static final boolean DEFAULT_NESTEROV = true;
    /** Default weight decay (Table 4, ResNet-20). */
    public static final double DEFAULT_WEIGHT_DECAY = 5e-4;
    /** Default milestones (Table 4, ResNet-20). */
    public static final List<Integer> DEFAULT_MILESTONES = List.of(150, 225);
    /** Default decay factor γ (Table 4 footnote: ×0.1). */
    public static final double DEFAULT_GAMMA = 0.1;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42;
    /** Default threads: 1 (reproducible; raise for speed). */
    public static final int DEFAULT_THREADS = 1;
    /** Default memory format: channels-last, about 25 % faster on CPU than contiguous (BENCHMARKS.md). */
    public static final String DEFAULT_MEMORY_FORMAT = MemoryFormat.CHANNELS_LAST.id();

    /** The built-in defaults as options, the last layer of {@link TrainOptions#orElse}. */
    public static final TrainOptions DEFAULTS = new TrainOptions(DEFAULT_MODEL, DEFAULT_DATASET, "", DEFAULT_VDM,
            DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, DEFAULT_LR, DEFAULT_MOMENTUM, DEFAULT_NESTEROV, DEFAULT_WEIGHT_DECAY,
            DEFAULT_MILESTONES, DEFAULT_GAMMA, DEFAULT_SEED, DEFAULT_THREADS, 0, 0, DEFAULT_MEMORY_FORMAT);

    public TrainConfig {
        require(model != null && !model.isBlank(), "model", model, "a model name");
        require(dataset != null, "dataset", dataset, "one of " + DATASETS);
        if (!DATASETS.contains(dataset)) {
            throw Suggestions.unknown("data set", dataset, DATASETS);
        }
        dataDir = dataDir == null ? "" : dataDir;
        require(!"folder".equals(dataset) || !dataDir.isEmpty(), "data-dir", dataDir, "a folder for --dataset folder");
        require(vdm != null, "vdm", vdm, "a mapping such as LE(1,0.99)");
        vdm = Vdm.parse(vdm).toString(); // IllegalArgumentException with the parser's message
        require(epochs >= 1, "epochs", epochs, ">= 1");
        require(batchSize >= 1, "batch-size", batchSize, ">= 1");
        require(lr > 0 && Double.isFinite(lr), "lr", lr, "a finite number > 0");
        require(momentum >= 0 && momentum < 1, "momentum", momentum, "in [0, 1)");
        require(!nesterov || momentum > 0, "nesterov", nesterov, "false when momentum is 0 (Nesterov needs momentum)");
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weight-decay", weightDecay, ">= 0");
        require(milestones != null, "milestones", milestones, "a list of epochs");
        milestones = List.copyOf(milestones);
        for (int i = 0; i < milestones.size(); i++) {
            require(milestones.get(i) >= 1 && (i == 0 || milestones.get(i) > milestones.get(i - 1)),
                    "milestones", milestones, "strictly increasing epochs >= 1");
        }
        require(gamma > 0 && gamma <= 1, "gamma", gamma, "in (0, 1]");
        require(threads >= 1 && threads <= 1024, "threads", threads, "in [1, 1024]");
        require(limitTrain >= 0, "limit-train", limitTrain, ">= 0 (0 = all)");
        require(limitTest >= 0, "limit-test", limitTest, ">= 0 (0 = all)");
        memoryFormat = MemoryFormat.parse(memoryFormat == null ? MemoryFormat.CONTIGUOUS.id() : memoryFormat).id();
    }

    /**
     * The configuration from {@code options} (command line over YAML file), then the model's
     * Table 4 row ({@link Models#defaults}), then {@link #DEFAULTS}.
     *
     * @throws IllegalArgumentException for an unknown model (suggesting the closest) or a bad value
     */
    public static TrainConfig resolve(TrainOptions options) {
        String model = options.model() != null ? options.model() : DEFAULT_MODEL;
        TrainingDefaults table = Models.defaults(model);
        TrainOptions row = new TrainOptions(null, null, null, null, table.epochs(), table.batchSize(), table.lr(),
                table.momentum(), table.nesterov(), table.weightDecay(), table.milestones(), table.gamma(), null, null,
                null, null, null);
        TrainOptions o = options.orElse(row).orElse(DEFAULTS);
        return new TrainConfig(o.model(), o.dataset(), o.dataDir(), o.vdm(), o.epochs(), o.batchSize(), o.lr(),
                o.momentum(), o.nesterov(), o.weightDecay(), o.milestones(), o.gamma(), o.seed(), o.threads(),
                o.limitTrain(), o.limitTest(), o.memoryFormat());
    }

    /** The parsed memory format. */
    public MemoryFormat format() {
        return MemoryFormat.parse(memoryFormat);
    }

    /** The parsed mapping. */
    public Vdm mapping() {
        return Vdm.parse(vdm);
    }

    /** η at {@code epoch} (0-based) by MultiStepLR's closed form: η₀·γ^(number of milestones ≤ epoch). */
    public double learningRate(int epoch) {
        int passed = 0;
        for (int m : milestones) {
            if (m <= epoch) {
                passed++;
            }
        }
        return lr * Math.pow(gamma, passed);
    }

    /** This configuration as options (for layering a resumed run's overrides). */
    public TrainOptions toOptions() {
        return new TrainOptions(model, dataset, dataDir, vdm, epochs, batchSize, lr, momentum, nesterov, weightDecay,
                milestones, gamma, seed, threads, limitTrain, limitTest, memoryFormat);
    }

    /** A copy with another mapping. */
    public TrainConfig withVdm(String other) {
        return new TrainConfig(model, dataset, dataDir, other, epochs, batchSize, lr, momentum, nesterov, weightDecay,
                milestones, gamma, seed, threads, limitTrain, limitTest, memoryFormat);
    }

    private static void require(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + field + ": " + value + " (expected " + expected + ")");
        }
    }
}
