package io.deform4j.cli;

import io.deform4j.sweep.SweepTask;
import io.deform4j.train.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deform4j sweep-task DIR NAME}: trains one run of a sweep in this process. Executors start
 * it, one process per run; it is hidden from the command list.
 */
@Command(name = "sweep-task",
        hidden = true,
        mixinStandardHelpOptions = true,
        header = "Train one run of a sweep (what the sweep's executors start, one process per run).",
        footer = {"", "Exit status: 0 done, 1 failure, 2 bad input, 75 stopped and resumable."})
final class SweepTaskCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep directory.")
    private Path dir;

    @Parameters(index = "1", paramLabel = "NAME", description = "The run's name.")
    private String name;

    @Option(names = "--threads", paramLabel = "N", description = "Engine threads of a run that starts now.")
    private Integer threads;

    @Override
    public Integer call() throws Exception {
        // a run that does not end is recorded, then its exception reaches ErrorReporter: the reason
        // goes to the run's log and the exit status is that of 'deform4j train' (1, 2 or 75)
        SweepTask.run(dir, name, threads, Progress.auto(spec.commandLine().getOut(), name));
        return ExitCodes.OK;
    }
}
