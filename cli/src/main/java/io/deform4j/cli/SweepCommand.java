package io.deform4j.cli;

import io.deform4j.io.OutputPaths;
import io.deform4j.settings.SettingsSchema;
import io.deform4j.sweep.Launch;
import io.deform4j.engine.Devices;
import io.deform4j.sweep.LocalExecutor;
import io.deform4j.sweep.SlurmExecutor;
import io.deform4j.sweep.SweepDirectory;
import io.deform4j.sweep.SweepPlan;
import io.deform4j.sweep.SweepRun;
import io.deform4j.sweep.SweepSpec;
import io.deform4j.train.TrainConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deform4j sweep}: many trainings from one spec (models × mappings × seeds …). */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        header = "Expand a sweep spec (base settings × grid × cells) into runs and list or run them.",
        description = {
            "",
            "SPEC is a YAML file or a preset: table1, table2, table3 (the paper's Tables 1-3) or reproduce (the "
                    + "comparison of 'deform4j reproduce'). A spec has "
                    + "'base' (settings of every run, the keys of 'train --config'), 'grid' (settings to lists "
                    + "of values; the runs are their cross product), optional 'cells' (explicit combinations, "
                    + "each crossed with the grid) and 'name'. Every value is checked before anything runs.",
            "",
            "Each run's directory is named from the settings that vary, e.g. resnet20-cifar100-LE(1,0.9)-seed3, "
                    + "under DIR/runs/, with its log in DIR/logs/. DIR/sweep.json records the spec: launching "
                    + "the same sweep again skips the runs that are done, resumes interrupted ones from their last "
                    + "checkpoint and runs failed ones again only with --retry-failed; a changed spec is refused "
                    + "(more seeds or grid values only add runs).",
            "",
            "The local executor runs one process per run, --parallel at a time, each with "
                    + "--threads-per-run engine threads (default: the cores divided among them) and, with "
                    + "--devices, its own GPU. While they train, a progress bar over their epochs is shown on a "
                    + "terminal, a line per epoch otherwise. SIGTERM, Ctrl-C or SIGUSR1 (passed on to every run) "
                    + "stops the runs resumably: no further run starts and the launch exits with 75.",
            "",
            "--executor slurm submits the runs as one SLURM job array (one task per run, "
                    + "--threads-per-run CPUs each, default 1) and returns; the cluster must see this installation "
                    + "and DIR at the same paths. 'deform4j status DIR' then shows the runs. A run warned before its "
                    + "time limit checkpoints and requeues itself; launching again submits what is left. See "
                    + "docs/sweeps-slurm.md.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j sweep table1 --print",
            "  deform4j sweep my-sweep.yaml --print --set epochs=3",
            "  deform4j sweep my-sweep.yaml --out runs/my-sweep --parallel 2",
            "  deform4j sweep my-sweep.yaml --out runs/my-sweep --retry-failed",
            "  deform4j sweep table1 --out ~/sweeps/t1 --executor slurm --gpus-per-run 1 \\",
            "      --partition gpu --max-running 8 --time 04:00:00 --sbatch-arg=--account=my-lab",
            "  deform4j status runs/my-sweep",
            "",
            "Exit status: 0 every run done (slurm: submitted), 1 a run failed, 2 bad input (also: broken runs, "
                    + "whose damaged files need repair, were left alone), 75 runs stopped and resumable."
        })
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A sweep spec (YAML) or a preset: table1, table2, "
            + "table3, reproduce.")
    private String specName;

    @Option(names = "--print", description = "List the runs the spec expands to, and run nothing.")
    private boolean print;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep directory (required unless --print).")
    private Path out;

    @Option(names = "--retry-failed", description = "Run failed runs again (from their last checkpoint).")
    private boolean retryFailed;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Runs at a time (default: ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--threads-per-run", paramLabel = "N",
            description = "Engine threads of each run (default: the cores divided among the parallel runs; "
                    + "slurm: 1), its --cpus-per-task with slurm.")
    private Integer threadsPerRun;

    @Option(names = "--devices", paramLabel = "ID,...", split = ",",
            description = "GPUs to hand out, one per running run (exported as CUDA_VISIBLE_DEVICES).")
    private List<String> devices = new ArrayList<>();

    @Option(names = "--fail-fast", description = "Stop every run when one fails.")
    private boolean failFast;

    /** Where the runs run. */
    enum ExecutorKind { LOCAL, SLURM }

    @Option(names = "--executor", paramLabel = "KIND", defaultValue = "local",
            description = "local (this machine) or slurm (a SLURM job array: --partition, --gpus-per-run, "
                    + "--max-running, --time, --signal-margin, --sbatch-arg, --dry-run) (default: ${DEFAULT-VALUE}).")
    private ExecutorKind executor;

    @Mixin
    private SlurmOptions slurm;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a setting of every run (repeatable), "
            + "e.g. --set epochs=3 --set data-dir=~/data/cifar100; not one that the sweep varies.")
    private List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        SweepPlan plan = SweepPlan.expand(SweepSpec.load(specName), parseOverrides(overrides));
        if (print) {
            printPlan(plan, w);
            return ExitCodes.OK;
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required to run a sweep (or --print to list its runs)");
        }
        OutputPaths.checkFolder("--out", out);
        if (executor == ExecutorKind.SLURM) {
            return submit(plan, w);
        }
        refuseOptionsOf("slurm", slurm.given(spec.commandLine().getParseResult()));
        checkDevices(plan);
        int threads = threadsPerRun != null ? threadsPerRun : LocalExecutor.Options.defaultThreadsPerRun(parallel);
        LocalExecutor.Options local = new LocalExecutor.Options(parallel, threads, devices, failFast);
        local.warning().ifPresent(warning -> spec.commandLine().getErr().println("warning: " + warning));
        return Launch.local(plan, out, local, retryFailed, w);
    }

    /**
     * Refuses, before anything is written, runs that ask for a GPU this machine's engine does not see
     * (local runs only: SLURM's nodes are not this machine). {@code auto} and {@code cpu} always run.
     */
    private static void checkDevices(SweepPlan plan) {
        plan.runs().stream().map(run -> run.config().device()).filter(d -> d.startsWith("gpu")).distinct()
                .forEach(Devices::resolve);
    }

    /** Submits the runs to SLURM ({@code --executor slurm}). */
    private int submit(SweepPlan plan, PrintWriter w) throws Exception {
        refuseOptionsOf("local", Stream.of("--parallel", "--devices", "--fail-fast")
                .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList());
        SlurmExecutor.Options options = slurm.options(threadsPerRun != null ? threadsPerRun : 1);
        SweepDirectory sweep = SweepDirectory.prepare(out, plan);
        List<String> runs = Launch.select(sweep.records(), retryFailed, w);
        w.printf("sweep %s: %d runs, %d to launch, %d CPUs and %d GPUs each; directory %s%n", plan.name(),
                plan.runs().size(), runs.size(), options.threadsPerRun(), options.gpusPerRun(), out);
        w.flush();
        return new SlurmExecutor(options).execute(sweep, runs, w);
    }

    private void refuseOptionsOf(String other, List<String> given) {
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + ": option" + (given.size() > 1 ? "s" : "")
                    + " of --executor " + other + ", not of --executor " + executor.name().toLowerCase(Locale.ROOT));
        }
    }

    static Map<String, Object> parseOverrides(List<String> overrides) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set " + override + ": expected KEY=VALUE, e.g. epochs=3");
            }
            String key = override.substring(0, eq).trim();
            try {
                parsed.put(TrainConfig.SCHEMA.entry(key).name(), TrainConfig.SCHEMA.parse(key, override.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--set " + override + ": " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    private static void printPlan(SweepPlan plan, PrintWriter out) {
        out.printf("sweep %s: %d runs%s%n", plan.name(), plan.runs().size(),
                plan.varying().isEmpty() ? "" : ", varying " + String.join(", ", plan.varying()));
        for (SweepRun run : plan.runs()) {
            TrainConfig c = run.config();
            out.printf("  %-44s %s on %s, %s, %d epochs, lr %s, seed %d%n", run.name(), c.model(), c.dataset(), c.vdm(),
                    c.epochs(), SettingsSchema.text(c.lr()), c.seed());
        }
    }
}
