package io.deform4j.mapping;

import io.deform4j.expression.Arithmetic;

/** δ(ℓ) = ℓ: the original model, written {@code original} (or {@code identity}). */
final class Identity implements Vdm {

    static final Identity INSTANCE = new Identity();

    private Identity() {
    }

    @Override
    public double value(double loss) {
        return loss;
    }

    @Override
    public double derivative(double loss) {
        return 1;
    }

    @Override
    public double secondDerivative(double loss) {
        return 0;
    }

    @Override
    public Domain domain() {
        return Domain.REAL_LINE;
    }

    @Override
    public <T> T apply(T loss, Arithmetic<T> arithmetic) {
        return loss;
    }

    @Override
    public String toString() {
        return "original";
    }
}
