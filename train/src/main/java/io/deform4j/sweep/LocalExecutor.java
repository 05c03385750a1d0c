package io.deform4j.sweep;

import io.deform4j.engine.EngineThreads;
import io.deform4j.train.TrainingInterruptedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a sweep on this machine: one child process per run ({@link TaskCommand}), {@code parallel}
 * at a time, each with its own thread budget, its own GPU when devices are given (exported as
 * {@code CUDA_VISIBLE_DEVICES}) and its own log file. A run that fails is reported and the others
 * go on, unless {@code failFast}. The runs' epochs are shown as they complete
 * ({@link LaunchDisplay}). When this process is asked to stop (SIGTERM, Ctrl-C, SIGUSR1), it passes
 * the signal on to every child, which checkpoints and exits resumable, starts no further run and
 * ends when they have ended ({@link ChildProcesses}).
 */
public final class LocalExecutor implements Executor {

    /** The exit status of a run that stopped resumable (EX_TEMPFAIL). */
    static final int INTERRUPTED = TrainingInterruptedException.EXIT_STATUS;

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
            EngineThreads.checkFits("--threads-per-run", threadsPerRun);
            int cores = EngineThreads.cores();
            if (threadsPerRun > 1 && (long) parallel * threadsPerRun > cores) {
                throw new IllegalArgumentException("--parallel " + parallel + " × --threads-per-run " + threadsPerRun
                        + " = " + (long) parallel * threadsPerRun + " engine threads at a time, more than the " + cores
                        + " cores this machine gives Java; the runs' threads would wait on each other and every run "
                        + "would be many times slower; use --threads-per-run " + Math.max(1, cores / parallel)
                        + " or --parallel " + Math.max(1, cores / threadsPerRun));
            }
            devices = List.copyOf(devices);
            if (!devices.isEmpty() && parallel > devices.size()) {
                throw new IllegalArgumentException("--parallel " + parallel + " needs as many devices, got --devices "
                        + String.join(",", devices) + " (one device per run)");
            }
        }

        /** The threads of each of {@code parallel} runs when none are given: this machine's cores divided among them. */
        public static int defaultThreadsPerRun(int parallel) {
            return Math.max(1, EngineThreads.cores() / Math.max(1, parallel));
        }

        /**
         * A warning when more runs than cores run at a time, each on one thread: allowed, because
         * single-threaded processes only take turns (the sweep takes about as long as with
         * {@code --parallel} = cores, and each run longer), unlike several threads per run, which
         * wait on each other and are refused; but it is rarely what is meant.
         */
        public Optional<String> warning() {
            int cores = EngineThreads.cores();
            return parallel <= cores ? Optional.empty() : Optional.of("--parallel " + parallel + " runs at a time on "
                    + cores + " core" + (cores == 1 ? "" : "s") + ": they take turns, so the sweep takes about as long "
                    + "as with --parallel " + cores + " and each run longer, with the memory of " + parallel + " runs");
        }
    }

    /** How often the running runs' epochs are read for the display. */
    private static final long POLL_MILLIS = 1000;

    private final Options options;

    public LocalExecutor(Options options) {
        this.options = options;
    }

    @Override
    public int execute(SweepDirectory sweep, List<String> runs, PrintWriter out) throws IOException,
            InterruptedException {
        Deque<String> queue = new ArrayDeque<>(runs);
        Deque<String> freeDevices = new ArrayDeque<>(options.devices());
        List<String> failed = new ArrayList<>();
        List<String> interrupted = new ArrayList<>();
        int done = 0;
        try (LaunchDisplay display = LaunchDisplay.open(sweep, runs, out);
                ChildProcesses children = ChildProcesses.watch(display::event)) {
            while (true) {
                while (!queue.isEmpty() && children.list().size() < options.parallel()
                        && (failed.isEmpty() || !options.failFast())) {
                    String device = freeDevices.peek();
                    ChildProcesses.Child child = children.start(queue.peek(), command(sweep, queue.peek(), device),
                            device);
                    if (child == null) {
                        break; // stopping
                    }
                    queue.poll();
                    freeDevices.poll();
                    display.started(child.run(), device);
                }
                List<ChildProcesses.Child> running = children.list();
                if (running.isEmpty()) {
                    break;
                }
                try {
                    CompletableFuture.anyOf(running.stream().map(c -> c.process().onExit())
                            .toArray(CompletableFuture[]::new)).get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    // show the epochs they reached
                }
                display.poll(running.stream().map(ChildProcesses.Child::run).toList());
                for (ChildProcesses.Child child : running) {
                    if (child.process().isAlive()) {
                        continue;
                    }
                    children.remove(child);
                    if (child.device() != null) {
                        freeDevices.add(child.device());
                    }
                    int code = child.process().exitValue();
                    String name = child.run();
                    if (code == 0) {
                        done++;
                        display.ended(name, String.format("done     %s (%d of %d)", name, done, runs.size()));
                    } else if (code == INTERRUPTED || (children.stopping() && code > 128)) {
                        // > 128: ended by the signal passed on, before it could catch it; its record
                        // says running with a dead pid, which reads as interrupted
                        interrupted.add(name);
                        display.ended(name, String.format("stopped  %s, resumable", name));
                    } else {
                        failed.add(name);
                        display.ended(name, String.format("FAILED   %s (exit %d): %s", name, code,
                                RunRecord.lastLine(sweep.log(name)).orElse("see " + sweep.log(name))));
                        if (options.failFast()) {
                            display.event("--fail-fast: stopping the other runs");
                            children.stop(null);
                        }
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        out.printf("%d done, %d failed, %d stopped resumable, %d not started%n", done, failed.size(),
                interrupted.size(), queue.size());
        out.flush();
        return !failed.isEmpty() ? 1 : !interrupted.isEmpty() || !queue.isEmpty() ? INTERRUPTED : 0;
    }

    /** The child process of {@code name}: its own log, the engine offline, its GPU if any. */
    private ProcessBuilder command(SweepDirectory sweep, String name, String device) throws IOException {
        ProcessBuilder builder = TaskCommand.process(TaskCommand.of(sweep.path(), name, options.threadsPerRun()),
                sweep.log(name));
        if (device != null) {
            builder.environment().put("CUDA_VISIBLE_DEVICES", device);
        }
        return builder;
    }
}
