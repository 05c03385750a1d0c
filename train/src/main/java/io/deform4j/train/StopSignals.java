package io.deform4j.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A request to stop a run at the next step boundary, raised by a stop signal: the training loop
 * polls {@link #requested()} after every step and between epochs, then writes a checkpoint and
 * ends with a {@link TrainingInterruptedException}.
 *
 * <p>The signals are {@code SIGTERM}, what {@code kill}, SLURM (at the time limit and on
 * preemption), Kubernetes and systemd send first, and {@code SIGUSR1}, the usual choice for an
 * early warning ({@code sbatch --signal=USR1@120}). They are caught with {@code sun.misc.Signal}
 * (module {@code jdk.unsupported}, readable from the class path), the one way in Java to replace
 * the JVM's own handler, which would end the process at once. A signal that arrives while the
 * checkpoint is being written only raises the flag again. {@link #close()} gives each signal its
 * previous handler back; install and close in nested order (one run at a time in a JVM, as
 * {@link Comparison} does).
 */
final class StopSignals implements AutoCloseable {

    /** The signals that ask for a stop, without the {@code SIG} prefix. */
    static final List<String> NAMES = List.of("TERM", "USR1");

    private final AtomicReference<String> reason = new AtomicReference<>();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals() {
    }

    /**
     * Catches {@link #NAMES} until {@link #close()}. A signal the platform does not have (Windows
     * has no {@code USR1}) or that the JVM keeps for itself is left as it is.
     */
    static StopSignals install() {
        StopSignals stop = new StopSignals();
        for (String name : NAMES) {
            try {
                Signal signal = new Signal(name);
                stop.previous.put(signal, Signal.handle(signal, s -> stop.request("SIG" + s.getName())));
            } catch (IllegalArgumentException unavailable) {
                // this signal keeps its default: the others still stop the run gracefully
            }
        }
        return stop;
    }

    /** A request that no signal raises, only {@link #request}: for code that stops a run itself. */
    static StopSignals none() {
        return new StopSignals();
    }

    /** Asks the run to stop; the first reason given is the one kept. */
    void request(String why) {
        reason.compareAndSet(null, why);
    }

    /** Whether a stop was asked for. */
    boolean requested() {
        return reason.get() != null;
    }

    /** What asked for the stop ({@code SIGTERM}, {@code SIGUSR1}, or the reason given to {@link #request}), or null. */
    String reason() {
        return reason.get();
    }

    /** Gives each caught signal its previous handler back; idempotent. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
