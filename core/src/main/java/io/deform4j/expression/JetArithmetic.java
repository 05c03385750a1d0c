package io.deform4j.expression;

/**
 * Exact first and second derivatives by forward-mode automatic differentiation on {@link Jet}s.
 * Domains are checked as in {@link DoubleArithmetic}: never a silent NaN.
 */
public final class JetArithmetic implements Arithmetic<Jet> {

    /** The one instance: the arithmetic has no state. */
    public static final JetArithmetic INSTANCE = new JetArithmetic();

    private JetArithmetic() {
    }

    @Override
    public Jet constant(double c) {
        return Jet.constant(c);
    }

    @Override
    public Jet add(Jet a, Jet b) {
        return new Jet(a.value() + b.value(), a.d1() + b.d1(), a.d2() + b.d2());
    }

    @Override
    public Jet subtract(Jet a, Jet b) {
        return new Jet(a.value() - b.value(), a.d1() - b.d1(), a.d2() - b.d2());
    }

    @Override
    public Jet multiply(Jet a, Jet b) {
        return new Jet(a.value() * b.value(),
                Jet.product(a.d1(), b.value()) + Jet.product(a.value(), b.d1()),
                Jet.product(a.d2(), b.value()) + 2 * Jet.product(a.d1(), b.d1()) + Jet.product(a.value(), b.d2()));
    }

    @Override
    public Jet divide(Jet a, Jet b) {
        if (b.value() == 0) {
            throw new OutsideDomainException("division by zero (" + a.value() + " / 0)");
        }
        return multiply(a, reciprocal(b));
    }

    private static Jet reciprocal(Jet b) {
        double v = b.value();
        return b.compose(1 / v, -1 / (v * v), 2 / (v * v * v));
    }

    @Override
    public Jet negate(Jet a) {
        return new Jet(-a.value(), -a.d1(), -a.d2());
    }

    @Override
    public Jet pow(Jet base, double c) {
        double x = base.value();
        double value = Domains.pow(x, c);
        if (base.isConstant()) {
            return Jet.constant(value);
        }
        // d/dx x^c = c·x^(c-1); at x = 0 with c < 2 the derivatives are infinite, as they should be.
        double d1 = c == 0 ? 0 : c * Math.pow(x, c - 1);
        double d2 = c == 0 || c == 1 ? 0 : c * (c - 1) * Math.pow(x, c - 2);
        return base.compose(value, d1, d2);
    }

    @Override
    public Jet pow(Jet base, Jet exponent) {
        if (exponent.isConstant()) {
            return pow(base, exponent.value());
        }
        if (!(base.value() > 0)) {
            throw new OutsideDomainException("(" + base.value()
                    + ")^(variable exponent) is undefined: the base must be positive");
        }
        return exp(multiply(exponent, ln(base)));
    }

    @Override
    public Jet atan(Jet a) {
        double x = a.value();
        double q = 1 + x * x;
        return a.compose(Math.atan(x), 1 / q, -2 * x / (q * q));
    }

    @Override
    public Jet ln(Jet a) {
        double x = a.value();
        return a.compose(Domains.ln(x), 1 / x, -1 / (x * x));
    }

    @Override
    public Jet exp(Jet a) {
        double e = Math.exp(a.value());
        return a.compose(e, e, e);
    }

    @Override
    public Jet sqrt(Jet a) {
        double s = Domains.sqrt(a.value());
        return a.compose(s, 0.5 / s, -0.25 / (s * s * s));
    }

    @Override
    public Jet tanh(Jet a) {
        double t = Math.tanh(a.value());
        double sech2 = 1 - t * t;
        return a.compose(t, sech2, -2 * t * sech2);
    }

    @Override
    public Jet sin(Jet a) {
        double s = Math.sin(a.value());
        return a.compose(s, Math.cos(a.value()), -s);
    }

    @Override
    public Jet cos(Jet a) {
        double c = Math.cos(a.value());
        return a.compose(c, -Math.sin(a.value()), -c);
    }

    /** |x| with derivative sign(x), taken as 0 at x = 0 (the subgradient PyTorch uses). */
    @Override
    public Jet abs(Jet a) {
        return a.compose(Math.abs(a.value()), Math.signum(a.value()), 0);
    }
}
