package io.deform4j.report;

import io.deform4j.landscape.CurveFiles.CurvePoint;
import io.deform4j.landscape.CurveFiles.SurfacePoint;
import io.deform4j.landscape.HessianReport;
import io.deform4j.report.ReportData.HessianOutput;
import io.deform4j.report.ReportData.LandscapeOutput;
import io.deform4j.report.ReportData.Problem;
import io.deform4j.report.ReportData.ReportedRun;
import io.deform4j.report.ReportData.Surface;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The flatness instruments of Section 4.1 for the runs that have them: filter-normalised loss
 * curves (Fig. 5) and 2-D surfaces from {@code deform4j landscape}, and the Hessian's top
 * eigenvalues and trace from {@code deform4j hessian}, side by side.
 */
final class FlatnessSection {

    /** A logarithmic loss axis when the largest loss is this many times the smallest, or more. */
    private static final double LOG_RATIO = 20;

    private FlatnessSection() {
    }

    /** The section's HTML, or empty when there is neither a landscape nor a Hessian; pictures that fail go to {@code problems}. */
    static String html(ReportData data, List<Problem> problems) {
        if (data.landscapes().isEmpty() && data.hessians().isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (!data.hessians().isEmpty()) {
            s.append(hessians(data.hessians(), data.runs()).html());
        }
        for (LandscapeOutput l : data.landscapes()) {
            s.append("<h3>Landscape ").append(Html.escape(l.label())).append("</h3>");
            if (!l.curve().isEmpty()) {
                s.append(curves(l.curve()));
            }
            if (!l.surfaces().isEmpty()) {
                s.append(surfaces(l, problems));
            }
        }
        return s.toString();
    }

    private static HtmlTable hessians(List<HessianOutput> outputs, List<ReportedRun> runs) {
        int k = outputs.stream().mapToInt(h -> h.report().eigenvalues().length).max().orElse(0);
        List<String> header = new ArrayList<>(List.of("folder", "run", "mapping"));
        for (int i = 1; i <= k; i++) {
            header.add("λ" + subscript(i));
        }
        header.addAll(List.of("trace (mean ± s.e.)", "samples", "images", "converged"));
        int[] numeric = java.util.stream.IntStream.range(3, header.size() - 1).toArray();
        HtmlTable table = new HtmlTable("Hessian of the mean training cross-entropy at the end of training: top "
                + "eigenvalues by power iteration, trace by Hutchinson's estimator", header).numeric(numeric);
        for (HessianOutput h : outputs) {
            HessianReport r = h.report();
            List<String> cells = new ArrayList<>(List.of(h.label(), r.model(), mappingOf(r.model(), runs)));
            for (int i = 0; i < k; i++) {
                cells.add(i < r.eigenvalues().length ? Html.number(r.eigenvalues()[i]) : "");
            }
            boolean converged = r.converged() != null && allTrue(r.converged());
            cells.addAll(List.of(r.trace() == null ? "–" : Html.number(r.trace().mean()) + " ± "
                    + Html.number(r.trace().stderr()), r.trace() == null ? "–" : String.valueOf(r.trace().samples()),
                    String.valueOf(r.examples()), converged ? "yes" : "no"));
            table.row(cells);
        }
        return table;
    }

    /** The mapping of the run called {@code model}, when exactly one run found has that name; else "–". */
    private static String mappingOf(String model, List<ReportedRun> runs) {
        List<ReportedRun> named = runs.stream().filter(r -> r.record().name().equals(model) && r.record().config() != null)
                .toList();
        return named.size() == 1 ? named.get(0).record().config().vdm() : "–";
    }

    private static String curves(List<CurvePoint> points) {
        Map<String, List<CurvePoint>> byModel = new LinkedHashMap<>();
        points.forEach(p -> byModel.computeIfAbsent(p.model(), m -> new ArrayList<>()).add(p));
        boolean interpolation = byModel.keySet().stream().anyMatch(m -> m.contains("->"));
        String xLabel = interpolation ? "α (θ₁ + α(θ₂ − θ₁))" : "α (θ + α·d, d filter-normalised)";
        double lo = points.stream().flatMapToDouble(p -> java.util.stream.DoubleStream.of(p.trainLoss(), p.testLoss()))
                .filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1);
        double hi = points.stream().flatMapToDouble(p -> java.util.stream.DoubleStream.of(p.trainLoss(), p.testLoss()))
                .filter(Double::isFinite).max().orElse(1);
        SvgPlot loss = new SvgPlot("Loss along the direction", xLabel, "cross-entropy (nats)", hi / lo >= LOG_RATIO);
        SvgPlot accuracy = new SvgPlot("Accuracy along the direction", xLabel, "accuracy (%)", false);
        HtmlTable table = new HtmlTable("Loss at the trained parameters (α = 0) and at the ends of the range",
                List.of("model", "train loss α=0", "test loss α=0", "test acc α=0", "train loss, lowest α",
                        "train loss, highest α")).numeric(1, 2, 3, 4, 5);
        int i = 0;
        for (Map.Entry<String, List<CurvePoint>> e : byModel.entrySet()) {
            List<CurvePoint> c = e.getValue().stream().sorted(Comparator.comparingDouble(CurvePoint::alpha)).toList();
            String colour = SvgPlot.colour(i++);
            double[] alpha = values(c, CurvePoint::alpha);
            loss.line(e.getKey() + " train", colour, alpha, values(c, CurvePoint::trainLoss), false);
            loss.line(e.getKey() + " test", colour, alpha, values(c, CurvePoint::testLoss), true);
            accuracy.line(e.getKey() + " train", colour, alpha, values(c, p -> 100 * p.trainAcc()), false);
            accuracy.line(e.getKey() + " test", colour, alpha, values(c, p -> 100 * p.testAcc()), true);
            CurvePoint centre = c.stream().min(Comparator.comparingDouble(p -> Math.abs(p.alpha()))).orElseThrow();
            table.row(List.of(e.getKey(), Html.number(centre.trainLoss()), Html.number(centre.testLoss()),
                    Html.percent(centre.testAcc()), Html.number(c.get(0).trainLoss()),
                    Html.number(c.get(c.size() - 1).trainLoss())));
        }
        return "<div class=\"charts\">" + Html.figure(loss.svg(), "Train (solid) and test (dashed) loss; a flatter "
                + "minimum rises more slowly away from α = 0.") + Html.figure(accuracy.svg(), "Train (solid) and test "
                + "(dashed) accuracy.") + "</div>" + table.html();
    }

    private static String surfaces(LandscapeOutput l, List<Problem> problems) {
        StringBuilder s = new StringBuilder("<div class=\"charts\">");
        for (Surface surface : l.surfaces()) {
            SurfacePoint low = surface.points().stream().filter(p -> Double.isFinite(p.trainLoss()))
                    .min(Comparator.comparingDouble(SurfacePoint::trainLoss)).orElse(null);
            SurfacePoint centre = surface.points().stream()
                    .min(Comparator.comparingDouble(p -> Math.hypot(p.x(), p.y()))).orElse(null);
            String caption = String.format(Locale.ROOT, "Training loss around %s on a %d × %d grid: %s at the "
                    + "centre, lowest %s at (%s, %s).", surface.model().isEmpty() ? "the model" : surface.model(),
                    surface.points().stream().mapToDouble(SurfacePoint::x).distinct().count(),
                    surface.points().stream().mapToDouble(SurfacePoint::y).distinct().count(), centre == null ? "–" : Html.number(centre.trainLoss()),
                    low == null ? "–" : Html.number(low.trainLoss()), low == null ? "–" : Html.number(low.x()),
                    low == null ? "–" : Html.number(low.y()));
            String picture = "";
            if (surface.picture() != null) {
                try {
                    picture = EmbeddedImage.img(surface.picture(), "training-loss surface around " + surface.model());
                } catch (IOException e) {
                    problems.add(new Problem(surface.picture(), e.getMessage()));
                }
            }
            s.append(Html.figure(picture, caption));
        }
        return s.append("</div>").toString();
    }

    private static double[] values(List<CurvePoint> points, ToDoubleFunction<CurvePoint> value) {
        return points.stream().mapToDouble(value).toArray();
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    /** {@code 12} → {@code ₁₂}. */
    private static String subscript(int i) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(i).toCharArray()) {
            s.append((char) ('₀' + (c - '0')));
        }
        return s.toString();
    }
}
