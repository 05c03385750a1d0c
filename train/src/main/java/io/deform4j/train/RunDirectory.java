package io.deform4j.train;

import io.deform4j.io.AtomicFiles;
import io.deform4j.io.Csv;
import io.deform4j.io.FileErrors;
import io.deform4j.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one run under {@code --out DIR}: {@code run.json} (resolved configuration and
 * results), {@code metrics.csv} (one row per epoch) and the checkpoints ({@link Checkpoints}).
 *
 * <p>Nothing is damaged by a mistake: {@link #create} refuses a non-empty directory (unless it
 * holds a run and {@code overwrite} is asked for), and only {@link #resume} rewrites
 * {@code metrics.csv}, keeping the rows its checkpoint covers.
 */
public final class RunDirectory {

    /** The run description file. */
    public static final String RUN_JSON = "run.json";
    /** The per-epoch metrics file. */
    public static final String METRICS_CSV = "metrics.csv";

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /**
     * Checks that a new run may be started in {@code dir} without writing anything: the
     * directory is absent or empty, or holds a deform4j run and {@code overwrite} is set.
     *
     * @throws IllegalArgumentException otherwise, saying what to do
     */
    public static void checkNew(Path dir, boolean overwrite) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file, not a directory");
        }
        if (!Files.isDirectory(dir) || isEmpty(dir)) {
            return;
        }
        if (!Files.exists(dir.resolve(RUN_JSON))) {
            throw new IllegalArgumentException("--out " + dir + " is not empty and holds no deform4j run; "
                    + "choose a new or empty directory");
        }
        if (!overwrite) {
            throw new IllegalArgumentException("--out " + dir + " holds a run already; add --resume to continue it "
                    + "or --overwrite to start it over");
        }
        List<Path> ours = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(ours::add);
        }
        for (Path p : ours) {
            String name = p.getFileName().toString();
            boolean mine = name.equals(RUN_JSON) || name.equals(METRICS_CSV) || name.startsWith("checkpoint-")
                    || AtomicFiles.isTemporary(p);
            if (!mine) {
                throw new IllegalArgumentException("--out " + dir + " holds files that are not part of a run ("
                        + name + "); --overwrite only replaces a run's own files");
            }
        }
    }

    /** Starts a new run in {@code dir} (after {@link #checkNew}): removes an old run's files, writes the header. */
    public static RunDirectory create(Path dir, boolean overwrite) throws IOException {
        checkNew(dir, overwrite);
        Files.createDirectories(dir);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Files.delete(p);
            }
        }
        RunDirectory run = new RunDirectory(dir);
        Csv.write(dir.resolve(METRICS_CSV), EpochMetrics.class, List.of());
        return run;
    }

    /**
     * Opens an existing run for resuming, deleting the temporary files a crash left half-written
     * ({@link AtomicFiles#deleteTemporaryFiles}).
     *
     * @throws IllegalArgumentException if {@code dir} holds no run
     */
    public static RunDirectory existing(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RUN_JSON))) {
            throw new IllegalArgumentException("--resume: " + dir + " holds no run (" + RUN_JSON + " is missing)");
        }
        AtomicFiles.deleteTemporaryFiles(dir);
        return new RunDirectory(dir);
    }

    /** The run description, or an {@link IllegalArgumentException} if it cannot be read. */
    public RunInfo readInfo() {
        Path file = dir.resolve(RUN_JSON);
        try {
            return Json.read(file, RunInfo.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + FileErrors.describe(e), e);
        }
    }

    /** Replaces {@code run.json} atomically. */
    public void writeInfo(RunInfo info) throws IOException {
        Json.write(dir.resolve(RUN_JSON), info);
    }

    /**
     * The rows of {@code metrics.csv} (none if it is absent); a last row cut short by a crash is
     * dropped, and its epoch runs again on resume.
     */
    public List<EpochMetrics> metrics() throws IOException {
        Path file = dir.resolve(METRICS_CSV);
        return Files.exists(file) ? Csv.read(file, EpochMetrics.class) : new ArrayList<>();
    }

    /** Appends one row and forces it to disk. */
    public void append(EpochMetrics row) throws IOException {
        Csv.append(dir.resolve(METRICS_CSV), EpochMetrics.class, row);
    }

    /**
     * Rewrites {@code metrics.csv} atomically with the rows of epochs ≤ {@code epochs} (what a
     * checkpoint covers), each one epoch after the row kept before it.
     */
    public List<EpochMetrics> truncateMetrics(int epochs) throws IOException {
        List<EpochMetrics> kept = new ArrayList<>();
        for (EpochMetrics row : metrics()) {
            if (row.epoch() <= epochs && (kept.isEmpty() || row.epoch() == kept.get(kept.size() - 1).epoch() + 1)) {
                kept.add(row);
            }
        }
        Csv.write(dir.resolve(METRICS_CSV), EpochMetrics.class, kept);
        return kept;
    }

    /** Read access to a run directory's files (for tests and reports). */
    public static final class Reader {
        private final RunDirectory run;

        public Reader(Path dir) {
            this.run = new RunDirectory(dir);
        }

        public List<EpochMetrics> metrics() throws IOException {
            return run.metrics();
        }

        public RunInfo info() {
            return run.readInfo();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
