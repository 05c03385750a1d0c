package io.deform4j.report;

import io.deform4j.io.Csv;
import io.deform4j.simulation.Point;
import io.deform4j.simulation.Run;
import io.deform4j.simulation.StudyResult;
import io.deform4j.simulation.Trajectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code trajectories.csv} ({@link Csv}): every point of every run, one {@link Row} per point,
 * columns {@code vdm,start,step,p1,p2,loss,lr}.
 */
final class SimulationTrajectories {

    /**
     * One point of one run.
     *
     * @param vdm   the mapping, in paper notation
     * @param start the index of the run's start
     * @param step  the step (0 = the start)
     * @param p1    the first parameter
     * @param p2    the second parameter
     * @param loss  the loss of the original surface there
     * @param lr    the learning rate of the step that left the point; null (an empty field) at the last point
     */
    record Row(String vdm, int start, int step, double p1, double p2, double loss, Double lr) {
    }

    private SimulationTrajectories() {
    }

    /** Writes the rows run by run, point by point, without holding them all. */
    static void write(StudyResult result, Path file) throws IOException {
        Stream<Row> rows = result.runs().stream().flatMap(SimulationTrajectories::rows);
        Csv.write(file, Row.class, rows::iterator);
    }

    private static Stream<Row> rows(Run r) {
        String vdm = r.vdm().toString();
        Trajectory t = r.trajectory();
        return IntStream.range(0, t.size()).mapToObj(i -> {
            Point p = t.point(i);
            double lr = t.learningRate(i);
            return new Row(vdm, r.startIndex(), i, p.p1(), p.p2(), t.loss(i), Double.isNaN(lr) ? null : lr);
        });
    }
}
