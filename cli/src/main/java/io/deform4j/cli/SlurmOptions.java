package io.deform4j.cli;

import io.deform4j.sweep.SlurmExecutor;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The options of {@code sweep --executor slurm}: how the runs are submitted as one SLURM job array. */
final class SlurmOptions {

    /** This mixin's own options. */
    @Spec
    private CommandSpec mixin;

    @Option(names = "--partition", paramLabel = "P", description = "SLURM partition (default: the cluster's).")
    private String partition;

    @Option(names = "--gpus-per-run", paramLabel = "K", defaultValue = "0",
            description = "GPUs of each run, --gres=gpu:K (default: ${DEFAULT-VALUE}).")
    private int gpusPerRun;

    @Option(names = "--max-running", paramLabel = "N", defaultValue = "0",
            description = "Runs at a time at most, the job array's %%N throttle (default: as many as the cluster "
                    + "allows).")
    private int maxRunning;

    @Option(names = "--time", paramLabel = "HH:MM:SS", description = "Time limit of each run's job, HH:MM:SS or "
            + "D-HH:MM:SS (default: the partition's). A run warned before it ends checkpoints and requeues itself.")
    private String time;

    @Option(names = "--signal-margin", paramLabel = "SECONDS",
            defaultValue = "" + SlurmExecutor.Options.DEFAULT_SIGNAL_MARGIN_S,
            description = "How long before the time limit SLURM warns a run (USR1) to checkpoint and requeue "
                    + "(default: ${DEFAULT-VALUE}).")
    private int signalMargin;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "A further sbatch argument, e.g. "
            + "--sbatch-arg=--account=A (repeatable); it takes precedence over the script's directives.")
    private List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--dry-run", description = "Write the job script into DIR/slurm/ and print the sbatch command; "
            + "submit nothing.")
    private boolean dryRun;

    /** The executor's options, with {@code threadsPerRun} engine threads (and CPUs) per run. */
    SlurmExecutor.Options options(int threadsPerRun) {
        return new SlurmExecutor.Options(partition, gpusPerRun, maxRunning, time, sbatchArgs, dryRun, threadsPerRun,
                signalMargin);
    }

    /** The names of this mixin's options that were given on the command line parsed as {@code parsed}. */
    List<String> given(ParseResult parsed) {
        return mixin.options().stream().filter(parsed::hasMatchedOption).map(OptionSpec::longestName).toList();
    }
}
