package io.deform4j.sweep;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a process that trains one run of a sweep ({@code deform4j sweep-task DIR
 * NAME}), on the Java and class path of this process: what an executor starts, here or on a
 * cluster node that shares this installation's files.
 */
public final class TaskCommand {

    /** The command-line program's main class. */
    static final String MAIN = "io.deform4j.cli.Deform4j";

    private TaskCommand() {
    }

    /** The command that trains {@code run} of the sweep in {@code sweepDir}, with {@code threads} (null: as configured). */
    public static List<String> of(Path sweepDir, String run, Integer threads) {
        List<String> command = new ArrayList<>(java());
        command.addAll(List.of("sweep-task", sweepDir.toAbsolutePath().toString(), run));
        if (threads != null) {
            command.addAll(List.of("--threads", String.valueOf(threads)));
        }
        return command;
    }

    /**
     * The process of {@code command}, its output and errors appended to {@code log} (its folder
     * created), with the engine kept offline.
     */
    static ProcessBuilder process(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        return builder;
    }

    /** {@code java} with this JVM's class path, the engine's offline switches and the main class. */
    static List<String> java() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java, "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), MAIN);
    }
}
