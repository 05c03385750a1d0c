package io.deform4j.cli;

import io.deform4j.io.OutputPaths;
import io.deform4j.report.ComparisonTable;
import io.deform4j.train.Comparison;
import io.deform4j.train.Progress;
import io.deform4j.train.TrainConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deform4j compare}: the original model against a deformed one, same seed, side by side. */
@Command(name = "compare",
        modelTransformer = SettingOptions.Compare.class,
        mixinStandardHelpOptions = true,
        header = "Train the original and a deformed model with the same seed and compare them side by side.",
        description = {
            "",
            "Runs two trainings one after the other with identical settings and seed: one on the original "
                    + "loss ℓ and one on δ(ℓ) (--vdm, default " + Comparison.DEFAULT_VDM + "). Prints a table of "
                    + "final and best test accuracy, final losses, median seconds per epoch of training and "
                    + "evaluation and the deformed run's training time relative to the original's, and leaves each run "
                    + "(metrics.csv, run.json, checkpoints) in DIR/original and DIR/deformed.",
            "",
            "By default: resnet20 on the built-in Fashion-MNIST sample (2000 training, 500 test images, no "
                    + "download), " + Comparison.DEFAULT_EPOCHS + " epochs, lr 0.1, one engine thread per core (--threads): under a minute "
                    + "on 2 cores. Every option of 'train' points it elsewhere, e.g. --dataset folder --data-dir.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j compare",
            "  deform4j compare --vdm 'AP(18/pi,1,2,1)' --epochs 5 --out runs/ap",
            "  deform4j compare --dataset folder --data-dir ~/data/cifar10-jpeg \\",
            "      --limit-train 5000 --limit-test 1000 --epochs 10 --out runs/cifar",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input, 75 interrupted by SIGTERM or SIGUSR1 (the run in "
                    + "progress is saved; the message names the 'train --resume' that continues it)."
        })
final class CompareCommand implements Callable<Integer> {

    /** Default output directory. */
    static final String DEFAULT_OUT = "runs/compare";

    @Spec
    private CommandSpec spec;

    /** Where compare departs from the settings' defaults: a mapping to compare with, a short run, every core. */
    static final Map<String, Object> DEFAULTS = Map.of("vdm", Comparison.DEFAULT_VDM,
            "epochs", Comparison.DEFAULT_EPOCHS, "threads", Runtime.getRuntime().availableProcessors());

    @Mixin
    private RunOptions options;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT_OUT,
            description = "Where the two runs go (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        List<Map<String, ?>> layers = options.layers();
        layers.add(DEFAULTS);
        TrainConfig resolved = TrainConfig.resolve(layers);
        if (resolved.mapping().toString().equals("original")) {
            throw new IllegalArgumentException("--vdm original: compare needs a deformation mapping to compare with");
        }
        OutputPaths.checkFolder("--out", out);
        w.println("compare: " + resolved.model() + " on " + resolved.dataset() + ", " + resolved.epochs()
                + " epochs, batch " + resolved.batchSize() + ", lr " + resolved.lr() + ", seed " + resolved.seed()
                + ", " + resolved.threads() + " threads: original vs " + resolved.vdm());
        w.flush();
        Comparison.Result result = Comparison.run(resolved, out, options.overwrite(), label -> Progress.auto(w, label));
        w.println();
        w.print(ComparisonTable.format(result));
        w.println("runs in " + out);
        return ExitCodes.OK;
    }
}
