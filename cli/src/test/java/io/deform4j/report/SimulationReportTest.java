package io.deform4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.mapping.Vdm;
import io.deform4j.optim.MultiStepLR;
import io.deform4j.simulation.Point;
import io.deform4j.simulation.Study;
import io.deform4j.simulation.StudyResult;
import io.deform4j.simulation.Surface;
import io.deform4j.simulation.SurfaceOptimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationReportTest {

    @TempDir
    Path dir;

    @Test
    void ticksAreRoundNumbers() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, SurfaceFigure.ticks(0, 1), 1e-12);
        assertArrayEquals(new double[] {-30, -20, -10, 0, 10, 20, 30, 40, 50}, SurfaceFigure.ticks(-30, 50), 1e-12);
        assertArrayEquals(new double[] {-10, -8, -6, -4, -2, 0, 2, 4, 6}, SurfaceFigure.ticks(-11, 7), 1e-12);
    }

    @Test
    void gridRanksAndQuantiles() {
        SurfaceGrid grid = SurfaceGrid.sample(Surface.parse("p1"), Surface.Window.square(0, 1), 10, 4);
        assertEquals(0.05, grid.at(0, 0), 1e-12);
        assertEquals(0.95, grid.at(9, 3), 1e-12);
        assertEquals(0, grid.rank(0.0), 0);
        assertEquals(1, grid.rank(2.0), 0);
        assertEquals(0.05, grid.quantile(0), 1e-12);
        SurfaceGrid holes = SurfaceGrid.sample(Surface.parse("ln(p1)"), Surface.Window.square(-1, 1), 10, 2);
        assertTrue(Double.isNaN(holes.at(0, 0)), "undefined points are NaN in a picture");
    }

    @Test
    void windowHoldsEveryStartAndEnd() throws Exception {
        Study study = new Study("custom", Surface.parse("0.01(p1^2 + p2^2)"), List.of(Vdm.parse("AP(10,1,1,1)")),
                SurfaceOptimizer.gd(), MultiStepLR.constant(0.1), 5, List.of(new Point(14, -3)), "");
        StudyResult result = study.run();
        Surface.Window w = SimulationReport.window(result);
        assertTrue(w.max1() > 14 && w.min1() == -10 && w.min2() == -10 && w.max2() == 10, w.toString());
        List<Path> files = SimulationReport.write(result, null, dir);
        assertEquals(5, files.size());
        List<String> csv = Files.readAllLines(dir.resolve(SimulationReport.TRAJECTORIES));
        assertEquals("vdm,start,step,p1,p2,loss,lr", csv.get(0));
        assertEquals(1 + 2 * 6, csv.size());
        assertTrue(csv.get(1).startsWith("original,0,0,14.0,-3.0,"), csv.get(1));
        assertTrue(csv.get(7).startsWith("\"AP(10,1,1,1)\",0,0,"), csv.get(7));
        assertTrue(csv.get(6).endsWith(","), "no learning rate after the last point: " + csv.get(6));
    }
}
