package io.deform4j.simulation;

import io.deform4j.expression.DoubleArithmetic;
import io.deform4j.expression.Expr;
import io.deform4j.expression.ExpressionParser;
import io.deform4j.expression.Jet2;
import io.deform4j.expression.Jet2Arithmetic;
import io.deform4j.expression.OutsideDomainException;
import java.util.Locale;
import java.util.Set;

/**
 * A loss surface ℓ(p1, p2) given by an expression in {@code p1} and {@code p2}, parsed by the
 * expression engine of the mappings ({@link ExpressionParser}). Values are checked (never NaN:
 * outside its domain the surface throws {@link OutsideDomainException}); gradients and
 * Hessians are exact, by second-order forward-mode automatic differentiation
 * ({@link Jet2Arithmetic}). The same evaluation path serves the paper's surfaces
 * ({@link PaperSurfaces}) and user-defined ones ({@link #parse}).
 */
public final class Surface {

    /** The variables a surface expression may use. */
    public static final Set<String> VARIABLES = Set.of("p1", "p2");

    private final String name;
    private final String formula;
    private final Expr expr;
    private final Window view;

    private Surface(String name, String formula, Expr expr, Window view) {
        this.name = name;
        this.formula = formula;
        this.expr = expr;
        this.view = view;
    }

    /**
     * A surface from an expression in {@code p1, p2}, e.g. {@code (p1^2 + 10p2^2)/2}.
     *
     * @param name a short name for reports
     * @param formula the expression
     * @param view the window plots show by default
     * @throws io.deform4j.expression.ParseException if the expression does not parse (the
     *     message points at the position)
     */
    public static Surface of(String name, String formula, Window view) {
        return new Surface(name, formula, new ExpressionParser(VARIABLES).parse(formula), view);
    }

    /** A user-defined surface named {@code custom}, viewed on [−10, 10]². */
    public static Surface parse(String formula) {
        return of("custom", formula, Window.square(-10, 10));
    }

    /**
     * A paper surface by name ({@code fig1}, {@code fig4}, {@code fig7}) or else a user
     * expression in {@code p1, p2}.
     */
    public static Surface named(String nameOrFormula) {
        return switch (nameOrFormula.trim().toLowerCase(Locale.ROOT)) {
            case "fig1" -> PaperSurfaces.fig1();
            case "fig4" -> PaperSurfaces.fig4();
            case "fig7" -> PaperSurfaces.fig7();
            default -> parse(nameOrFormula);
        };
    }

    public String name() {
        return name;
    }

    /** The expression as written. */
    public String formula() {
        return formula;
    }

    /** The window plots show by default. */
    public Window view() {
        return view;
    }

    /** ℓ(p1, p2), checked: throws {@link OutsideDomainException} where undefined. */
    public double value(double p1, double p2) {
        return expr.evaluate(DoubleArithmetic.INSTANCE, v -> v.equals("p1") ? p1 : p2);
    }

    /** ℓ at {@code p}. */
    public double value(Point p) {
        return value(p.p1(), p.p2());
    }

    /** Value, exact gradient and exact Hessian of ℓ at {@code (p1, p2)}. */
    public Jet2 jet(double p1, double p2) {
        Jet2 x = Jet2.p1(p1);
        Jet2 y = Jet2.p2(p2);
        return expr.evaluate(Jet2Arithmetic.INSTANCE, v -> v.equals("p1") ? x : y);
    }

    /** Value, exact gradient and exact Hessian of ℓ at {@code p}. */
    public Jet2 jet(Point p) {
        return jet(p.p1(), p.p2());
    }

    @Override
    public String toString() {
        return name + ": l(p1,p2) = " + formula;
    }

    /**
     * A rectangle of the parameter plane.
     *
     * @param min1 smallest p1
     * @param max1 largest p1
     * @param min2 smallest p2
     * @param max2 largest p2
     */
    public record Window(double min1, double max1, double min2, double max2) {
        public Window {
            if (!(min1 < max1) || !(min2 < max2)) {
                throw new IllegalArgumentException("a window needs min < max on both axes, got [" + min1 + ", "
                        + max1 + "] x [" + min2 + ", " + max2 + "]");
            }
        }

        /** The square [lo, hi]². */
        public static Window square(double lo, double hi) {
            return new Window(lo, hi, lo, hi);
        }

        /** The smallest window holding this one and {@code p}, grown by {@code margin} around p. */
        public Window including(Point p, double margin) {
            return new Window(Math.min(min1, p.p1() - margin), Math.max(max1, p.p1() + margin),
                    Math.min(min2, p.p2() - margin), Math.max(max2, p.p2() + margin));
        }
    }
}
