package io.deform4j.sweep;

import io.deform4j.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Submits a sweep's runs to SLURM as one job array and returns: one array task per run, each
 * training its run with {@link TaskCommand} on the resources of {@link Options} (the script:
 * {@link SlurmScript}). The script and the list of its runs go to
 * {@code DIR/slurm/SWEEP-N.sbatch} and {@code .runs}, the job id to {@code DIR/slurm/jobs.json}
 * ({@link SlurmJobs}); each task's own output to {@code DIR/logs/slurm-JOB_TASK.out}, each run's
 * to {@code DIR/logs/NAME.log}. Where the runs stand is then read from the sweep directory
 * ({@code deform4j status DIR}), as for any executor: SLURM forgets jobs soon after they end.
 *
 * <p>The cluster must see this installation at the same paths (a shared file system): the tasks
 * run this JVM's {@code java} with this class path, and write into the sweep directory.
 */
public final class SlurmExecutor implements Executor {

    /** The folder of the scripts and the job record, in the sweep directory. */
    static final String SLURM_DIR = "slurm";
    /** The record of the submitted jobs, in {@link #SLURM_DIR}. */
    static final String JOBS_JSON = "jobs.json";
    /** How long {@code sbatch} and {@code squeue} may take before the controller is deemed unreachable. */
    private static final long COMMAND_TIMEOUT_S = 60;
    /** SLURM's time formats that the executor accepts: {@code HH:MM:SS} or {@code D-HH:MM:SS}. */
    private static final Pattern TIME = Pattern.compile("(?:(\\d+)-)?(\\d+):([0-5]\\d):([0-5]\\d)");
    /** The largest {@code --signal} time SLURM accepts, in seconds. */
    private static final int MAX_SIGNAL_MARGIN_S = 65535;

    /**
     * How the runs are submitted.
     *
     * @param partition           the partition ({@code --partition}), or null for the cluster's default
     * @param gpusPerRun          GPUs of each run ({@code --gres=gpu:K}, none when 0), ≥ 0
     * @param maxRunning          array tasks that may run at once (the array's {@code %N} throttle), or 0
     *                            for as many as the cluster allows
     * @param time                time limit of each run's job, {@code HH:MM:SS} or {@code D-HH:MM:SS}
     *                            ({@code --time}), or null for the partition's default
     * @param sbatchArgs          further {@code sbatch} arguments, given on its command line, where they take
     *                            precedence over the script's directives (e.g. {@code --account=A},
     *                            {@code --mem=8G}); not {@code --array}, which maps tasks to runs
     * @param dryRun              write the script and print the {@code sbatch} command, but submit nothing
     * @param threadsPerRun       the engine threads of each run, and its {@code --cpus-per-task}, ≥ 1
     * @param signalMarginSeconds how long before the time limit SLURM warns a run (USR1), which then
     *                            checkpoints and requeues itself; 1 to 65535 s, less than {@code time}.
     *                            SLURM checks time limits about every 30 s and may warn up to 60 s early
     */
    public record Options(String partition, int gpusPerRun, int maxRunning, String time, List<String> sbatchArgs,
            boolean dryRun, int threadsPerRun, int signalMarginSeconds) {

        /** The default {@link #signalMarginSeconds}: a checkpoint takes seconds; SLURM's timing is coarse. */
        public static final int DEFAULT_SIGNAL_MARGIN_S = 180;

        public Options {
            if (partition != null && (partition.isBlank() || partition.chars().anyMatch(Character::isWhitespace))) {
                throw new IllegalArgumentException("--partition must be a partition's name, got '" + partition + "'");
            }
            if (gpusPerRun < 0) {
                throw new IllegalArgumentException("--gpus-per-run must be >= 0, got " + gpusPerRun);
            }
            if (maxRunning < 0) {
                throw new IllegalArgumentException("--max-running must be >= 1 (or 0 for no limit), got " + maxRunning);
            }
            if (threadsPerRun < 1) {
                throw new IllegalArgumentException("--threads-per-run must be >= 1, got " + threadsPerRun);
            }
            if (signalMarginSeconds < 1 || signalMarginSeconds > MAX_SIGNAL_MARGIN_S) {
                throw new IllegalArgumentException("--signal-margin must be 1 to " + MAX_SIGNAL_MARGIN_S
                        + " seconds, got " + signalMarginSeconds);
            }
            if (time != null && signalMarginSeconds >= seconds(time)) {
                throw new IllegalArgumentException("--signal-margin " + signalMarginSeconds + " s must be less than --time "
                        + time + " (" + seconds(time) + " s), or every run is warned before it starts");
            }
            sbatchArgs = List.copyOf(sbatchArgs);
            for (String arg : sbatchArgs) {
                if (arg.isBlank()) {
                    throw new IllegalArgumentException("--sbatch-arg must not be blank");
                }
                if (arg.startsWith("--array") || arg.startsWith("-a")) {
                    throw new IllegalArgumentException("--sbatch-arg " + arg + ": the executor sets --array itself "
                            + "(one task per run); use --max-running N to throttle it");
                }
            }
        }

        /**
         * The seconds of a SLURM time limit.
         *
         * @throws IllegalArgumentException unless {@code time} is {@code HH:MM:SS} or {@code D-HH:MM:SS}
         */
        static long seconds(String time) {
            Matcher m = TIME.matcher(time);
            if (!m.matches() || (m.group(1) != null && Integer.parseInt(m.group(2)) > 23)) {
                throw new IllegalArgumentException("--time must be HH:MM:SS or D-HH:MM:SS (e.g. 04:00:00, 2-12:00:00), got '"
                        + time + "'");
            }
            long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            return ((days * 24 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 60
                    + Long.parseLong(m.group(4));
        }
    }

    private final Options options;
    /** Where {@code sbatch} and {@code squeue} are looked for ({@code PATH}). */
    private final String searchPath;

    public SlurmExecutor(Options options) {
        this(options, System.getenv().getOrDefault("PATH", ""));
    }

    /** An executor that looks for the SLURM commands on {@code searchPath} instead of {@code PATH}. */
    SlurmExecutor(Options options, String searchPath) {
        this.options = options;
        this.searchPath = searchPath;
    }

    /**
     * Submits {@code runs} as one job array (or, with {@code dryRun}, only writes its script) and
     * returns 0; runs that an earlier submission still has in SLURM's queue are left out.
     *
     * @throws IllegalArgumentException if {@code sbatch} is not on {@code PATH}, refuses the job, or
     *     the sweep directory's path cannot be given to SLURM (a space or {@code %} in it)
     */
    @Override
    public int execute(SweepDirectory sweep, List<String> runs, PrintWriter out) throws IOException,
            InterruptedException {
        SweepDirectory absolute = SweepDirectory.existing(sweep.path().toAbsolutePath().normalize());
        Path dir = absolute.path();
        if (dir.toString().chars().anyMatch(c -> Character.isWhitespace(c) || c == '%')) {
            throw new IllegalArgumentException("--out " + dir + ": SLURM's #SBATCH --output cannot name a path with a "
                    + "space or '%'; choose another sweep directory");
        }
        Path slurmDir = dir.resolve(SLURM_DIR);
        Path jobsFile = slurmDir.resolve(JOBS_JSON);
        if (runs.isEmpty()) {
            out.println("nothing to submit");
            return 0;
        }
        String sbatch = options.dryRun() ? "sbatch" : locate("sbatch");
        SlurmJobs jobs = SlurmJobs.read(jobsFile);
        List<String> submit = options.dryRun() ? runs : notQueued(jobs, runs, out);
        if (submit.isEmpty()) {
            out.println("nothing to submit: every run is queued or running");
            return 0;
        }
        Files.createDirectories(slurmDir);
        String base = fileName(absolute.name());
        int n = 1;
        while (Files.exists(slurmDir.resolve(base + "-" + n + ".sbatch"))) {
            n++;
        }
        Path script = slurmDir.resolve(base + "-" + n + ".sbatch");
        Path runsFile = slurmDir.resolve(base + "-" + n + ".runs");
        AtomicFiles.writeString(runsFile, String.join("\n", submit) + "\n");
        AtomicFiles.writeString(script,
                new SlurmScript("deform4j-" + base, absolute, runsFile, submit.size(), options).text());
        List<String> command = new ArrayList<>(List.of(sbatch, "--parsable"));
        command.addAll(options.sbatchArgs());
        command.add(script.toString());
        if (options.dryRun()) {
            out.printf("wrote %s (%d runs, one per array task, listed in %s)%n", script, submit.size(), runsFile);
            out.println("submit it with: " + command.stream().map(SlurmScript::quote).collect(Collectors.joining(" ")));
            return 0;
        }
        String jobId = submit(command);
        jobs.append(new SlurmJobs.Submission(jobId, script.toString(), submit, Instant.now().toString()), jobsFile);
        out.printf("submitted job %s: %s%s%n", jobId, submit.size() == 1 ? "1 run as array task " + jobId + "_0"
                : submit.size() + " runs as array tasks " + jobId + "_0 to " + jobId + "_" + (submit.size() - 1),
                options.maxRunning() > 0 ? ", at most " + options.maxRunning() + " at a time" : "");
        out.printf("logs in %s; see where the runs stand with: deform4j status %s%n", dir.resolve("logs"), dir);
        return 0;
    }

    /** {@code runs} without those that an earlier submission still has in SLURM's queue, each said on {@code out}. */
    private List<String> notQueued(SlurmJobs jobs, List<String> runs, PrintWriter out)
            throws IOException, InterruptedException {
        if (jobs.jobs().isEmpty()) {
            return runs;
        }
        String queue = call(List.of(locate("squeue"), "--noheader", "--array", "--user",
                System.getProperty("user.name"), "--format", "%i %T"), "squeue");
        Map<String, String> queued = jobs.queuedRuns(queue.lines().toList());
        List<String> left = new ArrayList<>();
        for (String run : runs) {
            if (queued.containsKey(run)) {
                out.println("skipping run " + run + ": already submitted, SLURM job " + queued.get(run));
            } else {
                left.add(run);
            }
        }
        return left;
    }

    /** Submits the job; its id. */
    private static String submit(List<String> command) throws IOException, InterruptedException {
        String output = call(command, "sbatch").strip();
        // --parsable prints "JOBID" or "JOBID;CLUSTER"
        String jobId = output.lines().reduce((first, last) -> last).orElse("").split(";")[0].strip();
        if (!jobId.matches("\\d+")) {
            throw new IllegalStateException("sbatch --parsable printed no job id: '" + output + "'");
        }
        return jobId;
    }

    /**
     * Runs a SLURM command; its standard output.
     *
     * @throws IllegalArgumentException if it fails or does not answer in time, with its error output
     */
    private static String call(List<String> command, String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> text(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        if (!process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalArgumentException(name + " did not answer in " + COMMAND_TIMEOUT_S
                    + " s; is the SLURM controller reachable (sinfo)?");
        }
        if (process.exitValue() != 0) {
            throw new IllegalArgumentException(name + " failed (exit " + process.exitValue() + "): "
                    + stderr.join().strip());
        }
        return stdout.join();
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The path of SLURM command {@code name} on the search path.
     *
     * @throws IllegalArgumentException if it is not there
     */
    private String locate(String name) {
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                return Path.of(folder, name).toString();
            }
        }
        throw new IllegalArgumentException(name + " is not on PATH: is this a SLURM login node? "
                + "--dry-run writes the script only");
    }

    /** {@code name} with every character that is not a letter, digit, '.', '_' or '-' replaced by '_'. */
    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
