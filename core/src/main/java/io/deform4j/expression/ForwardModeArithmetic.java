package io.deform4j.expression;

/**
 * What both forward-mode arithmetics ({@link JetArithmetic} in one variable,
 * {@link Jet2Arithmetic} in two) share: every elementary function, division and power is the
 * chain rule applied to that function's value and derivatives from {@link Elementary}, so each
 * derivative is written once, there. A subclass supplies only its number type's algebra
 * (constants, sums, products) and its chain rule ({@link #compose}).
 *
 * @param <T> the jet type
 */
abstract class ForwardModeArithmetic<T> implements Arithmetic<T> {

    /** The value (the zeroth-order coefficient) of {@code a}. */
    abstract double value(T a);

    /** Whether every derivative of {@code a} is zero. */
    abstract boolean isConstant(T a);

    /** φ(a) by the chain rule, given φ, φ' and φ'' at {@code value(a)}. */
    abstract T compose(T a, Elementary.Local phi);

    /**
     * {@code a·b}, taken as exactly 0 when either factor is 0: in the chain rule an infinite φ'
     * or φ'' times a zero derivative must leave a constant constant, not turn it into NaN.
     */
    static double product(double a, double b) {
        return a == 0 || b == 0 ? 0 : a * b;
    }

    @Override
    public final T divide(T a, T b) {
        if (value(b) == 0) {
            throw new OutsideDomainException("division by zero (" + value(a) + " / 0)");
        }
        return multiply(a, compose(b, Elementary.reciprocal(value(b))));
    }

    @Override
    public final T pow(T base, double c) {
        Elementary.Local power = Elementary.pow(value(base), c);
        return isConstant(base) ? constant(power.value()) : compose(base, power);
    }

    @Override
    public final T pow(T base, T exponent) {
        if (isConstant(exponent)) {
            return pow(base, value(exponent));
        }
        if (!(value(base) > 0)) {
            throw new OutsideDomainException("(" + value(base)
                    + ")^(variable exponent) is undefined: the base must be positive");
        }
        return apply(MathFunction.EXP, multiply(exponent, apply(MathFunction.LN, base)));
    }

    @Override
    public final T apply(MathFunction function, T a) {
        return compose(a, Elementary.at(function, value(a)));
    }
}
