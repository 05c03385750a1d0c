package io.deform4j.mapping;

import static io.deform4j.expression.MathFunction.EXP;
import static io.deform4j.expression.MathFunction.LN;

import io.deform4j.expression.Arithmetic;
import java.util.List;

/**
 * The log-exp family {@code LE(e1,e2)}: δ(ℓ) = e1·ln(exp(ℓ) − e2) (Section 3.1), defined only
 * where exp(ℓ) &gt; e2, i.e. ℓ &gt; ln e2; with e2 ≥ 1 (used on ImageNet) that bound is
 * non-negative and real losses can cross it. δ' = e1·exp(ℓ)/(exp(ℓ) − e2) = e1/(1 − e2·e^−ℓ),
 * δ'' = −e1·e2·exp(ℓ)/(exp(ℓ) − e2)². Doubles are evaluated in the forms that stay finite for
 * large ℓ. Requires e1, e2 &gt; 0.
 */
final class LogExp extends ParametricVdm {

    private final double e1;
    private final double e2;
    private final Domain domain;

    LogExp(Parameter e1, Parameter e2) {
        super("LE", List.of(e1, e2));
        this.e1 = e1.value();
        this.e2 = e2.value();
        require(this.e1 > 0, "e1", this.e1, "> 0");
        require(this.e2 > 0, "e2", this.e2, "> 0");
        this.domain = new Domain(Math.log(this.e2), true, "exp(l) > e2, i.e. l > ln e2");
    }

    @Override
    public double value(double loss) {
        requireInDomain(loss);
        // ln(e^ℓ − e2) = ℓ + ln(1 − e2·e^−ℓ): no overflow of e^ℓ.
        return e1 * (loss + Math.log1p(-e2 * Math.exp(-loss)));
    }

    @Override
    public double derivative(double loss) {
        requireInDomain(loss);
        return e1 / (1 - e2 * Math.exp(-loss));
    }

    @Override
    public double secondDerivative(double loss) {
        requireInDomain(loss);
        double r = e2 * Math.exp(-loss); // e2/e^ℓ
        double denominator = 1 - r;
        return -e1 * r / (denominator * denominator);
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public <T> T apply(T loss, Arithmetic<T> a) {
        return a.scale(e1, a.apply(LN, a.subtract(a.apply(EXP, loss), a.constant(e2))));
    }
}
