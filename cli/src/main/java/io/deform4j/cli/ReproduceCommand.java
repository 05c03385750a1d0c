package io.deform4j.cli;

import io.deform4j.io.Csv;
import io.deform4j.io.OutputPaths;
import io.deform4j.landscape.CurveFiles;
import io.deform4j.mapping.Vdm;
import io.deform4j.report.ReproductionSummary;
import io.deform4j.report.SimulationReport;
import io.deform4j.sweep.ChildCommands;
import io.deform4j.sweep.Launch;
import io.deform4j.sweep.LocalExecutor;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.sweep.SweepDirectory;
import io.deform4j.sweep.SweepPlan;
import io.deform4j.sweep.SweepRun;
import io.deform4j.sweep.SweepSpec;
import io.deform4j.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deform4j reproduce}: the paper's evidence in small, on this machine and the data shipped
 * with deform4j. It runs other commands exactly as typed, each printed first: {@code simulate}
 * for Figs. 1, 4 and 7 and {@code report} in this process; the runs of the sweep preset
 * {@code reproduce} (the original model against a mapping over several seeds) as {@code sweep}
 * does, and {@code hessian} and {@code landscape} for the trained networks likewise, as child
 * processes, {@code --parallel} at a time ({@link ChildCommands}); then it prints a summary
 * ({@link ReproductionSummary}). Each step whose output exists is skipped, so running it again
 * into the same directory finishes what was left.
 */
@Command(name = "reproduce",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Reproduce the paper's evidence in small: simulations, original vs deformed training over seeds, "
                + "flatness, one report.",
        description = {
            "",
            "Runs, into DIR (--out), what the paper's claims rest on, at a scale that takes a few minutes on two "
                    + "cores with the Fashion-MNIST sample shipped with deform4j (nothing is downloaded):",
            "  1. DIR/simulations/fig1, fig4, fig7: 'deform4j simulate' of Figs. 1, 4 and 7;",
            "  2. DIR/sweep: 'deform4j sweep reproduce' (see 'deform4j sweep reproduce --print'): ResNet-20 on "
                    + "the original loss and on --vdm, --seeds seeds each, --parallel runs at a time;",
            "  3. DIR/hessian/RUN: 'deform4j hessian' (top eigenvalue and Hutchinson trace) of each trained network, "
                    + "and DIR/landscape: 'deform4j landscape', one filter-normalised loss curve per network, all "
                    + "along directions of the same seed, on --limit training and test images; --parallel "
                    + "processes at a time, logs in DIR/logs;",
            "  4. DIR/report.html: 'deform4j report DIR';",
            "  5. a summary: per mapping the median (min-max) final test accuracy over the seeds, the median "
                    + "λ_max and trace and the median training seconds per epoch, and what they show.",
            "",
            "Each command is printed before it runs, so any step can be run again by hand. A step whose output "
                    + "exists is skipped and a sweep skips finished runs, so running 'reproduce' again into the "
                    + "same DIR finishes what is left; SIGTERM or Ctrl-C leave it resumable (the runs checkpoint, "
                    + "every other output is written whole or not at all). More --seeds or another --vdm add runs.",
            "",
            "--full prints, and does not run, the commands that reproduce the paper's Tables 1-3 at full scale "
                    + "on a SLURM cluster with GPUs, with their cost in runs, run-epochs and GPU-hours.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j reproduce",
            "  deform4j reproduce --out runs/ap --vdm 'AP(18/pi,1,2,1)' --seeds 5",
            "  deform4j reproduce --set epochs=4 --out runs/quick      # shorter runs: any setting of 'train'",
            "  deform4j reproduce --full",
            "",
            "Exit status: 0 success, 1 failure (a run or step failed; the others are done and reported), "
                    + "2 bad input, 75 runs stopped resumably (SIGUSR1): run it again to go on."
        })
final class ReproduceCommand implements Callable<Integer> {

    /** Default output directory. */
    static final String DEFAULT_OUT = "runs/reproduce";
    /** The sweep preset of the training comparison. */
    static final String PRESET = "reproduce";
    /** The paper's simulations, as {@code deform4j simulate} names them. */
    static final List<String> FIGURES = List.of("fig1", "fig4", "fig7");
    /** Points of each loss curve over α in [−1, 1]: a point every 0.1. */
    static final int CURVE_POINTS = 21;
    /** The seed of the loss curves' directions: one seed, so every network of the architecture gets the same one. */
    static final long DIRECTION_SEED = 1;
    /**
     * Rademacher samples of each Hessian trace. A fixed count bounds the time; {@code hessian.json}
     * records the standard error it gives.
     */
    static final int TRACE_SAMPLES = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT_OUT,
            description = "Where everything goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--vdm", paramLabel = "SPEC",
            description = "The mapping compared with the original (default: the preset's, LE(1,0.99)).")
    private String vdm;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
            description = "Seeds 1..N of each model (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
            description = "Processes at a time: trainings, then Hessians and loss curves (default: ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--threads-per-run", paramLabel = "N",
            description = "Engine threads of each of those processes (default: the cores divided among them).")
    private Integer threadsPerRun;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "256",
            description = "Training images of each Hessian, and training and test images of each loss curve "
                    + "(default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Change a training setting of every run (repeatable), e.g. --set epochs=4.")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--full", description = "Print the commands that reproduce Tables 1-3 at full scale, with their "
            + "cost, and run nothing.")
    private boolean full;

    private PrintWriter w;

    @Override
    public Integer call() throws Exception {
        w = spec.commandLine().getOut();
        if (full) {
            FullScale.print(w);
            return ExitCodes.OK;
        }
        long begin = System.nanoTime();
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be >= 1, got " + limit);
        }
        SweepPlan plan = plan();
        int threads = threadsPerRun != null ? threadsPerRun : LocalExecutor.Options.defaultThreadsPerRun(parallel);
        LocalExecutor.Options local = new LocalExecutor.Options(parallel, threads, List.of(), false);
        OutputPaths.checkFolder("--out", out);
        local.warning().ifPresent(warning -> spec.commandLine().getErr().println("warning: " + warning));
        TrainConfig c = plan.runs().get(0).config();
        w.printf(Locale.ROOT, "reproduce into %s: the simulations of Figs. %s; %s on %s, original vs %s, %d seeds, "
                + "%d epochs; the Hessian and loss curve of each network; the report%n", out,
                String.join(", ", FIGURES.stream().map(f -> f.substring(3)).toList()), c.model(), c.dataset(),
                deformed(plan), seeds, c.epochs());

        step("simulations");
        for (String figure : FIGURES) {
            Path dir = out.resolve("simulations").resolve(figure);
            int status = SimulationReport.FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f))) ? skip(dir)
                    : deform4j("simulate", figure, "--out", dir.toString());
            if (status != ExitCodes.OK) {
                return status;
            }
        }

        step("training: " + plan.runs().size() + " runs");
        Path sweepDir = out.resolve("sweep");
        int trained = Launch.local(plan, sweepDir, local, false, w);
        if (trained == ExitCodes.INTERRUPTED) {
            w.println("stopped: run the same command again to go on from where the runs stopped");
            return trained;
        }
        List<RunRecord> done = done(sweepDir, plan);

        step("flatness: the Hessian and loss curve of " + done.size() + " trained networks, " + parallel
                + " processes at a time");
        List<ChildCommands.Task> tasks = instruments(done, threads);
        tasks.forEach(t -> print(t.args()));
        ChildCommands.Outcome measured = ChildCommands.run(tasks, parallel, line -> {
            w.println(line);
            w.flush();
        });
        if (measured.stopped()) {
            w.println("stopped: run the same command again to compute what is missing");
            return ExitCodes.INTERRUPTED;
        }
        boolean failed = trained != ExitCodes.OK || measured.status().values().stream().anyMatch(code -> code != 0);

        step("report");
        Path page = out.resolve("report.html");
        int reported = deform4j("report", out.toString(), "--out", page.toString());

        step("summary");
        w.print(ReproductionSummary.of(out).text());
        w.println("report: " + page);
        w.println("the paper's Tables 1-3 at full scale: deform4j reproduce --full");
        long seconds = Math.round((System.nanoTime() - begin) / 1e9);
        w.printf(Locale.ROOT, "reproduce took %d min %02d s%n", seconds / 60, seconds % 60);
        w.flush();
        // a file the report cannot read is a failure of a step here, not bad input of the user's
        return failed || reported != ExitCodes.OK ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** The preset with --seeds, --vdm and --set applied, every run checked. */
    private SweepPlan plan() {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        }
        SweepSpec preset = SweepSpec.load(PRESET);
        SweepSpec spec = preset.withGrid("seed", IntStream.rangeClosed(1, seeds).boxed().toList());
        if (vdm != null) {
            Vdm mapping = Vdm.parse(vdm);
            if (mapping.equals(Vdm.original())) {
                throw new IllegalArgumentException("--vdm " + vdm + ": reproduce compares a mapping with the original "
                        + "model; give a deformation mapping, e.g. --vdm 'AP(18/pi,1,2,1)'");
            }
            // in the paper's notation, as runs record it, so that any spelling names the same runs
            spec = spec.withGrid("vdm", List.of(Vdm.original().toString(), mapping.toString()));
        }
        Map<String, Object> settings = SweepCommand.parseOverrides(overrides);
        for (String varied : List.of("seed", "vdm")) {
            if (settings.containsKey(varied)) {
                throw new IllegalArgumentException("--set " + varied + ": reproduce varies " + varied + "; use --"
                        + (varied.equals("seed") ? "seeds N" : "vdm SPEC"));
            }
        }
        return SweepPlan.expand(spec, settings);
    }

    /** The mappings of the plan other than the original. */
    private static String deformed(SweepPlan plan) {
        return String.join(", ", plan.runs().stream().map(r -> r.config().vdm()).distinct()
                .filter(v -> !v.equals(Vdm.original().toString())).toList());
    }

    /** The plan's runs that finished, in the plan's order. */
    private static List<RunRecord> done(Path sweepDir, SweepPlan plan) throws IOException {
        Set<String> planned = new HashSet<>(plan.runs().stream().map(SweepRun::name).toList());
        return SweepDirectory.existing(sweepDir).records().stream()
                .filter(r -> planned.contains(r.name()) && r.state() == RunState.DONE).toList();
    }

    /**
     * Whether {@code dir} holds the loss curves of exactly {@code runs}, and their picture (written
     * last): a new run needs them all again, in one picture.
     */
    private static boolean hasCurves(Path dir, List<RunRecord> runs) throws IOException {
        Path file = dir.resolve(LandscapeCommand.CURVE_CSV);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(dir.resolve(LandscapeCommand.CURVE_PNG))) {
            return false;
        }
        Set<String> models = new HashSet<>();
        Csv.read(file, CurveFiles.CurvePoint.class).forEach(p -> models.add(p.model()));
        return models.equals(new HashSet<>(runs.stream().map(RunRecord::name).toList()));
    }

    /**
     * The instruments still to run on {@code runs}: the loss curves of them all (first: the longest
     * task), then the Hessian of each; an output that exists is reported and skipped.
     */
    private List<ChildCommands.Task> instruments(List<RunRecord> runs, int threads) throws IOException {
        List<ChildCommands.Task> tasks = new ArrayList<>();
        Path logs = out.resolve("logs");
        Path landscape = out.resolve("landscape");
        if (runs.isEmpty()) {
            return tasks;
        }
        if (hasCurves(landscape, runs)) {
            skip(landscape);
        } else {
            List<String> args = new ArrayList<>(List.of("landscape"));
            runs.forEach(r -> args.addAll(List.of("--checkpoint", r.dir().toString())));
            args.addAll(List.of("--points", String.valueOf(CURVE_POINTS), "--seed", String.valueOf(DIRECTION_SEED),
                    "--limit", String.valueOf(limit), "--threads", String.valueOf(threads), "--out",
                    landscape.toString()));
            tasks.add(new ChildCommands.Task("landscape", args, logs.resolve("landscape.log")));
        }
        for (RunRecord run : runs) {
            Path dir = out.resolve("hessian").resolve(run.name());
            if (Files.isRegularFile(dir.resolve(HessianCommand.OUTPUT))) {
                skip(dir);
                continue;
            }
            tasks.add(new ChildCommands.Task("hessian " + run.name(), List.of("hessian", "--checkpoint",
                    run.dir().toString(), "--top", "1", "--trace", "--trace-samples", String.valueOf(TRACE_SAMPLES),
                    "--trace-min-samples", String.valueOf(TRACE_SAMPLES), "--limit", String.valueOf(limit),
                    "--threads", String.valueOf(threads), "--out", dir.toString()),
                    logs.resolve("hessian-" + run.name() + ".log")));
        }
        return tasks;
    }

    private void step(String what) {
        w.println();
        w.println("== " + what);
        w.flush();
    }

    private int skip(Path dir) {
        w.println("done already: " + dir);
        return ExitCodes.OK;
    }

    /** Runs {@code deform4j ARGS} in this process, as typed, after printing it. */
    private int deform4j(String... args) {
        print(List.of(args));
        return Deform4j.run(w, spec.commandLine().getErr(), args);
    }

    /** Prints {@code deform4j ARGS} so that it can be pasted into a shell. */
    private void print(List<String> args) {
        w.println("$ deform4j " + String.join(" ", args.stream().map(ReproduceCommand::quoted).toList()));
        w.flush();
    }

    /** {@code arg} as a shell would need it typed: in single quotes when it holds anything but a plain word or path. */
    static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9_./:=,+@%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
