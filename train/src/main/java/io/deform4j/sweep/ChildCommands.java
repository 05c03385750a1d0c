package io.deform4j.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs {@code deform4j} commands as child processes of this one, {@code parallel} at a time, each
 * with its output in its own log: what the local executor does for training runs, for any command
 * (the flatness instruments of {@code deform4j reproduce}). Separate processes because the engine
 * allows one gradient collector per process, and because several single-threaded processes keep
 * the cores busier than one process with as many threads, above all on a machine shared with
 * other work. Stop signals reach the children as in a sweep ({@link ChildProcesses}): after one,
 * no further command starts.
 */
public final class ChildCommands {

    /**
     * A command to run.
     *
     * @param name what it is called in messages
     * @param args the arguments of {@code deform4j}, e.g. {@code hessian --checkpoint DIR ...}
     * @param log  the file its output goes to (appended)
     */
    public record Task(String name, List<String> args, Path log) {
        public Task {
            args = List.copyOf(args);
        }
    }

    /**
     * How the commands ended.
     *
     * @param status  each started command's exit status, by name
     * @param stopped whether a stop signal ended the launch: commands stopped by it, and those not
     *                started (missing from {@code status}), are to be run again
     */
    public record Outcome(Map<String, Integer> status, boolean stopped) {
        public Outcome {
            status = Map.copyOf(status);
        }
    }

    private ChildCommands() {
    }

    /**
     * Runs {@code tasks} in their order, {@code parallel} at a time, and waits for them.
     *
     * @param say told when a command starts and how it ended
     */
    public static Outcome run(List<Task> tasks, int parallel, Consumer<String> say) throws IOException,
            InterruptedException {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be >= 1, got " + parallel);
        }
        Deque<Task> queue = new ArrayDeque<>(tasks);
        Map<String, Integer> status = new LinkedHashMap<>();
        try (ChildProcesses children = ChildProcesses.watch(say)) {
            while (true) {
                while (!queue.isEmpty() && children.list().size() < parallel) {
                    Task task = queue.peek();
                    List<String> command = new ArrayList<>(TaskCommand.java());
                    command.addAll(task.args());
                    if (children.start(task.name(), TaskCommand.process(command, task.log()), null) == null) {
                        break; // stopping
                    }
                    queue.poll();
                    say.accept("started  " + task.name() + " (log " + task.log() + ")");
                }
                List<ChildProcesses.Child> running = children.list();
                if (running.isEmpty()) {
                    break;
                }
                CompletableFuture.anyOf(running.stream().map(c -> c.process().onExit())
                        .toArray(CompletableFuture[]::new)).get();
                for (ChildProcesses.Child child : running) {
                    if (!child.process().isAlive()) {
                        children.remove(child);
                        int code = child.process().exitValue();
                        status.put(child.run(), code);
                        say.accept(code == 0 ? "done     " + child.run()
                                : children.stopping() && code > 128 ? "stopped  " + child.run() // by the signal passed on
                                : String.format("FAILED   %s (exit %d): %s", child.run(), code,
                                        RunRecord.lastLine(log(tasks, child.run())).orElse("see its log")));
                    }
                }
            }
            return new Outcome(status, children.stopping());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Path log(List<Task> tasks, String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().log();
    }
}
