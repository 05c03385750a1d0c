package io.deform4j.mapping;

import static io.deform4j.expression.MathFunction.ATAN;

import io.deform4j.expression.Arithmetic;
import java.util.List;

/**
 * The arctan-power family {@code AP(a1,a2,a3,a4)}: δ(ℓ) = a1·arctan(a2·ℓ)^a3 + a4·ℓ
 * (Section 3.1). With u = arctan(a2ℓ), u' = a2/(1+a2²ℓ²):
 * δ' = a1·a3·u^(a3−1)·u' + a4 and δ'' = a1·a3·((a3−1)·u^(a3−2)·u'² + u^(a3−1)·u'') with
 * u'' = −2a2³ℓ/(1+a2²ℓ²)².
 *
 * <p>a1, a2, a3 &gt; 0 and a4 ≥ 0 (the paper writes a4 &gt; 0 but uses {@code AP(1.5,0.7,1,0)});
 * a fractional a3 restricts the domain to ℓ ≥ 0.
 */
final class ArctanPower extends ParametricVdm {

    private final double a1;
    private final double a2;
    private final double a3;
    private final double a4;
    private final Domain domain;

    ArctanPower(Parameter a1, Parameter a2, Parameter a3, Parameter a4) {
        super("AP", List.of(a1, a2, a3, a4));
        this.a1 = a1.value();
        this.a2 = a2.value();
        this.a3 = a3.value();
        this.a4 = a4.value();
        require(this.a1 > 0, "a1", this.a1, "> 0");
        require(this.a2 > 0, "a2", this.a2, "> 0");
        require(this.a3 > 0, "a3", this.a3, "> 0");
        require(this.a4 >= 0, "a4", this.a4, ">= 0");
        this.domain = this.a3 == Math.rint(this.a3) ? Domain.REAL_LINE
                : Domain.nonNegative("arctan(a2*l)^a3 with a fractional a3 = " + this.a3 + " needs l >= 0");
    }

    @Override
    public double value(double loss) {
        requireInDomain(loss);
        return a1 * Math.pow(Math.atan(a2 * loss), a3) + a4 * loss;
    }

    @Override
    public double derivative(double loss) {
        requireInDomain(loss);
        double u = Math.atan(a2 * loss);
        double du = a2 / (1 + a2 * a2 * loss * loss);
        return a1 * a3 * powOrOne(u, a3 - 1) * du + a4;
    }

    @Override
    public double secondDerivative(double loss) {
        requireInDomain(loss);
        double u = Math.atan(a2 * loss);
        double q = 1 + a2 * a2 * loss * loss;
        double du = a2 / q;
        double d2u = -2 * a2 * a2 * a2 * loss / (q * q);
        double curvature = a3 == 1 ? 0 : (a3 - 1) * Math.pow(u, a3 - 2) * du * du;
        return a1 * a3 * (curvature + powOrOne(u, a3 - 1) * d2u);
    }

    /** u^k with 0^0 = 1, so that a3 = 1 gives δ' = a1·u' + a4 also at ℓ = 0. */
    private static double powOrOne(double u, double k) {
        return k == 0 ? 1 : Math.pow(u, k);
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public <T> T apply(T loss, Arithmetic<T> a) {
        T arctan = a.apply(ATAN, a.scale(a2, loss));
        T deformed = a.scale(a1, a3 == 1 ? arctan : a.pow(arctan, a3));
        return a4 == 0 ? deformed : a.add(deformed, a.scale(a4, loss));
    }
}
