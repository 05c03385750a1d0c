package io.deform4j.cli;

import io.deform4j.io.OutputPaths;
import io.deform4j.train.Progress;
import io.deform4j.train.RunInfo;
import io.deform4j.train.Runs;
import io.deform4j.train.TrainConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deform4j train}: one training run on δ(ℓ), with metrics, checkpoints and exact resume. */
@Command(name = "train",
        modelTransformer = SettingOptions.class,
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
            "SIGTERM or SIGUSR1 (kill, SLURM's time limit or preemption, sbatch --signal=USR1@120) stops the "
                    + "run gracefully: the current step ends, a checkpoint of the position inside the epoch is "
                    + "written, run.json says 'interrupted', and the exit status is 75; --resume then continues "
                    + "bit for bit as if the run had never stopped. kill -9 loses at most the current epoch.",
            "",
            "--device picks the CPU or a GPU (default auto: a GPU when the engine sees one); run.json records the "
                    + "device used. --accumulate K takes K micro-batches of --batch-size per optimizer step, as "
                    + "data-parallel training on K devices: each with its own batch-norm statistics, δ applied to "
                    + "the loss of all K × batch-size examples.",
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
            "Exit status: 0 success, 1 failure (training stopped, I/O error), 2 bad input, "
                    + "75 interrupted by a signal (resumable with --resume)."
        })
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions options;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Run directory.")
    private Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last complete checkpoint "
            + "(only --epochs, --device and --threads may be given with it; a run moved to another device or "
            + "thread count is no longer bit for bit the run it continues).")
    private boolean resume;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Runs.Result result;
        if (resume) {
            Map<String, Object> given = SettingOptions.given(spec);
            if (options.hasConfig() || options.overwrite() || !Runs.RESUME_CHANGES.containsAll(given.keySet())) {
                throw new IllegalArgumentException("--resume continues with the configuration recorded in "
                        + this.out.resolve("run.json") + "; only --epochs, --device and --threads may be given with it");
            }
            OutputPaths.checkFolder("--out", this.out);
            result = Runs.resumeWith(this.out, given, Progress.auto(out, ""));
        } else {
            TrainConfig config = TrainConfig.resolve(options.layers());
            OutputPaths.checkFolder("--out", this.out);
            result = Runs.start(config, this.out, options.overwrite(), Progress.auto(out, ""));
        }
        RunInfo info = result.info();
        out.println(String.format(Locale.ROOT, "%s: %d epochs, final test accuracy %.2f%%, best %.2f%% (epoch %d)",
                result.dir(), info.epochsCompleted(), 100 * orZero(info.finalTestAcc()),
                100 * orZero(info.bestTestAcc()), info.bestEpoch() == null ? 0 : info.bestEpoch()));
        return ExitCodes.OK;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }
}
