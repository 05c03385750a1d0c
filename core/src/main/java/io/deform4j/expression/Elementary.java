package io.deform4j.expression;

/**
 * The elementary functions with their first and second derivatives at a point, domains checked:
 * the one table that both forward-mode arithmetics ({@link JetArithmetic} in one variable,
 * {@link Jet2Arithmetic} in two) compose with the chain rule, through
 * {@link ForwardModeArithmetic}, and whose values {@link DoubleArithmetic} returns. No elementary
 * function or derivative is written elsewhere.
 *
 * <p>{@link StrictMath} throughout, so that results have the same bits on every JVM: the
 * paper's simulations are chaotic in places, where an ulp grows into a visible difference.
 */
final class Elementary {

    /**
     * φ, φ' and φ'' of a function φ at one point.
     *
     * @param value φ(x)
     * @param first φ'(x)
     * @param second φ''(x)
     */
    record Local(double value, double first, double second) {
    }

    private Elementary() {
    }

    /** φ, φ' and φ'' of {@code function} at x, its domain checked. */
    static Local at(MathFunction function, double x) {
        return switch (function) {
            case ATAN -> atan(x);
            case LN, LOG -> ln(x);
            case EXP -> exp(x);
            case SQRT -> sqrt(x);
            case TANH -> tanh(x);
            case SIN -> sin(x);
            case COS -> cos(x);
            case ABS -> abs(x);
        };
    }

    static Local reciprocal(double x) {
        if (x == 0) {
            throw new OutsideDomainException("division by zero (1 / 0)");
        }
        return new Local(1 / x, -1 / (x * x), 2 / (x * x * x));
    }

    /** x^c for a constant c; at x = 0 with c &lt; 2 the derivatives are infinite, as they should be. */
    static Local pow(double x, double c) {
        double value = Domains.pow(x, c);
        if (c == 2) { // the common square, exactly
            return new Local(x * x, 2 * x, 2);
        }
        double first = c == 0 ? 0 : c * StrictMath.pow(x, c - 1);
        double second = c == 0 || c == 1 ? 0 : c * (c - 1) * StrictMath.pow(x, c - 2);
        return new Local(value, first, second);
    }

    private static Local atan(double x) {
        double q = 1 + x * x;
        return new Local(StrictMath.atan(x), 1 / q, -2 * x / (q * q));
    }

    private static Local ln(double x) {
        return new Local(Domains.ln(x), 1 / x, -1 / (x * x));
    }

    private static Local exp(double x) {
        double e = StrictMath.exp(x);
        return new Local(e, e, e);
    }

    private static Local sqrt(double x) {
        double s = Domains.sqrt(x);
        return new Local(s, 0.5 / s, -0.25 / (s * s * s));
    }

    private static Local tanh(double x) {
        double t = StrictMath.tanh(x);
        double sech2 = 1 - t * t;
        return new Local(t, sech2, -2 * t * sech2);
    }

    private static Local sin(double x) {
        double s = StrictMath.sin(x);
        return new Local(s, StrictMath.cos(x), -s);
    }

    private static Local cos(double x) {
        double c = StrictMath.cos(x);
        return new Local(c, -StrictMath.sin(x), -c);
    }

    /** |x| with derivative sign(x), taken as 0 at x = 0 (the subgradient PyTorch uses). */
    private static Local abs(double x) {
        return new Local(Math.abs(x), Math.signum(x), 0);
    }
}
