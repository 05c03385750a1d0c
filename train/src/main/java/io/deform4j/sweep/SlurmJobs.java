package io.deform4j.sweep;

import io.deform4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs {@link SlurmExecutor} submitted for a sweep ({@code DIR/slurm/jobs.json}), oldest
 * first. SLURM forgets a job soon after it ends, and the runs' own records say how they ended;
 * this record says which job array task trains which run, so that a run still queued is not
 * submitted twice.
 *
 * @param jobs the submissions, in the order made
 */
record SlurmJobs(List<Submission> jobs) {

    /**
     * One {@code sbatch} of a job array.
     *
     * @param jobId       the array's job id, as {@code sbatch --parsable} printed it
     * @param script      the batch script
     * @param runs        the run of each array task: task {@code i} trains {@code runs[i]}
     * @param submittedAt when, ISO-8601
     */
    record Submission(String jobId, String script, List<String> runs, String submittedAt) {
        Submission {
            runs = List.copyOf(runs);
        }
    }

    SlurmJobs {
        jobs = List.copyOf(jobs);
    }

    /** The record in {@code file}, or none when there is no file. */
    static SlurmJobs read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new SlurmJobs(List.of());
        }
        return Json.read(file, SlurmJobs.class);
    }

    /** This record and {@code submission}, written atomically to {@code file}. */
    SlurmJobs append(Submission submission, Path file) throws IOException {
        List<Submission> all = new ArrayList<>(jobs);
        all.add(submission);
        SlurmJobs updated = new SlurmJobs(all);
        Json.write(file, updated);
        return updated;
    }

    /**
     * The runs of these jobs that SLURM still lists, run → {@code "JOBID_TASK (STATE)"}.
     *
     * @param queue lines of {@code squeue --noheader --array --format '%i %T'}: an array task's id
     *     ({@code 1234_5}) and its state; lines of other jobs are ignored
     */
    Map<String, String> queuedRuns(List<String> queue) {
        Map<String, String> queued = new LinkedHashMap<>();
        for (String line : queue) {
            String[] fields = line.strip().split("\\s+");
            int underscore = fields[0].indexOf('_');
            if (fields.length < 2 || underscore < 0) {
                continue;
            }
            String array = fields[0].substring(0, underscore);
            int task;
            try {
                task = Integer.parseInt(fields[0].substring(underscore + 1));
            } catch (NumberFormatException notOneTask) {
                continue; // a pending range such as 1234_[5-9]; --array lists tasks one by one
            }
            for (Submission s : jobs) {
                if (s.jobId().equals(array) && task < s.runs().size()) {
                    queued.put(s.runs().get(task), fields[0] + " (" + fields[1] + ")");
                }
            }
        }
        return queued;
    }
}
