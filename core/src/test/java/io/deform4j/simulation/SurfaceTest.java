package io.deform4j.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deform4j.expression.Jet2;
import io.deform4j.expression.OutsideDomainException;
import io.deform4j.expression.ParseException;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The surfaces' values against the formulas of supplementary C typed out in Java, and their
 * automatic-differentiation gradients and Hessians against central finite differences.
 *
 * <p>Tolerances: the gradient against central differences of the value with h = 1e−5
 * (truncation ~h²·|ℓ'''|, rounding ~1e−16·|ℓ|/h), compared to 1e−6·(1 + |g|); the Hessian
 * against central differences of the exact gradient with h = 1e−5, compared to
 * 1e−5·(1 + |H|).
 */
class SurfaceTest {

    private static final double H = 1e-5;

    private static double atan2(double x) {
        double a = Math.atan(x);
        return a * a;
    }

    static final DoubleBinaryOperator FIG1 = (p1, p2) ->
            (0.2 * (0.01 * (p1 + 0.5) * (p1 + 0.5) + 1.32 * atan2(0.5 * p1 - 2) + atan2(10 * (p1 + 5))) - 0.5232)
            * ((0.02 * (p2 + 0.5) * (p2 + 0.5) + 2.64 * atan2(0.5 * p2 - 2) + 2 * atan2(10 * (p2 + 5))) - 5.232);

    static final DoubleBinaryOperator FIG4 = (p1, p2) ->
            0.132 * (Math.log(Math.sin(4.7 * Math.sin(p1)) + 1.2) + Math.log(Math.sin(4.7 * Math.sin(p2)) + 1.2))
            + 0.01 * (Math.sin(10 * p1) * Math.sin(6 * p2)) + 0.001 * p1 * p1 + 0.001 * p2 * p2 + 0.426931992284953;

    static final DoubleBinaryOperator FIG7 = (p1, p2) ->
            0.12 * (Math.pow(0.1 * p1, 2) + Math.cos(p1) + Math.sin(3 * p1) / 3 + Math.cos(5 * p1) / 5
                    + Math.sin(7 * p1) / 7 + 1.331)
            * (Math.pow(0.158 * p2, 2) + Math.cos(p2) + Math.sin(3 * p2) / 3 + Math.cos(5 * p2) / 5
                    + Math.sin(7 * p2) / 7 + 1.25);

    static final List<Point> POINTS = List.of(new Point(-9.5, -10), new Point(-5.02, 3.7), new Point(0.3, -0.8),
            new Point(2.5, 9.1), new Point(-6, 11), new Point(7.25, -2.4));

    @Test
    void paperSurfacesMatchTheFormulasAsPrinted() {
        for (Point p : POINTS) {
            assertEquals(FIG1.applyAsDouble(p.p1(), p.p2()), PaperSurfaces.fig1().value(p), 1e-12, "fig1 " + p);
            assertEquals(FIG4.applyAsDouble(p.p1(), p.p2()), PaperSurfaces.fig4().value(p), 1e-12, "fig4 " + p);
            assertEquals(FIG7.applyAsDouble(p.p1(), p.p2()), PaperSurfaces.fig7().value(p), 1e-12, "fig7 " + p);
        }
    }

    @Test
    void gradientsAndHessiansMatchCentralDifferences() {
        List<Surface> surfaces = List.of(PaperSurfaces.fig1(), PaperSurfaces.fig4(), PaperSurfaces.fig7(),
                Surface.parse("exp(0.1p1 p2) + sqrt(p1^2 + 1) - tanh(p2)/(2 + cos(p1)) + atan(p1 - p2)^3"),
                Surface.parse("ln(p1^2 + p2^2 + 1) * abs(p1 + 20) + (p2^2 + 2)^(0.1p1)"));
        for (Surface s : surfaces) {
            for (Point p : POINTS) {
                checkDerivatives(s, p);
            }
        }
    }

    private static void checkDerivatives(Surface s, Point p) {
        double x = p.p1();
        double y = p.p2();
        Jet2 j = s.jet(x, y);
        String where = s.name() + " " + s.formula() + " at " + p;
        assertEquals(s.value(x, y), j.value(), 1e-14 * (1 + Math.abs(j.value())), where);
        double g1 = (s.value(x + H, y) - s.value(x - H, y)) / (2 * H);
        double g2 = (s.value(x, y + H) - s.value(x, y - H)) / (2 * H);
        assertEquals(g1, j.g1(), 1e-6 * (1 + Math.abs(g1)), "d/dp1 " + where);
        assertEquals(g2, j.g2(), 1e-6 * (1 + Math.abs(g2)), "d/dp2 " + where);
        Jet2 x1 = s.jet(x + H, y);
        Jet2 x0 = s.jet(x - H, y);
        Jet2 y1 = s.jet(x, y + H);
        Jet2 y0 = s.jet(x, y - H);
        double h11 = (x1.g1() - x0.g1()) / (2 * H);
        double h12 = (y1.g1() - y0.g1()) / (2 * H);
        double h21 = (x1.g2() - x0.g2()) / (2 * H);
        double h22 = (y1.g2() - y0.g2()) / (2 * H);
        double scale = 1 + Math.abs(j.h11()) + Math.abs(j.h12()) + Math.abs(j.h22());
        assertEquals(h11, j.h11(), 1e-5 * scale, "d2/dp1^2 " + where);
        assertEquals(h12, j.h12(), 1e-5 * scale, "d2/dp1dp2 " + where);
        assertEquals(h21, j.h12(), 1e-5 * scale, "d2/dp2dp1 " + where);
        assertEquals(h22, j.h22(), 1e-5 * scale, "d2/dp2^2 " + where);
    }

    @Test
    void eigenvaluesOfASymmetric2x2InClosedForm() {
        double[] e = Jet2.eigenvalues(2, 1, 2);
        assertEquals(1, e[0], 1e-15);
        assertEquals(3, e[1], 1e-15);
        double[] d = Jet2.eigenvalues(-4, 0, 7);
        assertEquals(-4, d[0], 0);
        assertEquals(7, d[1], 0);
    }

    @Test
    void badInputIsRefusedClearly() {
        ParseException e = assertThrows(ParseException.class, () -> Surface.parse("p1^2 + q"));
        assertEquals(7, e.position());
        assertThrows(OutsideDomainException.class, () -> Surface.parse("ln(p1)").value(-1, 0));
        assertThrows(OutsideDomainException.class, () -> Surface.parse("sqrt(p1 - p2)").jet(0, 1));
        assertEquals("fig4", Surface.named("FIG4").name());
        assertEquals("custom", Surface.named("p1*p2").name());
    }
}
