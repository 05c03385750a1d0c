package io.deform4j.sweep;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The child processes of a launch, one per running run, and the stop signals this process
 * passes on to them; after either signal no further run is started.
 *
 * <ul>
 * <li>{@code SIGTERM} and Ctrl-C ({@code SIGINT}) end this JVM: its shutdown hook sends
 *     {@code SIGTERM} to every child ({@link Process#destroy}) and waits for them, so that each
 *     checkpoints and exits resumable.</li>
 * <li>{@code SIGUSR1}, the early warning before a time limit ({@code sbatch --signal=USR1@120}),
 *     is caught with {@code sun.misc.Signal} (the one way in Java to replace the JVM's default,
 *     which ends the process) and sent on to every child with the {@code kill} command: Java's
 *     process API sends only {@code SIGTERM} ({@code destroy}) and {@code SIGKILL}
 *     ({@code destroyForcibly}), and {@link ProcessHandle} no other signal. This process then
 *     waits for its children and ends resumable.</li>
 * </ul>
 */
final class ChildProcesses implements AutoCloseable {

    /** A running run's process and the GPU it holds (or null). */
    record Child(String run, Process process, String device) {
    }

    private final Map<String, Child> running = new LinkedHashMap<>(); // guarded by this
    private boolean stopping; // guarded by this
    private final Consumer<String> say;
    private final Thread hook = new Thread(() -> stop(null), "deform4j-sweep-stop");
    private Signal usr1;
    private SignalHandler previous;

    private ChildProcesses(Consumer<String> say) {
        this.say = say;
    }

    /** Starts watching: installs the shutdown hook and the {@code SIGUSR1} handler until {@link #close}. */
    static ChildProcesses watch(Consumer<String> say) {
        ChildProcesses children = new ChildProcesses(say);
        Runtime.getRuntime().addShutdownHook(children.hook);
        try {
            children.usr1 = new Signal("USR1");
            children.previous = Signal.handle(children.usr1, s -> children.stop("USR1"));
        } catch (IllegalArgumentException unavailable) {
            children.usr1 = null; // no SIGUSR1 here (Windows) or the JVM keeps it: the other stops still work
        }
        return children;
    }

    /** Starts {@code builder} for {@code run}, unless a stop was asked for (then null). */
    synchronized Child start(String run, ProcessBuilder builder, String device) throws IOException {
        if (stopping) {
            return null;
        }
        Child child = new Child(run, builder.start(), device);
        running.put(run, child);
        return child;
    }

    /** The children running (or ended and not yet {@link #remove}d). */
    synchronized List<Child> list() {
        return List.copyOf(running.values());
    }

    synchronized void remove(Child child) {
        running.remove(child.run());
    }

    /** Whether a stop was asked for (a signal, or {@link #stop}): no run starts any more. */
    synchronized boolean stopping() {
        return stopping;
    }

    /**
     * Stops every child: {@code SIGTERM} and a wait for them to end (their checkpoints), or with
     * {@code signal}, that signal sent on (the caller's loop waits for them).
     */
    void stop(String signal) {
        List<Child> children;
        synchronized (this) {
            stopping = true;
            children = List.copyOf(running.values());
        }
        if (signal != null) {
            say.accept("SIG" + signal + ": passed on to " + children.size() + " running run(s); no new run starts");
            children.forEach(c -> send(c.process(), signal));
            return;
        }
        children.forEach(c -> c.process().destroy());
        for (Child child : children) {
            try {
                child.process().waitFor(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Removes the shutdown hook and gives {@code SIGUSR1} its previous handler back. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it stops the children
        }
        if (usr1 != null) {
            Signal.handle(usr1, previous);
        }
    }

    /** {@code kill -s SIGNAL PID}; a child that has just ended makes it fail, which is harmless. */
    private static void send(Process process, String signal) {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).redirectErrorStream(true)
                    .redirectOutput(Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy(); // no kill command: SIGTERM stops the child resumably too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
