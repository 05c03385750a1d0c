package io.deform4j.report;

import io.deform4j.simulation.Point;
import io.deform4j.simulation.Run;
import io.deform4j.simulation.StudyResult;
import io.deform4j.simulation.Trajectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code trajectories.csv}: every point of every run, one row per point, with the header
 * {@code vdm,start,step,p1,p2,loss,lr}: the mapping, the index of the start, the step (0 = the
 * start), the parameters, the loss of the original surface there and the learning rate of the
 * step that left the point (empty at the last point). Numbers are written with
 * {@link Double#toString}, which reads back exactly.
 */
final class SimulationTrajectories {

    static final String HEADER = "vdm,start,step,p1,p2,loss,lr";

    private SimulationTrajectories() {
    }

    static void write(StudyResult result, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (Run r : result.runs()) {
                String vdm = quote(r.vdm().toString());
                Trajectory t = r.trajectory();
                for (int i = 0; i < t.size(); i++) {
                    Point p = t.point(i);
                    double lr = t.learningRate(i);
                    out.write(vdm + "," + r.startIndex() + "," + i + "," + p.p1() + "," + p.p2() + "," + t.loss(i)
                            + "," + (Double.isNaN(lr) ? "" : Double.toString(lr)));
                    out.newLine();
                }
            }
        }
    }

    /** A field in double quotes (mapping names contain commas), inner quotes doubled. */
    static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
