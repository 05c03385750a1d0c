package io.deform4j.report;

import io.deform4j.io.Csv;
import io.deform4j.io.Json;
import io.deform4j.landscape.CurveFiles;
import io.deform4j.landscape.HessianReport;
import io.deform4j.report.ReportData.HessianOutput;
import io.deform4j.report.ReportData.LandscapeOutput;
import io.deform4j.report.ReportData.Problem;
import io.deform4j.report.ReportData.ReportedRun;
import io.deform4j.report.ReportData.SimulationOutput;
import io.deform4j.report.ReportData.Surface;
import io.deform4j.sweep.RunRecord;
import io.deform4j.sweep.RunState;
import io.deform4j.sweep.SweepDirectory;
import io.deform4j.train.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds what deform4j wrote under some paths, at any depth, by the files each command leaves:
 * <ul>
 *   <li>a sweep: {@code sweep.json} ({@link SweepDirectory}: every run it records, also those not started);</li>
 *   <li>a run of {@code train} or {@code compare}: {@code run.json} or {@code metrics.csv} ({@link RunRecord});</li>
 *   <li>a landscape: {@code curve.csv} and {@code surface*.csv} ({@link CurveFiles});</li>
 *   <li>a Hessian analysis: {@code hessian.json} ({@link HessianReport});</li>
 *   <li>a simulation: {@code summary.json} beside {@code trajectories.csv} ({@link SimulationSummary}).</li>
 * </ul>
 * Only files are read: nothing here starts the training engine. A file that cannot be read is
 * kept as a broken run or a {@link Problem}, never dropped, so that the report says what it could
 * not show; a folder reached twice (by a link, or a path given twice) counts once.
 */
final class ReportSources {

    static final String CURVE_CSV = "curve.csv";
    static final String HESSIAN_JSON = "hessian.json";

    private final List<ReportedRun> runs = new ArrayList<>();
    private final List<LandscapeOutput> landscapes = new ArrayList<>();
    private final List<HessianOutput> hessians = new ArrayList<>();
    private final List<SimulationOutput> simulations = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<Path> visited = new HashSet<>();

    private ReportSources() {
    }

    /**
     * Reads everything under {@code paths} (folders, or files of the kinds above), in the order
     * given and, inside a folder, in the order of the names.
     *
     * @throws IllegalArgumentException if a path does not exist or holds nothing deform4j wrote
     */
    static ReportData find(List<Path> paths) throws IOException {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no PATH given: name run, sweep, landscape, hessian or simulation folders");
        }
        ReportSources found = new ReportSources();
        for (Path path : paths) {
            Path dir = folderOf(path);
            if (found.visited.contains(dir.toRealPath())) {
                continue; // given twice, or inside a folder given before: read already
            }
            int before = found.count();
            Path base = dir.toAbsolutePath().normalize().getParent();
            found.visit(dir, base == null ? dir.toAbsolutePath().normalize() : base);
            if (found.count() == before) {
                throw new IllegalArgumentException(path + " holds nothing deform4j wrote: no run (" + RunDirectory.RUN_JSON
                        + " or " + RunDirectory.METRICS_CSV + "), sweep (" + SweepDirectory.SWEEP_JSON + "), landscape ("
                        + CURVE_CSV + "), " + HESSIAN_JSON + " or simulation (" + SimulationReport.SUMMARY + ")");
            }
        }
        return new ReportData(found.runs, found.landscapes, found.hessians, found.simulations, found.problems);
    }

    /** The folder to read for {@code path}: itself, or the folder of one of the files the commands write. */
    private static Path folderOf(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            return path;
        }
        String name = path.getFileName().toString();
        if (!List.of(RunDirectory.RUN_JSON, RunDirectory.METRICS_CSV, SweepDirectory.SWEEP_JSON, CURVE_CSV, HESSIAN_JSON,
                SimulationReport.SUMMARY).contains(name)) {
            throw new IllegalArgumentException(path + " is a file; expected a folder, or a " + RunDirectory.RUN_JSON
                    + ", " + SweepDirectory.SWEEP_JSON + ", " + CURVE_CSV + ", " + HESSIAN_JSON + " or "
                    + SimulationReport.SUMMARY + " that deform4j wrote");
        }
        return path.toAbsolutePath().getParent();
    }

    private int count() {
        return runs.size() + landscapes.size() + hessians.size() + simulations.size() + problems.size();
    }

    private void visit(Path dir, Path base) throws IOException {
        if (!Files.isDirectory(dir) || !visited.add(dir.toRealPath())) { // a link back up is read once
            return;
        }
        if (Files.isRegularFile(dir.resolve(SweepDirectory.SWEEP_JSON))) {
            readSweep(dir, base);
            return;
        }
        if (Files.isRegularFile(dir.resolve(RunDirectory.RUN_JSON)) || Files.isRegularFile(dir.resolve(RunDirectory.METRICS_CSV))) {
            readRun(dir, base);
            return; // a run directory holds only the run's files
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(dir, "cannot be listed: " + message(e)));
            return;
        }
        readLandscape(dir, base, entries);
        readHessian(dir, base);
        readSimulation(dir, base);
        for (Path child : entries) {
            visit(child, base);
        }
    }

    private void readSweep(Path dir, Path base) throws IOException {
        List<RunRecord> records;
        try {
            records = SweepDirectory.existing(dir).records();
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(dir.resolve(SweepDirectory.SWEEP_JSON), message(e)
                    + "; its run directories are read one by one, without the runs it planned"));
            Path runsDir = dir.resolve("runs");
            if (Files.isDirectory(runsDir)) {
                try (Stream<Path> list = Files.list(runsDir)) {
                    for (Path run : list.filter(Files::isDirectory).sorted().toList()) {
                        visit(run, base);
                    }
                }
            }
            return;
        }
        for (RunRecord record : records) {
            if (!Files.exists(record.dir()) || visited.add(record.dir().toRealPath())) {
                runs.add(new ReportedRun(label(base, record.dir()), record));
            }
        }
    }

    private void readRun(Path dir, Path base) {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        RunRecord record;
        if (!Files.isRegularFile(dir.resolve(RunDirectory.RUN_JSON))) {
            record = new RunRecord(name, dir, null, RunState.BROKEN, List.of(), null, null,
                    RunDirectory.RUN_JSON + " is missing beside " + RunDirectory.METRICS_CSV
                            + ": the run's configuration is unknown");
        } else {
            record = RunRecord.read(name, dir, null, null);
        }
        runs.add(new ReportedRun(label(base, dir), record));
    }

    private void readLandscape(Path dir, Path base, List<Path> entries) {
        List<Path> surfaceFiles = entries.stream().filter(p -> {
            String name = p.getFileName().toString();
            return (name.equals("surface.csv") || name.startsWith("surface-") && name.endsWith(".csv"))
                    && Files.isRegularFile(p);
        }).toList();
        Path curveFile = dir.resolve(CURVE_CSV);
        if (!Files.isRegularFile(curveFile) && surfaceFiles.isEmpty()) {
            return;
        }
        List<CurveFiles.CurvePoint> curve = List.of();
        if (Files.isRegularFile(curveFile)) {
            try {
                curve = Csv.read(curveFile, CurveFiles.CurvePoint.class);
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(curveFile, message(curveFile, e)));
            }
        }
        List<String> models = curve.stream().map(CurveFiles.CurvePoint::model).distinct().toList();
        List<Surface> surfaces = new ArrayList<>();
        for (Path file : surfaceFiles) {
            String stem = file.getFileName().toString().replaceFirst("\\.csv$", "");
            // surface.csv is the one surface of a single checkpoint: its model is the curve's
            String model = stem.equals("surface") ? (models.size() == 1 ? models.get(0) : "") : stem.substring("surface-".length());
            Path picture = dir.resolve(stem + ".png");
            try {
                surfaces.add(new Surface(model, Csv.read(file, CurveFiles.SurfacePoint.class),
                        Files.isRegularFile(picture) ? picture : null));
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(file, message(file, e)));
            }
        }
        if (!curve.isEmpty() || !surfaces.isEmpty()) {
            landscapes.add(new LandscapeOutput(label(base, dir), dir, curve, surfaces));
        }
    }

    private void readHessian(Path dir, Path base) {
        Path file = dir.resolve(HESSIAN_JSON);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            HessianReport report = Json.read(file, HessianReport.class);
            if (report.eigenvalues() == null || report.model() == null) {
                throw new IOException("no 'model' or 'eigenvalues': not the hessian.json of deform4j hessian");
            }
            hessians.add(new HessianOutput(label(base, dir), dir, report));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(file, message(file, e)));
        }
    }

    private void readSimulation(Path dir, Path base) {
        Path file = dir.resolve(SimulationReport.SUMMARY);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(dir.resolve(SimulationReport.TRAJECTORIES))) {
            return;
        }
        try {
            SimulationSummary summary = SimulationSummary.read(file);
            List<Path> pictures = Stream.of(SimulationReport.CONTOUR, SimulationReport.EIGENVALUES, SimulationReport.LANDSCAPE)
                    .map(dir::resolve).filter(Files::isRegularFile).toList();
            simulations.add(new SimulationOutput(label(base, dir), dir, summary, pictures));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(file, message(file, e)));
        }
    }

    /** {@code dir} relative to {@code base}, with forward slashes, as the report names it. */
    private static String label(Path base, Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return relative.toString().replace('\\', '/');
    }

    /** The first line of an exception's message, which names the file where the reader could. */
    private static String message(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.lines().findFirst().orElse(text);
    }

    /** The message of {@code e} about {@code file}, without the file where it begins with it (a Problem names it). */
    private static String message(Path file, Exception e) {
        String text = message(e);
        return text.startsWith(file + ": ") ? text.substring(file.toString().length() + 2) : text;
    }
}
