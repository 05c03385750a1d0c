package io.deform4j.cli;

import io.deform4j.train.Progress;
import io.deform4j.train.RunInfo;
import io.deform4j.train.Runs;
import io.deform4j.train.TrainConfig;
import io.deform4j.train.TrainOptions;
import io.deform4j.train.TrainingStoppedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deform4j train}: one training run on δ(ℓ), with metrics, checkpoints and exact resume. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        header = "Train a CNN on the deformed loss δ(ℓ) (or the original loss) and record every epoch.",
        description = {
            "",
            "Trains --model on --dataset with SGD (PyTorch semantics: momentum, Nesterov, weight decay) and "
                    + "step decay of the learning rate at --milestones, minimising δ(ℓ) of the batch-mean "
                    + "cross-entropy ℓ (Algorithm 1 of the paper). Hyper-parameters default to the model's row "
                    + "of the paper's Table 4 (e.g. resnet20: 250 epochs, batch 128, lr 0.1, milestones 150,225, "
                    + "weight decay 5e-4); a YAML file (--config) overrides those and options override the file.",
            "",
            "Each epoch evaluates on the test set, appends to DIR/metrics.csv (epoch, lr, train_loss, "
                    + "train_deformed_loss, train_acc, test_loss, test_acc, train_seconds, eval_seconds), and "
                    + "writes a checkpoint atomically. DIR/run.json holds the resolved configuration and the "
                    + "final and best test accuracy. --resume continues an interrupted run exactly.",
            "",
            "If the loss leaves the mapping's domain (e.g. LE(1,1.9) once ℓ ≤ ln 1.9) or becomes NaN/∞, "
                    + "training stops with the epoch and step; no update is applied from that step and the "
                    + "last checkpoint is kept.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j train --vdm 'LE(1,0.99)' --epochs 3 --out runs/le",
            "  deform4j train --model resnet20 --dataset folder --data-dir ~/data/cifar10-jpeg \\",
            "      --vdm 'AP(18/pi,1,2,1)' --limit-train 5000 --limit-test 1000 --threads 2 --out runs/ap",
            "  deform4j train --config cifar10.yaml --out runs/c10",
            "  deform4j train --resume --out runs/le",
            "",
            "Exit status: 0 success, 1 failure (training stopped, I/O error), 2 bad input."
        })
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingOptions options;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file of settings (keys as the long options: "
            + "model, dataset, data-dir, vdm, epochs, batch-size, lr, momentum, nesterov, weight-decay, milestones, "
            + "gamma, seed, threads, limit-train, limit-test, memory-format).")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Run directory.")
    private Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last complete checkpoint "
            + "(only --epochs may be given with it).")
    private boolean resume;

    @Option(names = "--overwrite", description = "Start over in an --out that holds a run (its files are replaced).")
    private boolean overwrite;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Runs.Result result;
        try {
            if (resume) {
                if (config != null || overwrite || options.givenExceptEpochs()) {
                    throw new IllegalArgumentException("--resume continues with the configuration recorded in "
                            + this.out.resolve("run.json") + "; only --epochs may be given with it");
                }
                result = Runs.resume(this.out, options.epochs, Progress.auto(out, ""));
            } else {
                TrainOptions given = options.toOptions();
                if (config != null) {
                    given = given.orElse(TrainOptions.readYaml(config));
                }
                TrainConfig resolved = TrainConfig.resolve(given);
                result = Runs.start(resolved, this.out, overwrite, Progress.auto(out, ""));
            }
        } catch (TrainingStoppedException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        RunInfo info = result.info();
        out.println(String.format(Locale.ROOT, "%s: %d epochs, final test accuracy %.2f%%, best %.2f%% (epoch %d)",
                result.dir(), info.epochsCompleted(), 100 * orZero(info.finalTestAccuracy()),
                100 * orZero(info.bestTestAccuracy()), info.bestEpoch() == null ? 0 : info.bestEpoch()));
        return ExitCodes.OK;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    /** The training settings shared by {@code train} and {@code compare}; unset options stay null. */
    static final class TrainingOptions {
        @Option(names = "--model", paramLabel = "NAME", description = "Model: resnet20/32/44/56/110, "
                + "preresnet20/110 (default: resnet20).")
        String model;

        @Option(names = "--dataset", paramLabel = "NAME", description = "cifar10, cifar100, fashion-mnist, mnist, "
                + "folder or sample, the built-in Fashion-MNIST sample (default: sample).")
        String dataset;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the data set (folder: ROOT with "
                + "train/<class>/ and test/<class>/).")
        String dataDir;

        @Option(names = "--vdm", paramLabel = "SPEC", description = "Deformation mapping in the paper's notation, "
                + "e.g. 'LE(1,0.99)', 'AP(18/pi,1,2,1)', original (default: original).")
        String vdm;

        @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: Table 4, 250; compare: 3).")
        Integer epochs;

        @Option(names = "--batch-size", paramLabel = "N", description = "Batch size (default: Table 4, 128).")
        Integer batchSize;

        @Option(names = "--lr", paramLabel = "ETA", description = "Initial learning rate (default: Table 4, 0.1).")
        Double lr;

        @Option(names = "--momentum", paramLabel = "MU", description = "SGD momentum (default: 0.9).")
        Double momentum;

        @Option(names = "--nesterov", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
                description = "Nesterov momentum, true or false (default: true).")
        Boolean nesterov;

        @Option(names = "--weight-decay", paramLabel = "LAMBDA", description = "Weight decay (default: Table 4).")
        Double weightDecay;

        @Option(names = "--milestones", paramLabel = "E1,E2,...", description = "Epochs where the learning rate is "
                + "multiplied by --gamma, or 'none' (default: Table 4).")
        String milestones;

        @Option(names = "--gamma", paramLabel = "G", description = "Decay factor at each milestone (default: 0.1).")
        Double gamma;

        @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation, shuffling and "
                + "augmentation (default: 42).")
        Long seed;

        @Option(names = "--threads", paramLabel = "N", description = "CPU threads of the engine (default: 1).")
        Integer threads;

        @Option(names = "--limit-train", paramLabel = "N", description = "Use a class-balanced subset of N training "
                + "images (default: all).")
        Integer limitTrain;

        @Option(names = "--limit-test", paramLabel = "N", description = "Use a class-balanced subset of N test "
                + "images (default: all).")
        Integer limitTest;

        @Option(names = "--memory-format", paramLabel = "FORMAT", description = "Layout of convolution weights and "
                + "inputs: channels-last (faster on CPU) or contiguous (default: channels-last).")
        String memoryFormat;

        TrainOptions toOptions() {
            return new TrainOptions(model, dataset, dataDir, vdm, epochs, batchSize, lr, momentum, nesterov,
                    weightDecay, parseMilestones(milestones), gamma, seed, threads, limitTrain, limitTest, memoryFormat);
        }

        boolean givenExceptEpochs() {
            return model != null || dataset != null || dataDir != null || vdm != null || batchSize != null
                    || lr != null || momentum != null || nesterov != null || weightDecay != null || milestones != null
                    || gamma != null || seed != null || threads != null || limitTrain != null || limitTest != null
                    || memoryFormat != null;
        }

        static List<Integer> parseMilestones(String text) {
            if (text == null) {
                return null;
            }
            List<Integer> list = new ArrayList<>();
            if (text.isBlank() || text.trim().equalsIgnoreCase("none")) {
                return list;
            }
            for (String part : text.split(",")) {
                try {
                    list.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid milestones: " + text
                            + " (expected epochs separated by commas, e.g. 150,225, or none)");
                }
            }
            return list;
        }
    }
}
