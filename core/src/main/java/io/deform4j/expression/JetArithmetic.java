package io.deform4j.expression;

/**
 * Exact first and second derivatives in one variable by forward-mode automatic differentiation
 * on {@link Jet}s. The elementary functions and their domains come from {@code Elementary}
 * (through {@code ForwardModeArithmetic}), so a function evaluated outside its domain throws
 * {@link OutsideDomainException}, never NaN.
 */
public final class JetArithmetic extends ForwardModeArithmetic<Jet> {

    /** The one instance: the arithmetic has no state. */
    public static final JetArithmetic INSTANCE = new JetArithmetic();

    private JetArithmetic() {
    }

    @Override
    double value(Jet a) {
        return a.value();
    }

    @Override
    boolean isConstant(Jet a) {
        return a.d1() == 0 && a.d2() == 0;
    }

    @Override
    Jet compose(Jet a, Elementary.Local phi) {
        return a.compose(phi);
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

    /** (ab)' = a'b + ab'; (ab)'' = a''b + 2a'b' + ab''. */
    @Override
    public Jet multiply(Jet a, Jet b) {
        return new Jet(a.value() * b.value(),
                product(a.d1(), b.value()) + product(a.value(), b.d1()),
                product(a.d2(), b.value()) + 2 * product(a.d1(), b.d1()) + product(a.value(), b.d2()));
    }

    @Override
    public Jet negate(Jet a) {
        return new Jet(-a.value(), -a.d1(), -a.d2());
    }
}
