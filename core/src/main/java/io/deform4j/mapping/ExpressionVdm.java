package io.deform4j.mapping;

import io.deform4j.expression.Arithmetic;
import io.deform4j.expression.DoubleArithmetic;
import io.deform4j.expression.Expr;
import io.deform4j.expression.ExpressionParser;
import io.deform4j.expression.Jet;
import io.deform4j.expression.JetArithmetic;
import io.deform4j.expression.OutsideDomainException;

/**
 * A user-defined mapping from an expression in {@code l}, written {@code expr:ln(exp(l)-0.9)}.
 * δ' and δ'' are exact, by forward-mode automatic differentiation ({@link Jet}), never finite
 * differences. The domain is wherever the expression evaluates: every function checks its
 * argument, so a point outside it gives an error naming the mapping and ℓ, never NaN.
 */
final class ExpressionVdm implements Vdm {

    private static final Domain WHERE_DEFINED =
            new Domain(Double.NEGATIVE_INFINITY, true, "wherever the expression is defined (checked at evaluation)");

    private final String source;
    private final Expr expression;

    ExpressionVdm(String source) {
        this.source = source.strip();
        this.expression = ExpressionParser.parseInLoss(this.source);
    }

    @Override
    public double value(double loss) {
        try {
            return expression.evaluate(DoubleArithmetic.INSTANCE, name -> loss);
        } catch (OutsideDomainException e) {
            throw outside(loss, e);
        }
    }

    @Override
    public double derivative(double loss) {
        return jet(loss).d1();
    }

    @Override
    public double secondDerivative(double loss) {
        return jet(loss).d2();
    }

    private Jet jet(double loss) {
        try {
            return expression.evaluate(JetArithmetic.INSTANCE, name -> Jet.variable(loss));
        } catch (OutsideDomainException e) {
            throw outside(loss, e);
        }
    }

    private OutsideDomainException outside(double loss, OutsideDomainException cause) {
        return new OutsideDomainException(this + " is undefined at l = " + loss + ": " + cause.getMessage());
    }

    @Override
    public Domain domain() {
        return WHERE_DEFINED;
    }

    @Override
    public <T> T apply(T loss, Arithmetic<T> arithmetic) {
        return expression.evaluate(arithmetic, name -> loss);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExpressionVdm that && expression.equals(that.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return "expr:" + source;
    }
}
