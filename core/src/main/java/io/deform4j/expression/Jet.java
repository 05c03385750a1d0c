package io.deform4j.expression;

import static io.deform4j.expression.ForwardModeArithmetic.product;

/**
 * A truncated Taylor expansion {@code f(x₀+h) ≈ value + d1·h + d2·h²/2}: the number type of
 * second-order forward-mode automatic differentiation in one variable ({@link JetArithmetic}).
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

    /**
     * The chain rule for {@code φ(this)} given φ, φ', φ'' at {@code value}:
     * {@code (φ∘f)' = φ'·f'}, {@code (φ∘f)'' = φ''·f'² + φ'·f''}. Products with a zero factor
     * are zero, so that an infinite φ' or φ'' does not turn a constant into NaN.
     */
    Jet compose(Elementary.Local phi) {
        return new Jet(phi.value(), product(phi.first(), d1), product(phi.second(), d1 * d1) + product(phi.first(), d2));
    }
}
