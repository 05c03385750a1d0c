package io.deform4j.report;

import io.deform4j.report.ReportData.Problem;
import io.deform4j.report.ReportData.SimulationOutput;
import io.deform4j.report.SimulationSummary.MappingSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The 2-parameter studies of {@code deform4j simulate} (the paper's Figs. 1, 4, 7 and custom
 * surfaces): their settings and per-mapping numbers from {@code summary.json}, and the pictures
 * the command drew.
 */
final class SimulationSection {

    /** What each picture of {@link SimulationReport} shows. */
    private static final Map<String, String> CAPTIONS = Map.of(
            SimulationReport.CONTOUR, "The surface with the runs: trajectories, or end points for many starts (Figs. 1, 7).",
            SimulationReport.EIGENVALUES, "λ_max of the original surface's Hessian where each run ended, original "
                    + "against deformed, one point per start (Fig. 4(a)).",
            SimulationReport.LANDSCAPE, "The surface from above (Fig. 4(b)).");

    /** The paper's figure each study reproduces. */
    private static final Map<String, String> FIGURES = Map.of("fig1", "Fig. 1", "fig4", "Fig. 4", "fig7", "Fig. 7");

    private SimulationSection() {
    }

    /** The section's HTML, or empty without a simulation; pictures that fail go to {@code problems}. */
    static String html(List<SimulationOutput> simulations, List<Problem> problems) {
        StringBuilder s = new StringBuilder();
        for (SimulationOutput sim : simulations) {
            SimulationSummary sum = sim.summary();
            s.append("<h3>").append(Html.escape(FIGURES.getOrDefault(sum.study(), sum.study()) + ": " + sim.label()))
                    .append("</h3>");
            s.append(Html.paragraph("Surface " + (sum.surface() == null ? "?" : sum.surface().name() + ": ℓ(p1, p2) = "
                    + sum.surface().formula()) + ". " + sum.optimizer() + ", " + sum.schedule() + ", " + sum.steps()
                    + " steps" + (sum.seed() == null ? "" : ", starts drawn with seed " + sum.seed()) + "."));
            if (sum.note() != null && !sum.note().isBlank()) {
                s.append(Html.paragraph(sum.note()));
            }
            HtmlTable table = new HtmlTable("At the end of each run, on the original surface", List.of("mapping", "runs",
                    "diverged", "median λ_max", "mean λ_max", "median loss", "flatter than original"))
                    .numeric(1, 2, 3, 4, 5);
            for (MappingSummary m : sum.summary()) {
                table.row(List.of(m.vdm(), String.valueOf(m.runs()), String.valueOf(m.diverged()),
                        number(m.medianMaxEigenvalue()), number(m.meanMaxEigenvalue()), number(m.medianLoss()),
                        m.compared() == null ? "–" : m.flatterThanOriginal() + " of " + m.compared()));
            }
            s.append(table.html()).append("<div class=\"charts\">");
            for (Path picture : sim.pictures()) {
                String name = picture.getFileName().toString();
                try {
                    s.append(Html.figure(EmbeddedImage.img(picture, sum.study() + " " + name), CAPTIONS.get(name)));
                } catch (IOException e) {
                    problems.add(new Problem(picture, e.getMessage()));
                }
            }
            s.append("</div>");
        }
        return s.toString();
    }

    private static String number(Double value) {
        return value == null ? "–" : Html.number(value);
    }
}
