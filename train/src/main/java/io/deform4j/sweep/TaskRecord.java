package io.deform4j.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deform4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What the process that trains a run of a sweep wrote about it ({@code DIR/state/NAME.json}):
 * written when it starts and when it ends, whichever executor started it, so that the state of
 * every run can be read from files alone.
 *
 * @param state     {@code running}, {@code done}, {@code failed} or {@code interrupted}
 * @param attempts  how many processes have started this run
 * @param startedAt when the current (or last) process started, ISO-8601
 * @param endedAt   when it ended, or null while it runs
 * @param exitCode  its exit status, or null while it runs
 * @param message   why it failed or stopped, or null
 * @param host      the machine it runs on
 * @param pid       its process id there
 * @param slurmJob  the SLURM job (array job id and task), or null outside SLURM
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRecord(String state, int attempts, String startedAt, String endedAt, Integer exitCode,
        String message, String host, long pid, String slurmJob) {

    /** A record of a process that starts now, on this machine. */
    static TaskRecord starting(Optional<TaskRecord> previous) {
        String job = System.getenv("SLURM_ARRAY_JOB_ID") != null
                ? System.getenv("SLURM_ARRAY_JOB_ID") + "_" + System.getenv("SLURM_ARRAY_TASK_ID")
                : System.getenv("SLURM_JOB_ID");
        return new TaskRecord("running", previous.map(TaskRecord::attempts).orElse(0) + 1, Instant.now().toString(),
                null, null, null, Hosts.name(), ProcessHandle.current().pid(), job);
    }

    /** This record, ended now with {@code state}, {@code exitCode} and {@code message}. */
    TaskRecord ended(String newState, int code, String why) {
        return new TaskRecord(newState, attempts, startedAt, Instant.now().toString(), code, why, host, pid, slurmJob);
    }

    /** The record in {@code file}, if there is one. */
    static Optional<TaskRecord> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.read(file, TaskRecord.class));
    }

    void write(Path file) throws IOException {
        Json.write(file, this);
    }
}
