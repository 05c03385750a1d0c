package io.deform4j.report;

import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.SweepDirectory;
import io.deform4j.train.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runs under some paths, read from their files alone ({@link RunRecord}, never the engine).
 * A path may be a sweep directory ({@code sweep.json}: every run the sweep plans, also those not
 * started yet), a run directory ({@code run.json}, as {@code train} writes it, and
 * {@code compare}'s {@code DIR/original} and {@code DIR/deformed}), or any folder holding such
 * directories at any depth; a run reached twice counts once.
 *
 * <p>Damage never hides the other runs: a run whose files cannot be read is a
 * {@link io.deform4j.sweep.RunState#BROKEN broken} record, kept with its cell when its
 * configuration is known (from {@code run.json} or the sweep's record) and otherwise listed in
 * {@link #problems}; a sweep whose {@code sweep.json} cannot be read is listed there too, and
 * its run directories are read one by one.
 *
 * @param runs     runs whose configuration is known, in the order found
 * @param problems one sentence per run directory or sweep that could not be read and is not in {@link #runs}
 */
public record FoundRuns(List<RunRecord> runs, List<String> problems) {

    public FoundRuns {
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    /**
     * Reads every run under {@code paths}, in the order given; inside a folder, in the order of
     * the names.
     *
     * @throws IllegalArgumentException if a path does not exist, or holds no run directory or sweep
     */
    public static FoundRuns find(List<Path> paths) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException(path + " does not exist");
            }
            Path start = path;
            if (Files.isRegularFile(path)) {
                String name = path.getFileName().toString();
                if (!name.equals(SweepDirectory.SWEEP_JSON) && !name.equals(RunDirectory.RUN_JSON)) {
                    throw new IllegalArgumentException(path + " is a file; expected a run directory (with "
                            + RunDirectory.RUN_JSON + "), a sweep directory (with " + SweepDirectory.SWEEP_JSON
                            + ") or a folder holding them");
                }
                start = path.getParent() != null ? path.getParent() : path.toAbsolutePath().getParent();
            }
            List<Path> found = new ArrayList<>();
            collect(start, found);
            if (found.isEmpty()) {
                throw new IllegalArgumentException(path + " holds no run directory (" + RunDirectory.RUN_JSON
                        + ") and no sweep (" + SweepDirectory.SWEEP_JSON + ")");
            }
            for (Path dir : found) {
                if (isSweep(dir)) {
                    readSweep(dir, runs, problems, seen);
                } else {
                    readRun(dir, runs, problems, seen);
                }
            }
        }
        return new FoundRuns(runs, problems);
    }

    /** The sweeps and run directories at or under {@code dir}, in the order of their names; neither is searched inside. */
    private static void collect(Path dir, List<Path> found) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (isSweep(dir) || Files.isRegularFile(dir.resolve(RunDirectory.RUN_JSON))) {
            found.add(dir);
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            collect(child, found);
        }
    }

    private static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(SweepDirectory.SWEEP_JSON));
    }

    private static void readSweep(Path dir, List<RunRecord> runs, List<String> problems, Set<Path> seen)
            throws IOException {
        SweepDirectory sweep = SweepDirectory.existing(dir);
        List<RunRecord> records;
        try {
            records = sweep.records();
        } catch (IOException | IllegalArgumentException e) {
            problems.add(dir.resolve(SweepDirectory.SWEEP_JSON) + " cannot be read (" + e.getMessage()
                    + "); its run directories are read one by one, without the runs it planned");
            List<Path> runDirs = new ArrayList<>();
            collect(dir.resolve("runs"), runDirs);
            for (Path run : runDirs) {
                readRun(run, runs, problems, seen);
            }
            return;
        }
        for (RunRecord record : records) {
            if (seen.add(key(record.dir()))) {
                runs.add(record);
            }
        }
    }

    private static void readRun(Path dir, List<RunRecord> runs, List<String> problems, Set<Path> seen)
            throws IOException {
        if (!seen.add(key(dir))) {
            return;
        }
        RunRecord record = RunRecord.read(dir.getFileName().toString(), dir, null, null);
        if (record.config() == null) {
            problems.add(dir + " is broken and left out: " + record.problem());
        } else {
            runs.add(record);
        }
    }

    /** The one name of a directory, however it was reached. */
    private static Path key(Path dir) throws IOException {
        return Files.exists(dir) ? dir.toRealPath() : dir.toAbsolutePath().normalize();
    }
}
