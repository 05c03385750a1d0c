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
        return multiply(a, b.compose(Elementary.reciprocal(b.value())));
    }

    @Override
    public Jet negate(Jet a) {
        return new Jet(-a.value(), -a.d1(), -a.d2());
    }

    @Override
    public Jet pow(Jet base, double c) {
        Elementary.Local power = Elementary.pow(base.value(), c);
        return base.isConstant() ? Jet.constant(power.value()) : base.compose(power);
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
        return a.compose(Elementary.atan(a.value()));
    }

    @Override
    public Jet ln(Jet a) {
        return a.compose(Elementary.ln(a.value()));
    }

    @Override
    public Jet exp(Jet a) {
        return a.compose(Elementary.exp(a.value()));
    }

    @Override
    public Jet sqrt(Jet a) {
        return a.compose(Elementary.sqrt(a.value()));
    }

    @Override
    public Jet tanh(Jet a) {
        return a.compose(Elementary.tanh(a.value()));
    }

    @Override
    public Jet sin(Jet a) {
        return a.compose(Elementary.sin(a.value()));
    }

    @Override
    public Jet cos(Jet a) {
        return a.compose(Elementary.cos(a.value()));
    }

    @Override
    public Jet abs(Jet a) {
        return a.compose(Elementary.abs(a.value()));
    }
}
