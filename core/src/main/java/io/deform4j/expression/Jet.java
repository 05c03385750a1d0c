package io.deform4j.expression;

/**
 * A truncated Taylor expansion {@code f(x₀+h) ≈ value + d1·h + d2·h²/2}: the number type of
 * second-order forward-mode automatic differentiation in one variable.
 *
 * @param value f(x₀)
 * @param d1 f'(x₀)
 * @param d2 f''(x₀)
 */
public record Jet(double value, double d1, double d2) {

    /** The independent variable at {@code x}: value x, first derivative 1, second 0. */
    public static Jet variable(double x) {
        return new Jet(x, 1, 0);
    }

    /** A constant: both derivatives 0. */
    public static Jet constant(double c) {
        return new Jet(c, 0, 0);
    }

    boolean isConstant() {
        return d1 == 0 && d2 == 0;
    }

    /**
     * The chain rule for {@code g(this)} given g, g', g'' at {@code value}:
     * {@code (g∘f)' = g'·f'}, {@code (g∘f)'' = g''·f'² + g'·f''}. Products with a zero factor
     * are taken as zero so that an infinite g' or g'' does not turn a constant into NaN.
     */
    private Jet compose(double g, double dg, double d2g) {
        return new Jet(g, product(dg, d1), product(d2g, d1 * d1) + product(dg, d2));
    }

    /** The chain rule for {@code φ(this)} given φ, φ', φ'' at {@code value}. */
    Jet compose(Elementary.Local phi) {
        return compose(phi.value(), phi.first(), phi.second());
    }

    static double product(double a, double b) {
        return a == 0 || b == 0 ? 0 : a * b;
    }
}
