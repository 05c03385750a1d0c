package io.deform4j.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.mapping.Vdm;
import io.deform4j.optim.MultiStepLR;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyTest {

    @Test
    void fig4IsDeterministicForASeed() {
        StudyResult a = Study.fig4(7, 12).run();
        StudyResult b = Study.fig4(7, 12).run();
        assertEquals(24, a.runs().size());
        for (int i = 0; i < a.runs().size(); i++) {
            Run x = a.runs().get(i);
            Run y = b.runs().get(i);
            assertEquals(x.vdm(), y.vdm());
            assertEquals(x.start(), y.start());
            assertEquals(x.end(), y.end());
            assertEquals(x.loss(), y.loss(), 0);
            assertArrayEquals(x.eigenvalues(), y.eigenvalues(), 0);
        }
        assertNotEquals(Study.fig4(7, 12).starts(), Study.fig4(8, 12).starts());
    }

    @Test
    void fig4UsesTheSameStartsForBothRuns() {
        Study study = Study.fig4(Study.DEFAULT_SEED, 5);
        StudyResult result = study.run();
        List<Run> original = result.runs(Vdm.original());
        List<Run> deformed = result.runs(Vdm.parse("LE(1,0.99)"));
        assertEquals(5, original.size());
        assertEquals(5, deformed.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(study.starts().get(i), original.get(i).start());
            assertEquals(study.starts().get(i), deformed.get(i).start());
            assertEquals(301, original.get(i).trajectory().size());
            Point s = study.starts().get(i);
            assertTrue(s.p1() >= -10 && s.p1() <= 10 && s.p2() >= -10 && s.p2() <= 10);
        }
    }

    @Test
    void fig1EscapesTheSharpMinimum() {
        StudyResult result = Study.fig1().run();
        Run original = result.runs(Vdm.original()).get(0);
        Run deformed = result.runs(Vdm.parse("AP(10,1,1,1)")).get(0);
        assertEquals(401, original.trajectory().size());
        // the original run stops in the sharp minimum near (−5, −5); the deformed one goes on to a flat one
        assertTrue(original.maxEigenvalue() > 10, "original λ_max " + original.maxEigenvalue());
        assertTrue(deformed.maxEigenvalue() < 1, "deformed λ_max " + deformed.maxEigenvalue());
        assertEquals(1, result.summaries().get(1).flatter());
        assertArrayEquals(original.eigenvalues(), original.deformedEigenvalues(), 0);
        double[] exact = Deformation.deform(deformed.vdm(), PaperSurfaces.fig1().jet(deformed.end()))
                .hessianEigenvalues();
        assertArrayEquals(exact, deformed.deformedEigenvalues(), 1e-12);
    }

    @Test
    void fig7SaysWhichMappingItUses() {
        Study study = Study.fig7();
        assertEquals(List.of(Vdm.parse("LE(1,0.9)")), study.mappings());
        assertTrue(study.note().contains("ln(exp(l-0.9))"));
        assertTrue(study.run().describe().contains("LE(1,0.9)"));
    }

    @Test
    void aDivergingRunIsKeptAndMarked() {
        Study study = new Study("custom", Surface.parse("p1^4 + p2^2"), List.of(Vdm.parse("AP(10,1,1,1)")),
                SurfaceOptimizer.gd(), MultiStepLR.constant(0.5), 50, List.of(new Point(3, 1), new Point(0.1, 0.1)), "");
        StudyResult result = study.run();
        assertEquals(4, result.runs().size());
        Run blownUp = result.runs().get(0);
        assertTrue(blownUp.diverged());
        assertTrue(blownUp.message().startsWith("diverged at step"), blownUp.message());
        assertTrue(Double.isNaN(blownUp.loss()));
        assertTrue(blownUp.end().isFinite());
        assertFalse(result.runs().get(1).diverged());
        assertEquals(1, result.summaries().get(0).diverged());
        assertTrue(result.describe().contains("DIVERGED"));
    }

    @Test
    void aRunLeavingTheDomainIsMarked() {
        Run run = Simulation.run(Surface.parse("ln(p1) + p1^2"), Vdm.original(), SurfaceOptimizer.gd(),
                MultiStepLR.constant(1), 10, new Point(2, 0), 0);
        assertTrue(run.diverged());
        assertTrue(run.message().contains("domain"), run.message());
    }

    @Test
    void aStartOutsideADomainIsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.run(
                Surface.parse("ln(p1)"), Vdm.original(), SurfaceOptimizer.gd(), MultiStepLR.constant(0.1), 10,
                new Point(-1, 0), 0));
        assertTrue(e.getMessage().contains("outside the domain of surface"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Simulation.run(
                Surface.parse("p1^2"), Vdm.parse("LE(1,2)"), SurfaceOptimizer.gd(), MultiStepLR.constant(0.1), 10,
                new Point(0, 0), 0));
        assertTrue(f.getMessage().contains("outside the domain of LE(1,2)"), f.getMessage());
    }

    @Test
    void theWholeFig4StudyTakesSeconds() {
        StudyResult result = Study.fig4(Study.DEFAULT_SEED, Study.FIG4_STARTS).run();
        assertEquals(200, result.runs().size());
        assertTrue(result.elapsedNanos() < 10e9, result.elapsedNanos() / 1e9 + " s");
    }
}
