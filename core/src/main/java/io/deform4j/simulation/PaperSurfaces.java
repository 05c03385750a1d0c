package io.deform4j.simulation;

/**
 * The three loss surfaces of the paper's supplementary C, as printed there, in the notation
 * of {@link io.deform4j.expression.ExpressionParser}.
 *
 * <p>The text of the paper lost its superscripts and subscripts; the reading used here:
 * <ul>
 *   <li>Fig. 1: {@code arctan(0.5p1 − 2)2} is arctan(0.5p1 − 2)², {@code (p1 + 0.5)2} is
 *       (p1 + 0.5)², and so on for every trailing 2 after a parenthesis. The surface is the
 *       product of a factor in p1 and a factor in p2; the second factor is exactly ten times
 *       the first with p2 for p1.</li>
 *   <li>Fig. 4: {@code sin(x)} is sin(p1) (the only free variable, and the term is symmetric to
 *       the p2 term next to it); {@code 0.001p21 + 0.001p22} is 0.001·p1² + 0.001·p2².</li>
 *   <li>Fig. 7: {@code (0.1p1)2} is (0.1·p1)², {@code (0.158p2)2} is (0.158·p2)².</li>
 * </ul>
 */
public final class PaperSurfaces {

    /** Fig. 1: a sharp and a flat minimum on each axis (supplementary C). */
    public static final String FIG1 = "(0.2(0.01(p1 + 0.5)^2 + 1.32 arctan(0.5p1 - 2)^2 + arctan(10(p1 + 5))^2)"
            + " - 0.5232)((0.02(p2 + 0.5)^2 + 2.64 arctan(0.5p2 - 2)^2 + 2 arctan(10(p2 + 5))^2) - 5.232)";

    /** Fig. 4: many sharp and flat minima (supplementary C). */
    public static final String FIG4 = "0.132(ln(sin(4.7 sin(p1)) + 1.2) + ln(sin(4.7 sin(p2)) + 1.2))"
            + " + 0.01(sin(10p1) sin(6p2)) + 0.001p1^2 + 0.001p2^2 + 0.426931992284953";

    /** Fig. 7: a sharp and a flat minimum in a more complex case (supplementary C). */
    public static final String FIG7 = "0.12((0.1p1)^2 + cos(p1) + sin(3p1)/3 + cos(5p1)/5 + sin(7p1)/7 + 1.331)"
            + "((0.158p2)^2 + cos(p2) + sin(3p2)/3 + cos(5p2)/5 + sin(7p2)/7 + 1.25)";

    private PaperSurfaces() {
    }

    /** The Fig. 1 surface, viewed on [−11, 7]². */
    public static Surface fig1() {
        return Surface.of("fig1", FIG1, Surface.Window.square(-11, 7));
    }

    /** The Fig. 4 surface, viewed on [−10, 10]², the square the starts are drawn from. */
    public static Surface fig4() {
        return Surface.of("fig4", FIG4, Surface.Window.square(-10, 10));
    }

    /** The Fig. 7 surface, viewed on [−8, 8] × [−4, 12]. */
    public static Surface fig7() {
        return Surface.of("fig7", FIG7, new Surface.Window(-8, 8, -4, 12));
    }
}
