package io.deform4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deform4j.io.Json;
import io.deform4j.simulation.Point;
import io.deform4j.simulation.Run;
import io.deform4j.simulation.Study;
import io.deform4j.simulation.StudyResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code summary.json} ({@link Json}: snake_case keys, {@code format_version} first): the study's
 * settings, one object per run and mapping ({@code vdm}, {@code start}, {@code init},
 * {@code final}, {@code loss}, {@code eigenvalues} = [λ_min, λ_max] of the original Hessian at the
 * end, {@code deformed_eigenvalues} of the exact Hessian of δ(ℓ) there, {@code steps},
 * {@code status}, and {@code message} when it diverged), and the per-mapping statistics
 * ({@code median_max_eigenvalue}, {@code mean_max_eigenvalue}, {@code median_loss}, and against
 * the original {@code flatter_than_original} of {@code compared}). A number that is not finite
 * (a diverged run) is written {@code null}: JSON has no NaN.
 */
final class SimulationJson {

    private SimulationJson() {
    }

    static ObjectNode toJson(StudyResult result, Long seed) {
        Study study = result.study();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("study", study.name());
        ObjectNode surface = root.putObject("surface");
        surface.put("name", study.surface().name());
        surface.put("formula", study.surface().formula());
        root.put("optimizer", study.optimizer().describe());
        root.put("schedule", study.schedule().toString());
        root.put("steps", study.steps());
        if (seed != null) {
            root.put("seed", seed);
        }
        if (!study.note().isEmpty()) {
            root.put("note", study.note());
        }
        root.put("seconds", result.elapsedNanos() / 1e9);
        ArrayNode runs = root.putArray("runs");
        for (Run r : result.runs()) {
            ObjectNode run = runs.addObject();
            run.put("vdm", r.vdm().toString());
            run.put("start", r.startIndex());
            point(run.putArray("init"), r.start());
            point(run.putArray("final"), r.end());
            number(run, "loss", r.loss());
            ArrayNode eig = run.putArray("eigenvalues");
            number(eig, r.eigenvalues()[0]);
            number(eig, r.eigenvalues()[1]);
            ArrayNode deformed = run.putArray("deformed_eigenvalues");
            number(deformed, r.deformedEigenvalues()[0]);
            number(deformed, r.deformedEigenvalues()[1]);
            run.put("steps", r.trajectory().size() - 1);
            run.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            if (r.diverged()) {
                run.put("message", r.message());
            }
        }
        ArrayNode summaries = root.putArray("summary");
        for (StudyResult.Summary s : result.summaries()) {
            ObjectNode o = summaries.addObject();
            o.put("vdm", s.vdm().toString());
            o.put("runs", s.runs());
            o.put("diverged", s.diverged());
            number(o, "median_max_eigenvalue", s.medianMaxEigenvalue());
            number(o, "mean_max_eigenvalue", s.meanMaxEigenvalue());
            number(o, "median_loss", s.medianLoss());
            if (s.compared() >= 0) {
                o.put("flatter_than_original", s.flatter());
                o.put("compared", s.compared());
            }
        }
        return root;
    }

    static void write(StudyResult result, Long seed, Path file) throws IOException {
        Json.write(file, toJson(result, seed));
    }

    private static void point(ArrayNode array, Point p) {
        number(array, p.p1());
        number(array, p.p2());
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }
}
