package io.deform4j.cli;

import io.deform4j.engine.EngineThreads;
import picocli.CommandLine.Option;

/** The engine options of the instruments that evaluate trained networks ({@code landscape}, {@code hessian}). */
final class EvaluationOptions {

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256",
            description = "Batch size of the evaluation passes (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "CPU threads of the engine (default: ${DEFAULT-VALUE}).")
    private int threads;

    /** Checks the values (threads: at most the cores) and sets the engine's threads; returns the batch size. */
    int configure() {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        }
        EngineThreads.checkFits("--threads", threads);
        EngineThreads.configure(threads);
        return batchSize;
    }
}
