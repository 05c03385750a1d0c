package io.deform4j.cli;

import ai.djl.ndarray.NDManager;
import io.deform4j.io.OutputPaths;
import io.deform4j.landscape.CurveFiles;
import io.deform4j.landscape.Grid;
import io.deform4j.landscape.Instruments;
import io.deform4j.landscape.LossCurve;
import io.deform4j.landscape.LossSurface;
import io.deform4j.landscape.TrainedModel;
import io.deform4j.report.LandscapeContour;
import io.deform4j.report.LandscapePlot;
import io.deform4j.report.Range;
import io.deform4j.train.EvalSet;
import io.deform4j.train.Metrics;
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

/** {@code deform4j landscape}: filter-normalised 1-D loss curves, interpolations and 2-D surfaces (Fig. 5). */
@Command(name = "landscape",
        mixinStandardHelpOptions = true,
        header = "Loss curves and surfaces around trained networks, with filter-normalised directions (Fig. 5).",
        description = {
            "",
            "For every --checkpoint (a run directory written by 'deform4j train', or one of its checkpoint files), "
                    + "evaluates loss and accuracy at θ + α·d for α on a grid, on the training set without "
                    + "augmentation and on the test set, batch norm in evaluation mode. d is a Gaussian direction from "
                    + "--seed, rescaled filter by filter to the norms of the weights' filters (Li et al. 2018); biases "
                    + "and batch norm γ/β get zero unless --include-bn-bias. The same seed gives every checkpoint of "
                    + "an architecture the same direction, so the curves can be compared as in the paper's Fig. 5.",
            "",
            "--interpolate draws θ₁ + α(θ₂ − θ₁) between two checkpoints instead, batch norm running statistics "
                    + "interpolated alike, so that α = 0 and α = 1 are the two trained networks. --surface adds the 2-D surface "
                    + "θ + x·d₁ + y·d₂ (directions from --seed and --seed+1) as surface.csv and a contour map; its "
                    + "cost (points × examples) is printed first.",
            "",
            "Writes DIR/curve.csv (model,alpha,train_loss,train_acc,test_loss,test_acc), DIR/curve.png, and with "
                    + "--surface DIR/surface.csv (x,y,train_loss,train_acc,test_loss,test_acc) and DIR/surface.png "
                    + "(surface-NAME.* for each of several checkpoints).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j landscape --checkpoint runs/original --checkpoint runs/ap --limit 2000 --out fig5",
            "  deform4j landscape --checkpoint runs/original --checkpoint runs/le --interpolate --range -0.5:1.5 --out interp",
            "  deform4j landscape --checkpoint runs/ap --surface --surface-points 21 --limit 500 --out surface",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input (missing run, unparsable grid, another architecture)."
        })
final class LandscapeCommand implements Callable<Integer> {

    /** The curves' files in --out: the points, then their picture. */
    static final String CURVE_CSV = "curve.csv";
    static final String CURVE_PNG = "curve.png";
    /** Default range of α around one network (Li et al.; Fig. 5 of the paper). */
    private static final String DEFAULT_RANGE = "-1:1";
    /** Default range of α between two networks: half their distance beyond each. */
    private static final String INTERPOLATION_RANGE = "-0.5:1.5";

    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "RUN_DIR", required = true,
            description = "A run directory of 'deform4j train' (its newest checkpoint) or a checkpoint file; repeatable.")
    private List<Path> checkpoints;

    @Option(names = "--interpolate", description = "Interpolate between the two checkpoints given instead of random directions.")
    private boolean interpolate;

    @Option(names = "--surface", description = "Also compute the 2-D surface and its contour map.")
    private boolean surface;

    @Option(names = "--points", paramLabel = "N", defaultValue = "51", description = "Points of a curve (default: ${DEFAULT-VALUE}).")
    private int points;

    @Option(names = "--range", paramLabel = "LO:HI", converter = RangeConverter.class,
            description = "Range of α (default: " + DEFAULT_RANGE + "; " + INTERPOLATION_RANGE + " with --interpolate).")
    private Range range;

    @Option(names = "--surface-points", paramLabel = "N", defaultValue = "21",
            description = "Points per axis of the surface (default: ${DEFAULT-VALUE}).")
    private int surfacePoints;

    @Option(names = "--surface-range", paramLabel = "LO:HI", converter = RangeConverter.class,
            description = "Range of x and y of the surface (default: --range).")
    private Range surfaceRange;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the random directions (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--include-bn-bias", description = "Give biases and batch norm γ/β a normalised random direction too.")
    private boolean includeBnBias;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Evaluate on a fixed class-balanced subset of N training and N test images (default: all).")
    private int limit;

    @Mixin
    private EvaluationOptions engine;

    @Option(names = "--log-loss", description = "Draw the loss on a logarithmic axis.")
    private boolean logLoss;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter log = spec.commandLine().getErr();
        Range alpha = range != null ? range : RangeConverter.parse(interpolate ? INTERPOLATION_RANGE : DEFAULT_RANGE);
        Grid grid = new Grid(alpha.lo(), alpha.hi(), points);
        Range xy = surfaceRange != null ? surfaceRange : range != null ? range : RangeConverter.parse(DEFAULT_RANGE);
        Grid surfaceGrid = surface ? new Grid(xy.lo(), xy.hi(), surfacePoints) : null;
        if (interpolate && checkpoints.size() != 2) {
            throw new IllegalArgumentException("--interpolate needs exactly two --checkpoint, got " + checkpoints.size());
        }
        int batchSize = engine.configure();
        OutputPaths.checkFolder("--out", out);
        try (NDManager manager = NDManager.newBaseManager(engine.device())) {
            List<TrainedModel> models = Instruments.open(checkpoints, limit, batchSize, true, manager);
            EvalSet train = models.get(0).train();
            EvalSet test = models.get(0).test();
            int curves = interpolate ? 1 : models.size();
            long perPoint = train.examples() + test.examples();
            log.println(String.format(Locale.ROOT, "%d curve(s) × %d points × %d images (%d train + %d test) = %d images",
                    curves, grid.points(), perPoint, train.examples(), test.examples(), curves * grid.points() * perPoint));
            if (surface) {
                log.println(String.format(Locale.ROOT, "surface: %d model(s) × %d×%d points × %d images = %d images",
                        models.size(), surfacePoints, surfacePoints, perPoint,
                        models.size() * LossSurface.cost(surfaceGrid, surfaceGrid, train, test)));
            }
            for (TrainedModel m : models) {
                long start = System.nanoTime();
                Metrics onTrain = m.evaluator().evaluate(m.train());
                Metrics onTest = m.evaluator().evaluate(m.test());
                double seconds = (System.nanoTime() - start) / 1e9;
                log.println(String.format(Locale.ROOT, "%s: train loss %.4f acc %.2f%%, test loss %.4f acc %.2f%% "
                        + "(plain evaluation: %.0f images/s)", m.name(), onTrain.loss(), 100 * onTrain.accuracy(),
                        onTest.loss(), 100 * onTest.accuracy(), (onTrain.examples() + onTest.examples()) / seconds));
            }
            List<LossCurve.Point> all = new ArrayList<>();
            try (StepProgress bar = StepProgress.start(log, "landscape", (long) curves * grid.points())) {
                LossCurve.Listener tick = p -> bar.step(String.format(Locale.ROOT, "α=%.3g loss %.4f", p.alpha(),
                        p.train().loss()));
                if (interpolate) {
                    TrainedModel a = models.get(0);
                    TrainedModel b = models.get(1);
                    LossCurve.Result r = LossCurve.interpolate(a.name() + "->" + b.name(), a, b, grid, tick);
                    all.addAll(r.points());
                    report(log, "interpolation", r.imagesPerSecond(), r.seconds(), r.images());
                } else {
                    for (TrainedModel m : models) {
                        LossCurve.Result r = LossCurve.scan(m.name(), m.evaluator(), m.parameters(),
                                m.direction(seed, includeBnBias), grid, m.train(), m.test(), tick);
                        all.addAll(r.points());
                        report(log, m.name(), r.imagesPerSecond(), r.seconds(), r.images());
                    }
                }
            }
            CurveFiles.writeCurves(out.resolve(CURVE_CSV), all);
            LandscapePlot.write(all, interpolate ? "α (θ₁ + α(θ₂ − θ₁))" : "α (θ + α·d)", logLoss, out.resolve(CURVE_PNG));
            log.println("wrote " + out.resolve(CURVE_CSV) + " and " + out.resolve(CURVE_PNG));
            if (surface) {
                for (TrainedModel m : models) {
                    surface(log, m, surfaceGrid, models.size() == 1 ? "surface" : "surface-" + m.name());
                }
            }
        }
        return ExitCodes.OK;
    }

    private void surface(PrintWriter log, TrainedModel m, Grid grid, String file) throws java.io.IOException {
        LossSurface.Result r;
        try (StepProgress bar = StepProgress.start(log, "surface " + m.name(), (long) grid.points() * grid.points())) {
            r = LossSurface.scan(m.evaluator(), m.parameters(), m.direction(seed, includeBnBias),
                    m.direction(seed + 1, includeBnBias), grid, grid, m.train(), m.test(), () -> bar.step(""));
        }
        report(log, "surface " + m.name(), r.imagesPerSecond(), r.seconds(), r.images());
        CurveFiles.writeSurface(out.resolve(file + ".csv"), r);
        LandscapeContour.write(r, "Training loss around " + m.name() + " (seed " + seed + ")", out.resolve(file + ".png"));
        log.println("wrote " + out.resolve(file + ".csv") + " and " + out.resolve(file + ".png"));
    }

    private static void report(PrintWriter log, String what, double imagesPerSecond, double seconds, long images) {
        log.println(String.format(Locale.ROOT, "%s: %d images in %.1fs, %.0f images/s", what, images, seconds,
                imagesPerSecond));
    }
}
