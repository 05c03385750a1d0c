package io.deform4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.deform4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Launchers of {@code deform4j sweep} as child processes of a test, as {@code bin/deform4j} runs
 * them, and the means to wait for them and to kill them with everything they started. The child
 * processes run on this JVM's class path, which under Surefire is the test class path: it holds
 * the cli classes, so the launcher's own children ({@code sweep-task}) find them too.
 */
final class SweepProcesses {

    /** The longest any wait for a launcher's progress lasts. */
    static final Duration WAIT_LIMIT = Duration.ofSeconds(120);

    private SweepProcesses() {
    }

    /** {@code deform4j sweep ARGS} as a child process, its output to {@code log}. */
    static Process launch(Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), Deform4j.class.getName(), "sweep"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * SIGKILL to the launcher and every process it started. The launcher dies first, so that it
     * starts nothing more; a child it started after the list of its descendants was taken is
     * found by its command line, which names the sweep directory.
     */
    static void killTree(Process launcher, Path dir) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(launcher.descendants().toList());
        launcher.destroyForcibly();
        launcher.waitFor();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            p.onExit().join();
        }
        killAll(dir);
    }

    /** SIGKILL to every process whose command line names {@code dir} (a test's launchers and their runs). */
    static void killAll(Path dir) {
        String name = dir.toAbsolutePath().toString();
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(name)).orElse(false)).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        left.forEach(p -> p.onExit().join());
    }

    /** Sleeps {@code millis} or until the launcher ends; whether it still runs. */
    static boolean sleepWhile(Process launcher, long millis) throws InterruptedException {
        return !launcher.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Polls {@code condition} until it holds, the launcher ends or {@link #WAIT_LIMIT} passes;
     * whether the launcher still runs.
     */
    static boolean waitFor(Process launcher, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT_LIMIT.toNanos();
        while (launcher.isAlive() && System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return launcher.isAlive();
    }

    /** Run → the process that its record ({@code DIR/state/NAME.json}) says trains it now. */
    static Map<String, Long> running(Path dir) {
        Map<String, Long> pids = new HashMap<>();
        try (Stream<Path> records = Files.list(dir.resolve("state"))) {
            for (Path record : records.filter(p -> p.toString().endsWith(".json")).toList()) {
                try {
                    JsonNode task = Json.MAPPER.readTree(record.toFile());
                    if (task.path("state").asText().equals("running")) {
                        pids.put(record.getFileName().toString().replaceFirst("\\.json$", ""), task.get("pid").asLong());
                    }
                } catch (IOException | RuntimeException beingWritten) {
                    // read at the next poll
                }
            }
        } catch (IOException notYet) {
            // no state folder yet: nothing runs
        }
        return pids;
    }

    /** The text of a launcher's log, for failure messages. */
    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
