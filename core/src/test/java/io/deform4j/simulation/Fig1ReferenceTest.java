package io.deform4j.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deform4j.expression.Jet2;
import io.deform4j.mapping.Vdm;
import org.junit.jupiter.api.Test;

/**
 * The whole Fig. 1 study against an independent implementation: the printed surface written
 * as ℓ = 10·A(p1)·A(p2) with its derivative worked out by hand (the p2 factor of the paper is
 * exactly ten times the p1 factor), δ' of AP(10,1,1,1) = 10/(1 + ℓ²) + 1, and the loop of
 * {@code torch.optim.SGD(lr=0.02, momentum=0.9)} written out. No expression parser, no
 * automatic differentiation, no {@link SurfaceOptimizer}.
 */
class Fig1ReferenceTest {

    /** A(p) = 0.2·(0.01(p+0.5)² + 1.32·atan(0.5p−2)² + atan(10(p+5))²) − 0.5232. */
    private static double a(double p) {
        double u = Math.atan(0.5 * p - 2);
        double v = Math.atan(10 * (p + 5));
        return 0.2 * (0.01 * (p + 0.5) * (p + 0.5) + 1.32 * u * u + v * v) - 0.5232;
    }

    /** A'(p) = 0.2·(0.02(p+0.5) + 1.32·2u·0.5/(1+(0.5p−2)²) + 2v·10/(1+100(p+5)²)). */
    private static double da(double p) {
        double s = 0.5 * p - 2;
        double t = 10 * (p + 5);
        return 0.2 * (0.02 * (p + 0.5) + 1.32 * 2 * Math.atan(s) * 0.5 / (1 + s * s)
                + 2 * Math.atan(t) * 10 / (1 + t * t));
    }

    /** The points of the reference run, start included. */
    private static double[][] reference(boolean deformed) {
        double[][] path = new double[401][];
        double[] p = {-9.5, -10};
        double[] b = new double[2];
        path[0] = p.clone();
        for (int k = 0; k < 400; k++) {
            double l = 10 * a(p[0]) * a(p[1]);
            double scale = deformed ? 10 / (1 + l * l) + 1 : 1;
            double[] g = {scale * 10 * da(p[0]) * a(p[1]), scale * 10 * a(p[0]) * da(p[1])};
            for (int i = 0; i < 2; i++) {
                b[i] = k == 0 ? g[i] : 0.9 * b[i] + g[i];
                p[i] -= 0.02 * b[i];
            }
            path[k + 1] = p.clone();
        }
        return path;
    }

    /**
     * The deformed run agrees to 1e−9 all the way. The original run agrees to rounding for the
     * first 80 steps; then it oscillates in the sharp well at (−5, −5), where rounding
     * differences of 1e−16 grow about 10⁴-fold every 20 steps (the dynamics are chaotic
     * there), so it is compared only by where it ends: in the same sharp well.
     */
    @Test
    void fig1AgreesWithAHandWrittenReference() {
        StudyResult result = Study.fig1().run();
        Run original = result.runs(Vdm.original()).get(0);
        Run deformed = result.runs(Vdm.parse("AP(10,1,1,1)")).get(0);
        double[][] o = reference(false);
        double[][] d = reference(true);
        for (int k = 0; k <= 400; k++) {
            if (k <= 80) {
                assertEquals(o[k][0], original.trajectory().point(k).p1(), 1e-12, "original p1 at " + k);
                assertEquals(o[k][1], original.trajectory().point(k).p2(), 1e-12, "original p2 at " + k);
            }
            assertEquals(d[k][0], deformed.trajectory().point(k).p1(), 1e-9, "deformed p1 at " + k);
            assertEquals(d[k][1], deformed.trajectory().point(k).p2(), 1e-9, "deformed p2 at " + k);
        }
        assertEquals(-5, original.end().p1(), 0.2);
        assertEquals(-5, original.end().p2(), 0.2);
        assertEquals(-5, o[400][0], 0.2);
        assertEquals(-5, o[400][1], 0.2);
        double[] end = d[400];
        assertEquals(10 * a(end[0]) * a(end[1]), deformed.loss(), 1e-12);
        // Hessian of 10·A(p1)·A(p2) at the deformed end by central differences of the hand-written A'
        double h = 1e-6;
        double h11 = 10 * (da(end[0] + h) - da(end[0] - h)) / (2 * h) * a(end[1]);
        double h22 = 10 * a(end[0]) * (da(end[1] + h) - da(end[1] - h)) / (2 * h);
        double h12 = 10 * da(end[0]) * da(end[1]);
        double[] eig = Jet2.eigenvalues(h11, h12, h22);
        assertEquals(eig[0], deformed.eigenvalues()[0], 1e-6);
        assertEquals(eig[1], deformed.eigenvalues()[1], 1e-6);
    }
}
