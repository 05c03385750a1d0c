package io.deform4j.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The batch script of one submission of {@link SlurmExecutor}: a job array with one task per run,
 * where task {@code i} trains the run on line {@code i + 1} of the runs file beside the script.
 * Each task runs {@link TaskCommand} in the background, appending to the run's log, and waits
 * for it; a stop signal (USR1, SLURM's warning before the time limit, or TERM) is passed on to
 * the training process as USR1, which then saves a checkpoint and exits {@value #RESUMABLE}; after
 * a warning (not after TERM: scancel, preemption) the task requeues itself, so that it resumes
 * from that checkpoint within a new time limit.
 *
 * @param jobName  the job's name in {@code squeue}
 * @param sweep    the sweep, with an absolute path (the script may be submitted from any directory)
 * @param runsFile the file that lists the run of each array task, one name per line
 * @param tasks    the number of array tasks (runs), ≥ 1
 * @param options  the submission's resources and limits
 */
record SlurmScript(String jobName, SweepDirectory sweep, Path runsFile, int tasks, SlurmExecutor.Options options) {

    /** The exit status of a run that stopped after a checkpoint and can resume (EX_TEMPFAIL). */
    static final int RESUMABLE = LocalExecutor.INTERRUPTED;
    /**
     * Stands for the task's run in the paths and the command built for a run (no run name holds a
     * control character); the script writes the variable {@code "$run"} in its place.
     */
    private static final String RUN = "\u0001run\u0001";

    SlurmScript {
        if (tasks < 1) {
            throw new IllegalArgumentException("a job array needs at least one task, got " + tasks);
        }
    }

    /** The {@code #SBATCH} directives, in the order written, each without the prefix. */
    List<String> directives() {
        Path logs = sweep.log(RUN).getParent();
        List<String> d = new ArrayList<>();
        d.add("--job-name=" + jobName);
        d.add("--array=0-" + (tasks - 1) + (options.maxRunning() > 0 ? "%" + options.maxRunning() : ""));
        // One file per array task (%A the array's job id, %a the task), appended to: a requeued task
        // would otherwise truncate the output of its earlier attempts.
        d.add("--output=" + logs.resolve("slurm-%A_%a.out"));
        d.add("--error=" + logs.resolve("slurm-%A_%a.out"));
        d.add("--open-mode=append");
        d.add("--cpus-per-task=" + options.threadsPerRun());
        if (options.partition() != null) {
            d.add("--partition=" + options.partition());
        }
        if (options.time() != null) {
            d.add("--time=" + options.time());
        }
        if (options.gpusPerRun() > 0) {
            d.add("--gres=gpu:" + options.gpusPerRun());
        }
        // B: to the batch shell, which passes it on (without B: only srun steps get it, and this
        // script starts none).
        d.add("--signal=B:USR1@" + options.signalMarginSeconds());
        d.add("--requeue");
        return d;
    }

    /** The whole script. */
    String text() {
        String command = TaskCommand.of(sweep.path(), RUN, options.threadsPerRun()).stream()
                .map(SlurmScript::word).collect(Collectors.joining(" "));
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("# deform4j sweep ").append(sweep.path()).append(": ").append(tasks)
                .append(" runs, one per array task; task i trains the run on line i+1 of\n# ")
                .append(runsFile).append(". Written and submitted by 'deform4j sweep --executor slurm'.\n");
        for (String directive : directives()) {
            s.append("#SBATCH ").append(directive).append('\n');
        }
        s.append("""

                set -u
                runs_file=%s
                run="$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" "$runs_file")"
                if [ -z "$run" ]; then
                  echo "deform4j: no run for array task $SLURM_ARRAY_TASK_ID in $runs_file" >&2
                  exit 2
                fi
                task_id="${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
                echo "$(date -Is) job $task_id on $(hostname): run $run, restart ${SLURM_RESTART_COUNT:-0}, \\
                CUDA_VISIBLE_DEVICES=${CUDA_VISIBLE_DEVICES:-}"

                # USR1 is SLURM's warning before the time limit (--signal=B:USR1@margin, to this shell
                # only); TERM comes with scancel, preemption and the time limit itself. Both are passed on
                # as USR1: the run saves a checkpoint at the end of its step and exits %2$d.
                stop= java_pid=
                forward() { stop=$1; if [ -n "$java_pid" ]; then kill -USR1 "$java_pid" 2>/dev/null; fi; }
                trap 'forward USR1' USR1
                trap 'forward TERM' TERM
                export DJL_OFFLINE=true OPT_OUT_TRACKING=true
                %3$s >>%4$s 2>&1 &
                java_pid=$!
                if [ -n "$stop" ]; then forward "$stop"; fi
                # wait returns early (status > 128) when a trapped signal arrives: wait until the run ends.
                while :; do
                  wait "$java_pid"; status=$?
                  kill -0 "$java_pid" 2>/dev/null || break
                done
                # A signal that came as the run ended may have cut the last wait short; bash keeps the status.
                if [ "$status" -gt 128 ]; then wait "$java_pid"; status=$?; fi
                echo "$(date -Is) run $run exited with status $status"

                # Resumable (%2$d), or killed by the forwarded USR1 before or after training caught it: after
                # the time-limit warning, requeue this task alone (the array's job id would requeue every
                # task) so that it resumes from its last checkpoint. After TERM the job is being cancelled
                # or preempted: SLURM decides whether it runs again.
                if [ "$stop" != TERM ] && { [ "$status" -eq %2$d ] || \\
                    { [ "$stop" = USR1 ] && [ "$status" -eq $((128 + $(kill -l USR1))) ]; }; }; then
                  echo "$(date -Is) requeueing $task_id to resume run $run"
                  scontrol requeue "$task_id"
                fi
                exit "$status"
                """.formatted(quote(runsFile.toString()), RESUMABLE, command,
                word(sweep.log(RUN).toString())));
        return s.toString();
    }

    /** {@code arg} as one word of a POSIX shell, in single quotes. */
    static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** {@code arg} as one word of the script, with the variable {@code "$run"} where it names the run. */
    private static String word(String arg) {
        if (!arg.contains(RUN)) {
            return quote(arg);
        }
        return Arrays.stream(arg.split(RUN, -1)).map(part -> part.isEmpty() ? "" : quote(part))
                .collect(Collectors.joining("\"$run\""));
    }
}
