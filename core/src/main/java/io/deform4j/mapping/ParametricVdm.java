package io.deform4j.mapping;

import io.deform4j.expression.OutsideDomainException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A mapping family with named coefficients, written {@code NAME(c1,c2,…)}. Two members are
 * equal when their coefficients have equal values, however they were written.
 */
abstract sealed class ParametricVdm implements Vdm permits ArctanPower, LogExp, Power {

    private final String family;
    private final List<Parameter> parameters;

    ParametricVdm(String family, List<Parameter> parameters) {
        this.family = family;
        this.parameters = List.copyOf(parameters);
        for (Parameter p : parameters) {
            if (!Double.isFinite(p.value())) {
                throw new IllegalArgumentException(family + ": every coefficient must be a finite number, got "
                        + p.notation());
            }
        }
    }

    /** The coefficients, in order. */
    final List<Parameter> parameters() {
        return parameters;
    }

    /** Rejects a coefficient out of range with a message that names it and the rule. */
    final void require(boolean ok, String name, double value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(this + ": " + name + " must be " + rule + ", got " + value);
        }
    }

    /** Throws {@link OutsideDomainException} unless δ is defined at {@code loss}. */
    final void requireInDomain(double loss) {
        if (!domain().contains(loss)) {
            throw new OutsideDomainException(this + " is undefined at l = " + loss + ": it needs " + domain());
        }
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof ParametricVdm that && family.equals(that.family)
                && Arrays.equals(values(), that.values());
    }

    @Override
    public final int hashCode() {
        return family.hashCode() * 31 + Arrays.hashCode(values());
    }

    private double[] values() {
        return parameters.stream().mapToDouble(Parameter::value).toArray();
    }

    @Override
    public String toString() {
        return family + "(" + parameters.stream().map(Parameter::notation).collect(Collectors.joining(",")) + ")";
    }
}
