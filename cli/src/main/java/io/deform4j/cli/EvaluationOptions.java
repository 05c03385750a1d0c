package io.deform4j.cli;

import ai.djl.Device;
import io.deform4j.engine.Devices;
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

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = Devices.AUTO,
            description = "auto (a GPU when the engine sees one, else the CPU), cpu, gpu or gpu:N "
                    + "(default: ${DEFAULT-VALUE}).")
    private String device;

    /**
     * The device the network is evaluated on, after {@link #configure}.
     *
     * @throws IllegalArgumentException for a GPU the engine does not see
     */
    Device device() {
        return Devices.resolve(device);
    }

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
