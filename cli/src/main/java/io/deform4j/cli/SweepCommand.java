package io.deform4j.cli;

import io.deform4j.settings.SettingsSchema;
import io.deform4j.sweep.Launch;
import io.deform4j.sweep.LocalExecutor;
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
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
            "SPEC is a YAML file or a preset: table1, table2, table3 (the paper's Tables 1-3). A spec has "
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
                    + "--devices, its own GPU. SIGTERM or Ctrl-C stops the runs resumably.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j sweep table1 --print",
            "  deform4j sweep my-sweep.yaml --print --set epochs=3",
            "  deform4j sweep my-sweep.yaml --out runs/my-sweep --parallel 2",
            "  deform4j sweep my-sweep.yaml --out runs/my-sweep --retry-failed",
            "  deform4j status runs/my-sweep",
            "",
            "Exit status: 0 every run done, 1 a run failed, 2 bad input, 75 runs stopped and resumable."
        })
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A sweep spec (YAML) or a preset: table1, table2, "
            + "table3.")
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
            description = "Engine threads of each run (default: the cores divided among the parallel runs).")
    private Integer threadsPerRun;

    @Option(names = "--devices", paramLabel = "ID,...", split = ",",
            description = "GPUs to hand out, one per running run (exported as CUDA_VISIBLE_DEVICES).")
    private List<String> devices = new ArrayList<>();

    @Option(names = "--fail-fast", description = "Stop every run when one fails.")
    private boolean failFast;

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
        int threads = threadsPerRun != null ? threadsPerRun
                : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, parallel));
        LocalExecutor.Options local = new LocalExecutor.Options(parallel, threads, devices, failFast);
        SweepDirectory sweep = SweepDirectory.prepare(out, plan);
        List<String> runs = Launch.select(sweep.records(), retryFailed, w);
        w.printf("sweep %s: %d runs, %d to run now, %d at a time, %d threads each; directory %s%n", plan.name(),
                plan.runs().size(), runs.size(), local.parallel(), local.threadsPerRun(), out);
        w.flush();
        return new LocalExecutor(local).execute(sweep, runs, w);
    }

    static Map<String, Object> parseOverrides(List<String> overrides) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set " + override + ": expected KEY=VALUE, e.g. epochs=3");
            }
            String key = override.substring(0, eq).trim();
            parsed.put(TrainConfig.SCHEMA.entry(key).name(), TrainConfig.SCHEMA.parse(key, override.substring(eq + 1)));
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
