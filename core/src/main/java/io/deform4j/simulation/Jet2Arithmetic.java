package io.deform4j.simulation;

import io.deform4j.expression.Arithmetic;
import io.deform4j.expression.Elementary;
import io.deform4j.expression.OutsideDomainException;

/**
 * Exact gradients and Hessians in two variables by second-order forward-mode automatic
 * differentiation on {@link Jet2}s. The functions and their domains come from
 * {@link Elementary}, so a function evaluated outside its domain throws
 * {@link OutsideDomainException}, never NaN.
 *
 * <p>{@link Elementary} uses {@link StrictMath}, so that a run gives the same bits on every JVM
 * and platform: the paper's studies are chaotic in places (in the sharp well of Fig. 1, a
 * rounding difference of 1e−16 grows about 10⁴-fold every 20 steps).
 */
public final class Jet2Arithmetic implements Arithmetic<Jet2> {

    /** The one instance: the arithmetic has no state. */
    public static final Jet2Arithmetic INSTANCE = new Jet2Arithmetic();

    private Jet2Arithmetic() {
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
                Jet2.product(a.g1(), v) + Jet2.product(u, b.g1()),
                Jet2.product(a.g2(), v) + Jet2.product(u, b.g2()),
                Jet2.product(a.h11(), v) + Jet2.product(u, b.h11()) + 2 * Jet2.product(a.g1(), b.g1()),
                Jet2.product(a.h12(), v) + Jet2.product(u, b.h12())
                        + Jet2.product(a.g1(), b.g2()) + Jet2.product(a.g2(), b.g1()),
                Jet2.product(a.h22(), v) + Jet2.product(u, b.h22()) + 2 * Jet2.product(a.g2(), b.g2()));
    }

    @Override
    public Jet2 divide(Jet2 a, Jet2 b) {
        if (b.value() == 0) {
            throw new OutsideDomainException("division by zero (" + a.value() + " / 0)");
        }
        return multiply(a, b.compose(Elementary.reciprocal(b.value())));
    }

    @Override
    public Jet2 negate(Jet2 a) {
        return new Jet2(-a.value(), -a.g1(), -a.g2(), -a.h11(), -a.h12(), -a.h22());
    }

    @Override
    public Jet2 pow(Jet2 base, double c) {
        Elementary.Local power = Elementary.pow(base.value(), c);
        return base.isConstant() ? Jet2.constant(power.value()) : base.compose(power);
    }

    @Override
    public Jet2 pow(Jet2 base, Jet2 exponent) {
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
    public Jet2 atan(Jet2 a) {
        return a.compose(Elementary.atan(a.value()));
    }

    @Override
    public Jet2 ln(Jet2 a) {
        return a.compose(Elementary.ln(a.value()));
    }

    @Override
    public Jet2 exp(Jet2 a) {
        return a.compose(Elementary.exp(a.value()));
    }

    @Override
    public Jet2 sqrt(Jet2 a) {
        return a.compose(Elementary.sqrt(a.value()));
    }

    @Override
    public Jet2 tanh(Jet2 a) {
        return a.compose(Elementary.tanh(a.value()));
    }

    @Override
    public Jet2 sin(Jet2 a) {
        return a.compose(Elementary.sin(a.value()));
    }

    @Override
    public Jet2 cos(Jet2 a) {
        return a.compose(Elementary.cos(a.value()));
    }

    @Override
    public Jet2 abs(Jet2 a) {
        return a.compose(Elementary.abs(a.value()));
    }
}
