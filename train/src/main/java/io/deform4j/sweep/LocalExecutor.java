package io.deform4j.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a sweep on this machine: one child process per run ({@link TaskCommand}), {@code parallel}
 * at a time, each with its own thread budget, its own GPU when devices are given (exported as
 * {@code CUDA_VISIBLE_DEVICES}) and its own log file. A run that fails is reported and the others
 * go on, unless {@code failFast}. When this process is asked to stop (SIGTERM, Ctrl-C), it passes
 * SIGTERM on to every child, which checkpoints and exits resumable, and waits for them.
 */
public final class LocalExecutor implements Executor {

    /** The exit status of a run that stopped resumable (EX_TEMPFAIL). */
    static final int INTERRUPTED = 75;

    /**
     * How runs are executed here.
     *
     * @param parallel      runs at a time, ≥ 1
     * @param threadsPerRun engine threads of each run, ≥ 1
     * @param devices       GPU ids handed out one per running run (empty: none); needs
     *                      {@code parallel} ≤ the number of devices
     * @param failFast      stop every run when one fails
     */
    public record Options(int parallel, int threadsPerRun, List<String> devices, boolean failFast) {
        public Options {
            if (parallel < 1) {
                throw new IllegalArgumentException("--parallel must be >= 1, got " + parallel);
            }
            if (threadsPerRun < 1) {
                throw new IllegalArgumentException("--threads-per-run must be >= 1, got " + threadsPerRun);
            }
            devices = List.copyOf(devices);
            if (!devices.isEmpty() && parallel > devices.size()) {
                throw new IllegalArgumentException("--parallel " + parallel + " needs as many devices, got --devices "
                        + String.join(",", devices) + " (one device per run)");
            }
        }
    }

    private final Options options;

    public LocalExecutor(Options options) {
        this.options = options;
    }

    @Override
    public int execute(SweepDirectory sweep, List<String> runs, PrintWriter out) throws IOException,
            InterruptedException {
        Deque<String> queue = new ArrayDeque<>(runs);
        Deque<String> freeDevices = new ArrayDeque<>(options.devices());
        Map<String, Child> running = new ConcurrentHashMap<>(); // the shutdown hook reads it
        List<String> failed = new ArrayList<>();
        List<String> interrupted = new ArrayList<>();
        int done = 0;
        Thread stopper = new Thread(() -> stopAll(List.copyOf(running.values())), "deform4j-sweep-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            while (!queue.isEmpty() || !running.isEmpty()) {
                while (!queue.isEmpty() && running.size() < options.parallel()
                        && (failed.isEmpty() || !options.failFast())) {
                    String name = queue.poll();
                    String device = freeDevices.poll();
                    running.put(name, start(sweep, name, device));
                    out.printf("started  %s%s (log %s)%n", name, device == null ? "" : " on GPU " + device,
                            sweep.log(name));
                    out.flush();
                }
                if (running.isEmpty()) {
                    break;
                }
                CompletableFuture.anyOf(running.values().stream().map(c -> c.process().onExit())
                        .toArray(CompletableFuture[]::new)).get();
                for (var it = running.entrySet().iterator(); it.hasNext(); ) {
                    var entry = it.next();
                    Child child = entry.getValue();
                    if (child.process().isAlive()) {
                        continue;
                    }
                    it.remove();
                    if (child.device() != null) {
                        freeDevices.add(child.device());
                    }
                    int code = child.process().exitValue();
                    String name = entry.getKey();
                    if (code == 0) {
                        done++;
                        out.printf("done     %s (%d of %d)%n", name, done, runs.size());
                    } else if (code == INTERRUPTED) {
                        interrupted.add(name);
                        out.printf("stopped  %s, resumable%n", name);
                    } else {
                        failed.add(name);
                        out.printf("FAILED   %s (exit %d): %s%n", name, code,
                                RunRecord.lastLine(sweep.log(name)).orElse("see " + sweep.log(name)));
                        if (options.failFast()) {
                            out.println("--fail-fast: stopping the other runs");
                            stopAll(List.copyOf(running.values()));
                        }
                    }
                    out.flush();
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the children
            }
        }
        out.printf("%d done, %d failed, %d stopped resumable, %d not started%n", done, failed.size(),
                interrupted.size(), queue.size());
        return !failed.isEmpty() ? 1 : !interrupted.isEmpty() || !queue.isEmpty() ? INTERRUPTED : 0;
    }

    private record Child(Process process, String device) {
    }

    private Child start(SweepDirectory sweep, String name, String device) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(TaskCommand.of(sweep.path(), name, options.threadsPerRun()));
        Files.createDirectories(sweep.log(name).getParent());
        builder.redirectErrorStream(true).redirectOutput(Redirect.appendTo(sweep.log(name).toFile()));
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        if (device != null) {
            builder.environment().put("CUDA_VISIBLE_DEVICES", device);
        }
        return new Child(builder.start(), device);
    }

    /** SIGTERM to every child (each checkpoints and exits resumable), then waits for them. */
    private static void stopAll(Iterable<Child> children) {
        for (Child child : children) {
            child.process().destroy();
        }
        for (Child child : children) {
            try {
                child.process().waitFor(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
