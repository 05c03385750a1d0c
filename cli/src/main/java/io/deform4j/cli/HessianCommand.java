package io.deform4j.cli;

import ai.djl.ndarray.NDManager;
import io.deform4j.io.Json;
import io.deform4j.io.OutputPaths;
import io.deform4j.landscape.HessianAnalysis;
import io.deform4j.landscape.HessianReport;
import io.deform4j.landscape.Hutchinson;
import io.deform4j.landscape.Instruments;
import io.deform4j.landscape.PowerIteration;
import io.deform4j.landscape.TrainedModel;
import io.deform4j.train.TrainedRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deform4j hessian}: top Hessian eigenvalues and trace of a trained network (PyHessian's method). */
@Command(name = "hessian",
        mixinStandardHelpOptions = true,
        header = "Top Hessian eigenvalues (power iteration) and trace (Hutchinson) of a trained network.",
        description = {
            "",
            "Loads --checkpoint (a run directory written by 'deform4j train', or one of its checkpoint files) and "
                    + "analyses the Hessian of its mean training cross-entropy over a fixed class-balanced subset of "
                    + "--limit training images, batch norm in evaluation mode (running statistics), with respect to "
                    + "every trainable parameter (weights, biases, batch norm γ/β).",
            "",
            "Top eigenvalues: power iteration with deflation, as PyHessian (stops when the relative change is "
                    + "below --tolerance or after --max-iterations). Trace: Hutchinson's estimator with Rademacher "
                    + "vectors, mean and standard error. Hessian-vector products: central differences of gradients, "
                    + "H·v ≈ (∇L(θ+εv) − ∇L(θ−εv))/(2ε), ε = step·(1+‖θ‖)/‖v‖ (two gradient passes each); "
                    + "exact double backward is not dependable on DJL's PyTorch engine.",
            "",
            "Writes DIR/hessian.json: eigenvalues (descending), trace {mean, stderr, samples}, hvp, examples, "
                    + "seconds_per_hvp and more.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  deform4j hessian --checkpoint runs/ap --top 5 --trace --limit 1000 --out hessian-ap",
            "  deform4j hessian --checkpoint runs/original --top 1 --tolerance 1e-4 --max-iterations 200 --out h",
            "",
            "Exit status: 0 success, 1 failure, 2 bad input."
        })
final class HessianCommand implements Callable<Integer> {

    /** The file written into --out. */
    static final String OUTPUT = "hessian.json";
    /** Default training subset: PyHessian analyses one batch; 1000 images give a steadier estimate. */
    static final int DEFAULT_LIMIT = 1000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", paramLabel = "RUN_DIR", required = true,
            description = "A run directory of 'deform4j train' (its newest checkpoint) or a checkpoint file.")
    private Path checkpoint;

    @Option(names = "--top", paramLabel = "K", defaultValue = "1", description = "Number of top eigenvalues (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100",
            description = "Power iterations per eigenvalue at most (default: ${DEFAULT-VALUE}, as PyHessian).")
    private int maxIterations;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-3",
            description = "Relative change that ends power iteration and the trace estimate (default: ${DEFAULT-VALUE}, as PyHessian).")
    private double tolerance;

    @Option(names = "--trace", description = "Also estimate the trace (Hutchinson).")
    private boolean trace;

    @Option(names = "--trace-samples", paramLabel = "N", defaultValue = "100",
            description = "Rademacher samples of the trace at most (default: ${DEFAULT-VALUE}).")
    private int traceSamples;

    @Option(names = "--trace-min-samples", paramLabel = "N", defaultValue = "10",
            description = "Samples before the tolerance may stop the trace (default: ${DEFAULT-VALUE}).")
    private int traceMinSamples;

    @Option(names = "--hvp-step", paramLabel = "STEP", defaultValue = "0",
            description = "Relative finite-difference step (default: 1e-3 for float32 parameters).")
    private double hvpStep;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the start and Rademacher vectors (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "Fixed class-balanced subset of N training images, 0 = all (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Mixin
    private EvaluationOptions engine;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter log = spec.commandLine().getErr();
        PowerIteration power = new PowerIteration(top, maxIterations, tolerance, seed);
        Hutchinson hutchinson = trace ? new Hutchinson(traceSamples, traceMinSamples, tolerance, seed + 1) : null;
        int batchSize = engine.configure();
        OutputPaths.checkFolder("--out", out);
        try (NDManager manager = NDManager.newBaseManager(engine.device())) {
            String architecture = TrainedRun.open(checkpoint).config().model();
            TrainedModel model = Instruments.open(List.of(checkpoint), limit, batchSize, false, manager).get(0);
            long most = (long) top * maxIterations + (trace ? traceSamples : 0);
            log.println(String.format(Locale.ROOT, "%s (%s): %d parameters, %d training images; at most %d "
                    + "Hessian-vector products, 2 gradient passes each", model.name(), architecture,
                    model.parameters().dimension(), model.train().examples(), most));
            HessianReport report;
            try (StepProgress bar = StepProgress.start(log, "hessian", most)) {
                report = HessianAnalysis.run(model, architecture, power, hutchinson, hvpStep, () -> bar.step(""));
            }
            Json.write(out.resolve(OUTPUT), report);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("eigenvalues: " + Arrays.toString(report.eigenvalues()));
            if (report.trace() != null) {
                stdout.println(String.format(Locale.ROOT, "trace: %.6g ± %.2g (%d samples)", report.trace().mean(),
                        report.trace().stderr(), report.trace().samples()));
            }
            log.println(String.format(Locale.ROOT, "%d Hessian-vector products (%s, step %.1e), %.3f s each",
                    report.products(), report.hvp(), report.hvpStep(), report.secondsPerProduct()));
            log.println("wrote " + out.resolve(OUTPUT));
        }
        return ExitCodes.OK;
    }
}
