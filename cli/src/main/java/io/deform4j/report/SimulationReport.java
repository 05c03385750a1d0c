package io.deform4j.report;

import io.deform4j.mapping.Vdm;
import io.deform4j.simulation.Point;
import io.deform4j.simulation.Run;
import io.deform4j.simulation.Study;
import io.deform4j.simulation.StudyResult;
import io.deform4j.simulation.Surface;
import io.deform4j.simulation.Trajectory;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what a 2-parameter study found into a directory:
 * <ul>
 *   <li>{@value #SUMMARY}: settings, one object per run and mapping, statistics ({@link SimulationJson});</li>
 *   <li>{@value #TRAJECTORIES}: every point of every run ({@link SimulationTrajectories});</li>
 *   <li>{@value #CONTOUR}: the surface as filled contours with the runs drawn over it: whole
 *       trajectories up to {@value #MAX_DRAWN_TRAJECTORIES} starts, else the end points (Figs. 1, 7);</li>
 *   <li>{@value #LANDSCAPE}: the surface seen from above (Fig. 4(b));</li>
 *   <li>{@value #EIGENVALUES}: λ_max original vs deformed, one point per start (Fig. 4(a)).</li>
 * </ul>
 */
public final class SimulationReport {

    public static final String SUMMARY = "summary.json";
    public static final String TRAJECTORIES = "trajectories.csv";
    public static final String CONTOUR = "contour.png";
    public static final String LANDSCAPE = "landscape.png";
    public static final String EIGENVALUES = "eigenvalues.png";
    /** Every file {@link #write} writes: a study whose folder holds them all is complete. */
    public static final List<String> FILES = List.of(SUMMARY, TRAJECTORIES, CONTOUR, LANDSCAPE, EIGENVALUES);

    /** Up to this many starts, contour maps show whole trajectories; beyond, only where runs ended. */
    public static final int MAX_DRAWN_TRAJECTORIES = 10;
    /** Width of the surface rasters in pixels: {@value}. */
    public static final int RASTER_WIDTH = 560;

    /** The colour of the original run. */
    static final Color ORIGINAL = new Color(0xff3b30);
    /** The colours of the deformed runs, mapping by mapping. */
    static final List<Color> DEFORMED = List.of(Color.WHITE, new Color(0xffa500), new Color(0x00e5ff),
            new Color(0xff4dff));

    /** The colours of the mappings in charts on a white background. */
    static final List<Color> CHART = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0x9467bd));

    private SimulationReport() {
    }

    /**
     * Writes every file into {@code dir} (created if needed).
     *
     * @param seed the seed the starts were drawn with, or null if they were given
     * @return the files written
     */
    public static List<Path> write(StudyResult result, Long seed, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Path summary = dir.resolve(SUMMARY);
        SimulationJson.write(result, seed, summary);
        written.add(summary);
        Path csv = dir.resolve(TRAJECTORIES);
        SimulationTrajectories.write(result, csv);
        written.add(csv);

        Study study = result.study();
        Surface.Window window = window(result);
        int height = (int) Math.round(RASTER_WIDTH * (window.max2() - window.min2()) / (window.max1() - window.min1()));
        SurfaceGrid grid = SurfaceGrid.sample(study.surface(), window, RASTER_WIDTH,
                Math.max(RASTER_WIDTH / 2, Math.min(2 * RASTER_WIDTH, height)));
        Path contour = dir.resolve(CONTOUR);
        int levels = ContourRaster.DEFAULT_LEVELS;
        SurfaceFigure.write(ContourRaster.filledContours(grid, levels), window, SurfaceFigure.AxisNames.PARAMETERS,
                study.name() + ": " + study.optimizer().describe() + ", " + study.steps() + " steps", overlays(result),
                new SurfaceFigure.ColourBar(r -> SurfaceColours.viridis((Math.min(levels - 1,
                        Math.floor(r * levels)) + 0.5) / levels), grid::quantile), contour);
        written.add(contour);
        Path landscape = dir.resolve(LANDSCAPE);
        SurfaceFigure.write(ContourRaster.landscape(grid), window, SurfaceFigure.AxisNames.PARAMETERS,
                study.name() + ": the original loss surface seen from above", List.of(),
                new SurfaceFigure.ColourBar(SurfaceColours::terrain, grid::quantile), landscape);
        written.add(landscape);
        Path eigenvalues = dir.resolve(EIGENVALUES);
        SimulationEigenPlot.write(result, CHART, eigenvalues);
        written.add(eigenvalues);
        return written;
    }

    /** The surface's window, grown to hold every start and end point (at most 3 times its size). */
    static Surface.Window window(StudyResult result) {
        Surface.Window view = result.study().surface().view();
        double span = Math.max(view.max1() - view.min1(), view.max2() - view.min2());
        Surface.Window limit = new Surface.Window(view.min1() - span, view.max1() + span, view.min2() - span,
                view.max2() + span);
        Surface.Window w = view;
        for (Run r : result.runs()) {
            for (Point p : List.of(r.start(), r.end())) {
                if (p.isFinite() && p.p1() > limit.min1() && p.p1() < limit.max1() && p.p2() > limit.min2()
                        && p.p2() < limit.max2()) {
                    w = w.including(p, 0.03 * span);
                }
            }
        }
        return w;
    }

    private static List<SurfaceFigure.Overlay> overlays(StudyResult result) {
        List<Vdm> all = result.study().allMappings();
        boolean whole = result.study().starts().size() <= MAX_DRAWN_TRAJECTORIES;
        List<SurfaceFigure.Overlay> overlays = new ArrayList<>();
        for (int m = 0; m < all.size(); m++) {
            Vdm vdm = all.get(m);
            Color colour = m == 0 ? ORIGINAL : DEFORMED.get((m - 1) % DEFORMED.size());
            List<Run> runs = result.runs(vdm);
            String label = vdm + (whole ? "" : " (end points)");
            if (whole) {
                for (Run r : runs) {
                    // the original is drawn on top and thinner, so that a deformed path under it still shows
                    overlays.add(new SurfaceFigure.Overlay(r.startIndex() == 0 ? label : null, colour, points(r), true,
                            m == 0 ? 1.5f : 3f));
                }
            } else {
                overlays.add(new SurfaceFigure.Overlay(label, colour, runs.stream().map(Run::end).toList(), false, 1));
            }
        }
        return overlays;
    }

    private static List<Point> points(Run r) {
        Trajectory t = r.trajectory();
        List<Point> points = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            points.add(t.point(i));
        }
        return points;
    }
}
