package io.deform4j.mapping;

import io.deform4j.expression.Arithmetic;
import java.util.List;

/**
 * The power family δ(ℓ) = c·ℓ^k, written {@code c*l^k} (Table 1's counter-example is
 * {@code 0.5*l^2}): δ' = c·k·ℓ^(k−1), δ'' = c·k·(k−1)·ℓ^(k−2). Requires c, k &gt; 0; a fractional
 * k restricts the domain to ℓ ≥ 0.
 */
final class Power extends ParametricVdm {

    private final double c;
    private final double k;
    private final Domain domain;

    Power(Parameter c, Parameter k) {
        super("POW", List.of(c, k));
        this.c = c.value();
        this.k = k.value();
        require(this.c > 0, "the coefficient c", this.c, "> 0");
        require(this.k > 0, "the exponent k", this.k, "> 0");
        this.domain = this.k == Math.rint(this.k) ? Domain.REAL_LINE
                : Domain.nonNegative("l^k with a fractional k = " + this.k + " needs l >= 0");
    }

    @Override
    public double value(double loss) {
        requireInDomain(loss);
        return c * Math.pow(loss, k);
    }

    @Override
    public double derivative(double loss) {
        requireInDomain(loss);
        return k == 1 ? c : c * k * Math.pow(loss, k - 1);
    }

    @Override
    public double secondDerivative(double loss) {
        requireInDomain(loss);
        if (k == 1) {
            return 0;
        }
        return k == 2 ? 2 * c : c * k * (k - 1) * Math.pow(loss, k - 2);
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public <T> T apply(T loss, Arithmetic<T> a) {
        return a.scale(c, a.pow(loss, k));
    }

    /** {@code c*l^k}, the paper's way of writing it; a coefficient written as arithmetic is parenthesised. */
    @Override
    public String toString() {
        return parameters().get(0).atomicNotation() + "*l^" + parameters().get(1).atomicNotation();
    }
}
