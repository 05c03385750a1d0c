package io.deform4j.expression;

/**
 * Exact gradients and Hessians in two variables by second-order forward-mode automatic
 * differentiation on {@link Jet2}s. The elementary functions and their domains come from
 * {@code Elementary} (through {@code ForwardModeArithmetic}), so a function evaluated outside
 * its domain throws {@link OutsideDomainException}, never NaN.
 *
 * <p>{@code Elementary} uses {@link StrictMath}, so that a run gives the same bits on every JVM
 * and platform: the paper's studies are chaotic in places (in the sharp well of Fig. 1, a
 * rounding difference of 1e−16 grows about 10⁴-fold every 20 steps).
 */
public final class Jet2Arithmetic extends ForwardModeArithmetic<Jet2> {

    /** The one instance: the arithmetic has no state. */
    public static final Jet2Arithmetic INSTANCE = new Jet2Arithmetic();

    private Jet2Arithmetic() {
    }

    @Override
    double value(Jet2 a) {
        return a.value();
    }

    @Override
    boolean isConstant(Jet2 a) {
        return a.g1() == 0 && a.g2() == 0 && a.h11() == 0 && a.h12() == 0 && a.h22() == 0;
    }

    @Override
    Jet2 compose(Jet2 a, Elementary.Local phi) {
        return a.compose(phi);
    }

    @Override
    public Jet2 constant(double c) {
        return Jet2.constant(c);
    }

    @Override
    public Jet2 add(Jet2 a, Jet2 b) {
        return new Jet2(a.value() + b.value(), a.g1() + b.g1(), a.g2() + b.g2(),
                a.h11() + b.h11(), a.h12() + b.h12(), a.h22() + b.h22());
    }

    @Override
    public Jet2 subtract(Jet2 a, Jet2 b) {
        return new Jet2(a.value() - b.value(), a.g1() - b.g1(), a.g2() - b.g2(),
                a.h11() - b.h11(), a.h12() - b.h12(), a.h22() - b.h22());
    }

    /** ∇(ab) = b∇a + a∇b; ∇²(ab) = b∇²a + a∇²b + ∇a∇bᵀ + ∇b∇aᵀ. */
    @Override
    public Jet2 multiply(Jet2 a, Jet2 b) {
        double u = a.value();
        double v = b.value();
        return new Jet2(u * v,
                product(a.g1(), v) + product(u, b.g1()),
                product(a.g2(), v) + product(u, b.g2()),
                product(a.h11(), v) + product(u, b.h11()) + 2 * product(a.g1(), b.g1()),
                product(a.h12(), v) + product(u, b.h12()) + product(a.g1(), b.g2()) + product(a.g2(), b.g1()),
                product(a.h22(), v) + product(u, b.h22()) + 2 * product(a.g2(), b.g2()));
    }

    @Override
    public Jet2 negate(Jet2 a) {
        return new Jet2(-a.value(), -a.g1(), -a.g2(), -a.h11(), -a.h12(), -a.h22());
    }
}
