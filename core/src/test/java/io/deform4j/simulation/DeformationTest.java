package io.deform4j.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deform4j.expression.Jet2;
import io.deform4j.expression.Jet2Arithmetic;
import io.deform4j.mapping.Vdm;
import org.junit.jupiter.api.Test;

/**
 * Theorem 1 where it holds (critical points) and the full chain rule everywhere:
 * ∇²δ(ℓ) = δ'(ℓ)·H + δ''(ℓ)·∇ℓ∇ℓᵀ.
 */
class DeformationTest {

    /** Critical point at (1, −2) with ℓ = 0.5; Hessian [[2, 1], [1, 6]]. */
    private static final Surface QUADRATIC = Surface.parse("0.5 + (p1 - 1)^2 + (p1 - 1)(p2 + 2) + 3(p2 + 2)^2");

    @Test
    void theorem1HoldsAtACriticalPoint() {
        for (String spec : new String[] {"LE(1,0.99)", "AP(18/pi,1,2,1)", "AP(10,1,1,1)", "0.5*l^2"}) {
            Vdm vdm = Vdm.parse(spec);
            Jet2 loss = QUADRATIC.jet(1, -2);
            assertEquals(0, loss.g1(), 0);
            assertEquals(0, loss.g2(), 0);
            double scale = vdm.derivative(0.5);
            double[] original = loss.hessianEigenvalues();
            double[] deformed = Deformation.deform(vdm, loss).hessianEigenvalues();
            assertEquals(scale * original[0], deformed[0], 1e-12 * scale, spec);
            assertEquals(scale * original[1], deformed[1], 1e-12 * scale, spec);
            double[][] paper = Deformation.theorem1Hessian(vdm, loss);
            double[] paperEig = Jet2.eigenvalues(paper[0][0], paper[0][1], paper[1][1]);
            assertEquals(deformed[0], paperEig[0], 1e-12 * scale, spec);
            assertEquals(deformed[1], paperEig[1], 1e-12 * scale, spec);
        }
    }

    @Test
    void awayFromCriticalPointsTheRankOneTermCounts() {
        Vdm vdm = Vdm.parse("LE(1,0.99)");
        Surface fig4 = PaperSurfaces.fig4();
        Point p = new Point(1.3, -2.2);
        Jet2 loss = fig4.jet(p);
        Jet2 deformed = Deformation.deform(vdm, loss);
        // the same by automatic differentiation of δ(ℓ(p)) as one expression
        Jet2 automatic = vdm.apply(loss, Jet2Arithmetic.INSTANCE);
        assertEquals(automatic.value(), deformed.value(), 1e-12);
        assertEquals(automatic.h11(), deformed.h11(), 1e-10 * Math.abs(deformed.h11()));
        assertEquals(automatic.h12(), deformed.h12(), 1e-10 * Math.abs(deformed.h12()));
        assertEquals(automatic.h22(), deformed.h22(), 1e-10 * Math.abs(deformed.h22()));
        // and by central differences of the deformed gradient δ'(ℓ)·∇ℓ
        double h = 1e-5;
        double d11 = (grad1(vdm, fig4, p.p1() + h, p.p2()) - grad1(vdm, fig4, p.p1() - h, p.p2())) / (2 * h);
        double d12 = (grad1(vdm, fig4, p.p1(), p.p2() + h) - grad1(vdm, fig4, p.p1(), p.p2() - h)) / (2 * h);
        assertEquals(d11, deformed.h11(), 1e-5 * (1 + Math.abs(d11)));
        assertEquals(d12, deformed.h12(), 1e-5 * (1 + Math.abs(d12)));
        // Theorem 1's δ'·H misses δ''·∇ℓ∇ℓᵀ here: the spectra differ
        double[][] paper = Deformation.theorem1Hessian(vdm, loss);
        double[] paperEig = Jet2.eigenvalues(paper[0][0], paper[0][1], paper[1][1]);
        double[] exact = deformed.hessianEigenvalues();
        double d2 = vdm.secondDerivative(loss.value());
        assertTrue(Math.abs(d2 * (loss.g1() * loss.g1() + loss.g2() * loss.g2())) > 1e-3);
        assertTrue(Math.abs(paperEig[0] - exact[0]) + Math.abs(paperEig[1] - exact[1]) > 1e-3,
                "exact " + exact[0] + ", " + exact[1] + " vs Theorem 1 " + paperEig[0] + ", " + paperEig[1]);
        // the trace tells the difference exactly: tr(Ȟ) − δ'·tr(H) = δ''·|∇ℓ|²
        double traceDifference = exact[0] + exact[1] - (paperEig[0] + paperEig[1]);
        assertEquals(d2 * (loss.g1() * loss.g1() + loss.g2() * loss.g2()), traceDifference,
                1e-9 * Math.abs(traceDifference));
    }

    private static double grad1(Vdm vdm, Surface s, double x, double y) {
        Jet2 j = s.jet(x, y);
        return vdm.derivative(j.value()) * j.g1();
    }
}
