package io.deform4j.expression;

/**
 * Plain double arithmetic that refuses to produce NaN: every function checks its domain and
 * throws {@link OutsideDomainException} naming the function and the argument.
 */
public final class DoubleArithmetic implements Arithmetic<Double> {

    /** The one instance: the arithmetic has no state. */
    public static final DoubleArithmetic INSTANCE = new DoubleArithmetic();

    private DoubleArithmetic() {
    }

    @Override
    public Double constant(double c) {
        return c;
    }

    @Override
    public Double add(Double a, Double b) {
        return a + b;
    }

    @Override
    public Double subtract(Double a, Double b) {
        return a - b;
    }

    @Override
    public Double multiply(Double a, Double b) {
        return a * b;
    }

    @Override
    public Double divide(Double a, Double b) {
        if (b == 0) {
            throw new OutsideDomainException("division by zero (" + a + " / 0)");
        }
        return a / b;
    }

    @Override
    public Double negate(Double a) {
        return -a;
    }

    @Override
    public Double pow(Double base, double exponent) {
        return Domains.pow(base, exponent);
    }

    @Override
    public Double pow(Double base, Double exponent) {
        return Domains.pow(base, exponent);
    }

    /**
     * The value from the table of elementary functions ({@code Elementary}), so that a double and
     * a jet evaluated at the same point have the same value, bit for bit.
     */
    @Override
    public Double apply(MathFunction function, Double a) {
        return Elementary.at(function, a).value();
    }
}
