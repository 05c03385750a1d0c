package io.deform4j.simulation;

import io.deform4j.mapping.Vdm;
import io.deform4j.optim.MultiStepLR;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A 2-parameter experiment: one surface, one optimizer and schedule, some starts, run once on
 * the original surface and once per deformation mapping from the same starts. The paper's
 * experiments are presets ({@link #fig1()}, {@link #fig4(long, int)}, {@link #fig7()}).
 *
 * @param name a short name for reports ({@code fig1}, {@code fig4}, {@code fig7}, {@code custom})
 * @param surface the original surface
 * @param mappings the deformations to compare with the original (the original is always run first)
 * @param optimizer the optimizer
 * @param schedule the learning rate of each step (one epoch = one step)
 * @param steps the number of steps (one epoch = one step)
 * @param starts the starts, the same for every mapping
 * @param note what the reader should know about how the paper's setting was read ({@code ""} if nothing)
 */
public record Study(String name, Surface surface, List<Vdm> mappings, SurfaceOptimizer optimizer,
        MultiStepLR schedule, int steps, List<Point> starts, String note) {

    /** The seed of the random starts of {@code fig4} when none is given. */
    public static final long DEFAULT_SEED = 0;
    /** The number of random starts of {@code fig4}, as in the paper: {@value}. */
    public static final int FIG4_STARTS = 100;

    /** The note on Fig. 7's mapping. */
    public static final String FIG7_NOTE = "The paper prints the Fig. 7 mapping as ln(exp(l-0.9)) = l - 0.9, a shift"
            + " with derivative 1 that cannot change the optimizer's path; LE(1,0.9) = ln(exp(l) - 0.9) is used"
            + " instead, the reading that makes the figure possible.";

    public Study {
        if (steps < 1) {
            throw new IllegalArgumentException("a study needs at least 1 step, got " + steps);
        }
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one start");
        }
        mappings = List.copyOf(mappings.stream().filter(m -> !m.equals(Vdm.original())).distinct().toList());
        starts = List.copyOf(starts);
        note = note == null ? "" : note;
    }

    /** Fig. 1: AP(10,1,1,1), GDM η 0.02, μ 0.9, 400 steps from (−9.5, −10). */
    public static Study fig1() {
        return new Study("fig1", PaperSurfaces.fig1(), List.of(Vdm.parse("AP(10,1,1,1)")),
                SurfaceOptimizer.momentum(0.9), MultiStepLR.constant(0.02), 400, List.of(new Point(-9.5, -10)), "");
    }

    /**
     * Fig. 4: LE(1,0.99), GD, η 0.2 multiplied by 0.1 at steps 150 and 225, 300 steps, from
     * {@code count} starts uniform in [−10, 10]² drawn with {@code seed}.
     */
    public static Study fig4(long seed, int count) {
        return new Study("fig4", PaperSurfaces.fig4(), List.of(Vdm.parse("LE(1,0.99)")), SurfaceOptimizer.gd(),
                new MultiStepLR(0.2, List.of(150, 225), 0.1), 300, randomStarts(seed, count, -10, 10), "");
    }

    /** Fig. 7: LE(1,0.9) (see {@link #FIG7_NOTE}), GDM η 0.02, μ 0.9, 100 steps from (−6, 11). */
    public static Study fig7() {
        return new Study("fig7", PaperSurfaces.fig7(), List.of(Vdm.parse("LE(1,0.9)")),
                SurfaceOptimizer.momentum(0.9), MultiStepLR.constant(0.02), 100, List.of(new Point(-6, 11)), FIG7_NOTE);
    }

    /** A preset by name: {@code fig1}, {@code fig4} (with the seed and count), {@code fig7}. */
    public static Study preset(String name, long seed, int count) {
        return switch (name) {
            case "fig1" -> fig1();
            case "fig4" -> fig4(seed, count);
            case "fig7" -> fig7();
            default -> throw new IllegalArgumentException("unknown study '" + name + "' (known: fig1, fig4, fig7)");
        };
    }

    /**
     * {@code count} points uniform in [lo, hi]², from {@code java.util.Random(seed)}: p1 then p2
     * of each point, so a seed gives the same starts on every JVM.
     */
    public static List<Point> randomStarts(long seed, int count, double lo, double hi) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of starts must be >= 1, got " + count);
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("the range of starts needs lo < hi, got [" + lo + ", " + hi + "]");
        }
        Random random = new Random(seed);
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double p1 = lo + (hi - lo) * random.nextDouble();
            double p2 = lo + (hi - lo) * random.nextDouble();
            points.add(new Point(p1, p2));
        }
        return points;
    }

    /** The same study with other mappings. */
    public Study withMappings(List<Vdm> other) {
        return new Study(name, surface, other, optimizer, schedule, steps, starts, note);
    }

    /** The same study with other starts. */
    public Study withStarts(List<Point> other) {
        return new Study(name, surface, mappings, optimizer, schedule, steps, other, note);
    }

    /** The original surface followed by the mappings. */
    public List<Vdm> allMappings() {
        List<Vdm> all = new ArrayList<>();
        all.add(Vdm.original());
        all.addAll(mappings);
        return all;
    }

    /**
     * Runs every mapping from every start.
     *
     * @throws IllegalArgumentException if a start is outside the surface's or a mapping's domain
     */
    public StudyResult run() {
        long begin = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        for (Vdm vdm : allMappings()) {
            for (int i = 0; i < starts.size(); i++) {
                runs.add(Simulation.run(surface, vdm, optimizer, schedule, steps, starts.get(i), i));
            }
        }
        return new StudyResult(this, runs, System.nanoTime() - begin);
    }
}
