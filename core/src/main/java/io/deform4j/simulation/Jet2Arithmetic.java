package io.deform4j.simulation;

import io.deform4j.expression.Arithmetic;
import io.deform4j.expression.DoubleArithmetic;
import io.deform4j.expression.OutsideDomainException;

/**
 * Exact gradients and Hessians in two variables by second-order forward-mode automatic
 * differentiation on {@link Jet2}s. Domains are checked with {@link DoubleArithmetic}, so a
 * function evaluated outside its domain throws {@link OutsideDomainException}, never NaN.
 *
 * <p>Transcendental functions use {@link StrictMath}, so that a run gives the same bits on
 * every JVM and platform: the paper's studies are chaotic in places (in the sharp well of
 * Fig. 1, a rounding difference of 1e−16 grows about 10⁴-fold every 20 steps), and
 * {@link Math} may differ from one JVM to another by an ulp.
 */
public final class Jet2Arithmetic implements Arithmetic<Jet2> {

    /** The one instance: the arithmetic has no state. */
    public static final Jet2Arithmetic INSTANCE = new Jet2Arithmetic();

    private static final DoubleArithmetic CHECKED = DoubleArithmetic.INSTANCE;

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
        double v = b.value();
        if (v == 0) {
            throw new OutsideDomainException("division by zero (" + a.value() + " / 0)");
        }
        return multiply(a, b.compose(1 / v, -1 / (v * v), 2 / (v * v * v)));
    }

    @Override
    public Jet2 negate(Jet2 a) {
        return new Jet2(-a.value(), -a.g1(), -a.g2(), -a.h11(), -a.h12(), -a.h22());
    }

    @Override
    public Jet2 pow(Jet2 base, double c) {
        double x = base.value();
        CHECKED.pow(Double.valueOf(x), c); // the domain check
        double value = StrictMath.pow(x, c);
        if (base.isConstant()) {
            return Jet2.constant(value);
        }
        if (c == 2) { // the common square, exactly
            return base.compose(x * x, 2 * x, 2);
        }
        double d1 = c == 0 ? 0 : c * StrictMath.pow(x, c - 1);
        double d2 = c == 0 || c == 1 ? 0 : c * (c - 1) * StrictMath.pow(x, c - 2);
        return base.compose(value, d1, d2);
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
        double x = a.value();
        double q = 1 + x * x;
        return a.compose(StrictMath.atan(x), 1 / q, -2 * x / (q * q));
    }

    @Override
    public Jet2 ln(Jet2 a) {
        double x = a.value();
        CHECKED.ln(x); // the domain check
        return a.compose(StrictMath.log(x), 1 / x, -1 / (x * x));
    }

    @Override
    public Jet2 exp(Jet2 a) {
        double e = StrictMath.exp(a.value());
        return a.compose(e, e, e);
    }

    @Override
    public Jet2 sqrt(Jet2 a) {
        double s = CHECKED.sqrt(a.value());
        return a.compose(s, 0.5 / s, -0.25 / (s * s * s));
    }

    @Override
    public Jet2 tanh(Jet2 a) {
        double t = StrictMath.tanh(a.value());
        double sech2 = 1 - t * t;
        return a.compose(t, sech2, -2 * t * sech2);
    }

    @Override
    public Jet2 sin(Jet2 a) {
        double s = StrictMath.sin(a.value());
        return a.compose(s, StrictMath.cos(a.value()), -s);
    }

    @Override
    public Jet2 cos(Jet2 a) {
        double c = StrictMath.cos(a.value());
        return a.compose(c, -StrictMath.sin(a.value()), -c);
    }

    /** |x| with derivative sign(x), taken as 0 at x = 0 (the subgradient PyTorch uses). */
    @Override
    public Jet2 abs(Jet2 a) {
        return a.compose(Math.abs(a.value()), Math.signum(a.value()), 0);
    }
}
