package io.deform4j.cli;

import io.deform4j.io.OutputPaths;
import io.deform4j.mapping.Vdm;
import io.deform4j.optim.AdamConfig;
import io.deform4j.optim.MultiStepLR;
import io.deform4j.optim.OptimizerConfig;
import io.deform4j.optim.SgdConfig;
import io.deform4j.report.Range;
import io.deform4j.report.SimulationReport;
import io.deform4j.simulation.Point;
import io.deform4j.simulation.Study;
import io.deform4j.simulation.StudyResult;
import io.deform4j.simulation.Surface;
import io.deform4j.simulation.SurfaceOptimizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deform4j simulate}: runs one of the paper's 2-parameter experiments (or a custom one)
 * on the original and the deformed surface and writes numbers and pictures; the work is done
 * by {@link Study} and {@link SimulationReport}.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run the paper's 2-parameter experiments (Figs. 1, 4, 7) on the original and the deformed surface.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Runs an optimizer on a loss surface l(p1,p2) and on the same surface deformed by each mapping "
                    + "(the gradient becomes d'(l)*grad l), from the same starts, and compares where the runs end: "
                    + "the final loss and the Hessian eigenvalues of the ORIGINAL surface at the end point, "
                    + "as the paper computes them. Gradients and Hessians are exact (automatic differentiation); "
                    + "the optimizers follow PyTorch (SGD, Adam, AdamW, MultiStepLR), one epoch = one step.",
            "",
            "Studies (supplementary C of the paper):",
            "  fig1    AP(10,1,1,1); SGD, momentum 0.9, lr 0.02; 400 steps from",
            "          (-9.5,-10).",
            "  fig4    LE(1,0.99); GD, lr 0.2, x0.1 at steps 150 and 225; 300 steps",
            "          from 100 random starts in [-10,10]^2 (--seed, --starts).",
            "  fig7    LE(1,0.9); SGD, momentum 0.9, lr 0.02; 100 steps from (-6,11).",
            "          The paper prints ln(exp(l-0.9)) = l-0.9, a shift that cannot",
            "          change the path; LE(1,0.9) is the reading that makes the",
            "          figure possible, and the output says so.",
            "  custom  anything, from the options below (--surface and --vdm needed).",
            "",
            "Options given with a preset override its settings. Writes to DIR:",
            "  summary.json      settings; per run: vdm, init, final, loss, eigenvalues",
            "  trajectories.csv  every point of every run",
            "  contour.png       the trajectories over filled contours (Figs. 1, 7)",
            "  landscape.png     the surface seen from above (Fig. 4(b))",
            "  eigenvalues.png   lambda_max original vs deformed, per start (Fig. 4(a))",
            "and prints a summary per mapping and the time taken. A run that diverges",
            "or leaves a domain is kept and marked 'diverged', never dropped."
        },
        parameterListHeading = "%nStudy:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j simulate fig1 --out out/fig1",
            "  deform4j simulate fig4 --out out/fig4 --seed 7",
            "  deform4j simulate fig4 --out out/fig4-both --starts 30 \\",
            "      --vdm 'AP(18/pi,1,2,1)' --vdm 'LE(1,0.99)'",
            "  deform4j simulate custom --out out/bowl \\",
            "      --surface '(p1^2 + 10 p2^2)/2 + 0.1' --vdm 'LE(1,0.09)' \\",
            "      --lr 0.05 --momentum 0.9 --steps 200 --start 3,2 --start -4,1",
            "  deform4j simulate custom --out out/adam --surface fig7 \\",
            "      --vdm 'LE(1,0.9)' --optimizer adam --lr 0.1 --steps 300 \\",
            "      --starts 20 --range -8:8",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input (an expression that does",
            "not parse, a start outside the surface's domain, an option out of range)."
        })
public final class SimulateCommand implements Callable<Integer> {

    /** The square random starts are drawn from when none is given: the paper's [−10, 10]². */
    static final Range DEFAULT_RANGE = new Range(-10, 10);
    /** Random starts of a custom study when neither --start nor --starts is given: {@value}. */
    static final int DEFAULT_CUSTOM_STARTS = 10;

    @Spec
    private CommandSpec spec;

    private boolean randomStarts;

    @Parameters(index = "0", paramLabel = "STUDY", description = "fig1, fig4, fig7 or custom.")
    private String study;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created).")
    private Path out;

    @Option(names = "--vdm", paramLabel = "SPEC", description = "A mapping in the paper's notation, e.g. "
            + "'AP(10,1,1,1)', 'LE(1,0.99)', '0.5*l^2'; repeat for several. Replaces the preset's mapping.")
    private List<String> vdms = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random starts (default: ${DEFAULT-VALUE}).")
    private long seed = Study.DEFAULT_SEED;

    @Option(names = "--starts", paramLabel = "N", description = "Number of random starts, uniform in --range "
            + "(fig4: 100; custom: 10 unless --start is given).")
    private Integer startCount;

    @Option(names = "--range", paramLabel = "LO:HI", converter = RangeConverter.class,
            description = "Square the random starts are drawn from (default: -10:10).")
    private Range range;

    @Option(names = "--start", paramLabel = "P1,P2", description = "A start, e.g. -9.5,-10; repeat for several.")
    private List<String> starts = new ArrayList<>();

    @Option(names = "--surface", paramLabel = "EXPR", description = "fig1, fig4, fig7, or an expression in p1 and p2, "
            + "e.g. 'p1^2 + 10 sin(p2)^2'; functions: atan, ln, exp, sqrt, tanh, sin, cos, abs.")
    private String surface;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd (with --momentum, --nesterov; plain GD "
            + "when momentum is 0), adam or adamw (decoupled weight decay) (custom default: sgd).")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "ETA", description = "Initial learning rate (custom default: 0.1).")
    private Double lr;

    @Option(names = "--momentum", paramLabel = "MU", description = "SGD momentum (custom default: 0).")
    private Double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum.")
    private boolean nesterov;

    @Option(names = "--betas", split = ",", paramLabel = "B1,B2", description = "Adam/AdamW betas (default: 0.9,0.999).")
    private double[] betas;

    @Option(names = "--eps", paramLabel = "EPS", description = "Adam/AdamW epsilon (default: 1e-8).")
    private Double eps;

    @Option(names = "--weight-decay", paramLabel = "LAMBDA", description = "Weight decay: added to the gradient as "
            + "lambda*p (sgd, adam; default 0) or decoupled, p <- p*(1 - lr*lambda) (adamw; default 0.01).")
    private Double weightDecay;

    @Option(names = "--milestones", split = ",", paramLabel = "K", description = "Steps where the learning rate is "
            + "multiplied by --gamma, as MultiStepLR, e.g. 150,225.")
    private List<Integer> milestones;

    @Option(names = "--gamma", paramLabel = "G", description = "Factor at each milestone (default: 0.1).")
    private Double gamma;

    @Option(names = "--steps", paramLabel = "N", description = "Number of steps (custom default: 100).")
    private Integer steps;

    @Override
    public Integer call() throws Exception {
        long begin = System.nanoTime();
        String name = study.toLowerCase(Locale.ROOT);
        Study base = build(name);
        OutputPaths.checkFolder("--out", out);
        StudyResult result = base.run();
        List<Path> files = SimulationReport.write(result, randomStarts ? seed : null, out);
        PrintWriter w = spec.commandLine().getOut();
        w.print(result.describe());
        for (Path f : files) {
            w.println("wrote " + f);
        }
        w.printf(Locale.ROOT, "simulate %s took %.2f s (runs %.3f s)%n", name, (System.nanoTime() - begin) / 1e9,
                result.elapsedNanos() / 1e9);
        w.flush();
        return ExitCodes.OK;
    }

    /** The preset with the options applied, or the custom study. */
    Study build(String name) {
        Study preset = switch (name) {
            case "fig1", "fig4", "fig7" -> Study.preset(name, seed, startCount == null ? Study.FIG4_STARTS : startCount);
            case "custom" -> null;
            default -> throw new IllegalArgumentException("unknown study '" + study
                    + "': expected fig1, fig4, fig7 or custom");
        };
        if (preset == null) {
            if (surface == null) {
                throw new IllegalArgumentException("simulate custom needs --surface (fig1, fig4, fig7 or an "
                        + "expression in p1 and p2)");
            }
            if (vdms.isEmpty()) {
                throw new IllegalArgumentException("simulate custom needs at least one --vdm, e.g. --vdm 'LE(1,0.99)'");
            }
        }
        Surface s = surface != null ? Surface.named(surface) : preset.surface();
        List<Vdm> mappings = vdms.isEmpty() ? preset.mappings() : vdms.stream().map(Vdm::parse).toList();
        SurfaceOptimizer opt = new SurfaceOptimizer(optimizer(preset));
        MultiStepLR base = preset == null ? MultiStepLR.constant(0.1) : preset.schedule();
        MultiStepLR schedule = new MultiStepLR(lr != null ? lr : base.initialLr(),
                milestones != null ? milestones : base.milestones(), gamma != null ? gamma : base.gamma());
        int n = steps != null ? steps : preset == null ? 100 : preset.steps();
        List<Point> points = startPoints(preset);
        String note = preset == null ? "" : preset.note();
        if (!vdms.isEmpty() && name.equals("fig7")) {
            note = ""; // the note is about the preset's mapping
        }
        return new Study(name, s, mappings, opt, schedule, n, points, note);
    }

    /** The optimizer's settings: the options given, else the preset's, else PyTorch's defaults. */
    private OptimizerConfig optimizer(Study preset) {
        OptimizerConfig given = preset == null ? SgdConfig.PLAIN : preset.optimizer().config();
        String kind = optimizer != null ? optimizer.toLowerCase(Locale.ROOT) : given.kind();
        // PyTorch's defaults: AdamW decays by 0.01, SGD and Adam not at all
        double lambda = weightDecay != null ? weightDecay
                : kind.equals("adamw") ? AdamConfig.DEFAULT_ADAMW_WEIGHT_DECAY : 0;
        switch (kind) {
            case "adam", "adamw" -> {
                double[] b = betas != null ? betas : new double[] {AdamConfig.DEFAULT_BETA1, AdamConfig.DEFAULT_BETA2};
                if (b.length != 2) {
                    throw new IllegalArgumentException("--betas takes two numbers B1,B2, got " + b.length);
                }
                double e = eps != null ? eps : AdamConfig.DEFAULT_EPS;
                return kind.equals("adamw") ? AdamConfig.adamW(b[0], b[1], e, lambda) : AdamConfig.adam(b[0], b[1], e, lambda);
            }
            case "sgd", "gd" -> {
                double mu = momentum != null ? momentum : given instanceof SgdConfig sgd ? sgd.momentum() : 0;
                return new SgdConfig(mu, 0, lambda, nesterov);
            }
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer
                    + "': expected sgd, adam or adamw");
        }
    }

    private List<Point> startPoints(Study preset) {
        randomStarts = false;
        if (!starts.isEmpty()) {
            return starts.stream().map(Point::parse).toList();
        }
        if (preset != null && startCount == null && range == null) {
            randomStarts = preset.name().equals("fig4");
            return preset.starts();
        }
        randomStarts = true;
        int count = startCount != null ? startCount : preset != null && preset.name().equals("fig4") ? Study.FIG4_STARTS
                : DEFAULT_CUSTOM_STARTS;
        Range square = range != null ? range : DEFAULT_RANGE;
        return Study.randomStarts(seed, count, square.lo(), square.hi());
    }
}
